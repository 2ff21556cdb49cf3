#include "saet.hpp"

#include <fmt/format.h>

#include <cctype>

#include "lua/error.hpp"

namespace kvalitet::repl {

namespace {

[[noreturn]] void bad_path(std::string_view sti, const std::string& why) {
    throw InputError(fmt::format("stien '{}' {}; skriv f.eks. forhold.motiveret eller ydelser[0].paragraf", sti, why),
                     "ugyldigt_input", std::string(sti));
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

std::string shown(const std::vector<Led>& led, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += led[i].indeks ? fmt::format("[{}]", *led[i].indeks) : (out.empty() ? "" : ".") + led[i].navn;
    return out;
}

} // namespace

std::vector<Led> sti_led(std::string_view sti) {
    std::vector<Led> out;
    std::size_t i = 0;
    if (sti.empty()) bad_path(sti, "er tom");
    while (i < sti.size()) {
        if (sti[i] == '[') {
            const auto end = sti.find(']', i);
            if (end == std::string_view::npos || end == i + 1 || out.empty()) bad_path(sti, "har et ufærdigt [indeks]");
            std::size_t n = 0;
            for (std::size_t j = i + 1; j < end; ++j) {
                if (!std::isdigit(static_cast<unsigned char>(sti[j])) || n > 1'000'000) bad_path(sti, "har et indeks, der ikke er et tal");
                n = n * 10 + std::size_t(sti[j] - '0');
            }
            out.push_back({"", n});
            i = end + 1;
            if (i < sti.size() && sti[i] != '.' && sti[i] != '[') bad_path(sti, "fortsætter forkert efter ]");
            if (i < sti.size() && sti[i] == '.') ++i;
            continue;
        }
        std::size_t j = i;
        while (j < sti.size() && name_char(sti[j])) ++j;
        if (j == i) bad_path(sti, fmt::format("har et tegn, der ikke hører til et feltnavn ('{}')", sti[i]));
        out.push_back({std::string(sti.substr(i, j - i)), std::nullopt});
        i = j;
        if (i < sti.size() && sti[i] == '.') {
            ++i;
            if (i == sti.size()) bad_path(sti, "slutter med et punktum");
        }
    }
    return out;
}

std::optional<Json> vaerdi_af(std::string_view tekst) {
    if (tekst == "ukendt" || tekst == "null") return std::nullopt;
    // A caseworker writes ja and nej; no field of the case holds those words as text.
    if (tekst == "ja") return Json(true);
    if (tekst == "nej") return Json(false);
    Json j = Json::parse(std::string(tekst), nullptr, false);
    if (j.is_discarded()) return Json(std::string(tekst));
    return j;
}

Json med_aendring(Json sag, std::string_view sti, const std::optional<Json>& vaerdi) {
    const auto led = sti_led(sti);
    Json* at = &sag;
    for (std::size_t i = 0; i < led.size(); ++i) {
        const bool last = i + 1 == led.size();
        const Led& l = led[i];
        if (l.indeks) {
            if (!at->is_array())
                bad_path(sti, fmt::format("går gennem '{}', som ikke er en liste", shown(led, i)));
            const std::size_t n = *l.indeks;
            if (n > at->size() || (n == at->size() && !vaerdi))
                bad_path(sti, fmt::format("peger ud over '{}', som har {} element{} (tæl fra 0)", shown(led, i),
                                          at->size(), at->size() == 1 ? "" : "er"));
            if (last) {
                if (!vaerdi) at->erase(n);
                else if (n == at->size()) at->push_back(*vaerdi);
                else (*at)[n] = *vaerdi;
                return sag;
            }
            if (n == at->size()) at->push_back(Json::object());
            at = &(*at)[n];
            continue;
        }
        if (at->is_null()) *at = Json::object();
        if (!at->is_object())
            bad_path(sti, i == 0 ? std::string("kræver en sag, der er et objekt")
                                 : fmt::format("går gennem '{}', som ikke er et objekt", shown(led, i)));
        if (last) {
            if (!vaerdi) at->erase(l.navn);
            else (*at)[l.navn] = *vaerdi;
            return sag;
        }
        if (!vaerdi && !at->contains(l.navn)) return sag; // removing what is not there
        at = &(*at)[l.navn];
    }
    return sag;
}

const Json* vaerdi_ved(const Json& sag, std::string_view sti) {
    std::vector<Led> led;
    try {
        led = sti_led(sti);
    } catch (const InputError&) {
        return nullptr;
    }
    const Json* at = &sag;
    for (const Led& l : led) {
        if (l.indeks) {
            if (!at->is_array() || *l.indeks >= at->size()) return nullptr;
            at = &(*at)[*l.indeks];
        } else {
            if (!at->is_object()) return nullptr;
            auto it = at->find(l.navn);
            if (it == at->end()) return nullptr;
            at = &*it;
        }
    }
    return at;
}

} // namespace kvalitet::repl
