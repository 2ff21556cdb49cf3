#pragma once
// Sag: one citizen's case, validated from the contract's case JSON. Every field that may
// be absent is optional; absence means "not yet known", never a default.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dato.hpp"
#include "domain/vum.hpp"
#include "kvalitet/export.h"

namespace kvalitet {

// The caseworker's findings, three-valued: true, false, or not yet assessed.
struct KVALITET_API Forhold {
    static constexpr std::array<std::string_view, 9> ids{
        "saerlige_sociale_problemer",  "kan_deltage_aktivt",
        "profiterer_af_stoette",       "daarligt_helbred",
        "kan_afhjaelpes_med_hjaelpemidler", "kan_afhjaelpes_med_traening",
        "kan_afhjaelpes_efter_anden_lovgivning", "motiveret",
        // Kerteminde's escort: cannot set off alone for psychological reasons, or cannot
        // explain oneself or act on messages (the contract's list may grow)
        "behov_for_ledsagelse"};
    std::array<std::optional<bool>, ids.size()> vaerdi{};
    static std::optional<std::size_t> index(std::string_view id);
};

struct Ydelse {
    std::string paragraf;
};

struct Bevilling {
    std::optional<Dato> afgoerelse_dato, afgoerelse_modtaget, start;
    std::optional<Dato> afgoerelse_sendt;             // the decision's letter date
    std::optional<std::string> afgoerelse_kanal;      // "digital" | "fysisk"
    std::optional<bool> foerstegangs;
    std::optional<double> timer;
    std::optional<std::string> periode; // "uge" | "maaned"
    std::optional<std::string> pakke;
    std::optional<std::string> form; // "individuel" | "gruppe" | "kombination"
    std::optional<bool> naert_beslaegtet; // leverandoer.naert_beslaegtet
    std::optional<int> opfoelgning_interval_maaneder;
};

struct Opfoelgning {
    Dato dato;
    std::optional<std::string> form; // personlig | virtuel | telefonisk | administrativ
};

struct Levering {
    // The kinds a delivery can have (the case schema's enum), read by the case reader and
    // checked by the list primitives' 'arter'.
    static constexpr std::array<std::string_view, 6> arter{"ansigt_til_ansigt", "telefon", "video",
                                                           "sms", "transport", "administration"};
    // The entry of `arter` equal to s, or nullopt: a delivery's kind is that entry itself,
    // so reading a case allocates nothing for it and a kind is compared by its address.
    static constexpr std::optional<std::string_view> art_of(std::string_view s) {
        for (const auto a : arter)
            if (a == s) return a;
        return std::nullopt;
    }

    Dato dato;
    int start_minut = 0; // minutes after midnight ("HH:MM")
    int minutter = 0;
    std::string_view art; // one of arter (the entry itself: static storage)
};

struct Afbud {
    Dato dato;
    std::string af; // borger | udeblevet | leverandoer
};

// Limits on a case document, checked before anything is built from it, so that one
// hostile or broken case costs at most a small multiple of its size. Each violation is an
// InputError with its own code (docs/fejlkoder.md) and, where a field is at fault, its path.
// Real cases are far inside every default: a few KB, 3 levels deep, lists of hundreds.
struct SagGraenser {
    std::size_t max_bytes = std::size_t(1) << 20; // the whole document, in bytes ("for_stor")
    std::size_t max_dybde = 32;                   // nesting of objects and lists ("for_dyb")
    std::size_t max_liste = 10000;                // elements in one list ("for_lang_liste")
    std::size_t max_felter = 1000;                // members of one object ("for_mange_felter")
    std::size_t max_tekst = 1000;                 // characters in one text or field name ("for_lang_tekst")
    // Not a limit: the line the document starts on in its file. An NDJSON line is its own
    // document, and a message must name the line a user sees ("linje 7, kolonne 12").
    std::size_t foerste_linje = 1;
    std::size_t foerste_kolonne = 1; // where on that line it starts (an element of an array)
};

// What the case reader does with a field the case schema (docs/schema/sag.schema.json)
// does not know: list its path in Sag::ignorerede_felter, or refuse the case with the
// code "ukendt_felt", the path and the closest known name (--streng).
enum class UkendteFelter { Ignorer, Afvis };

struct KVALITET_API Sag {
    // Most paths kept in ignorerede_felter: a case full of unknown fields stays small.
    static constexpr std::size_t kMaxIgnorerede = 100;

    std::string id;
    std::optional<std::string> kommune;
    std::optional<int> alder;
    std::optional<Dato> foedselsdato;
    std::optional<Dato> ansoegning_modtaget;
    std::optional<bool> ansoegning_akut;
    std::optional<Vum> vum;
    Forhold forhold;
    std::vector<Ydelse> ydelser;
    std::vector<std::string> ansoegte_aktiviteter;
    std::optional<Bevilling> bevilling;
    std::vector<Opfoelgning> opfoelgninger;
    std::vector<Levering> leverancer;
    std::vector<Afbud> afbud;
    std::optional<Dato> klage_modtaget;
    std::optional<Dato> klage_genvurderet; // new decision on the complaint, or forwarded to Ankestyrelsen
    std::optional<Dato> arbejdspladsvurdering_dato;
    std::optional<Dato> indsatsplan_dato;
    // The lists the case gave, an empty one included; left out or null: not reported, so
    // "no deliveries" cannot be told from "not told". A rule asks oplyst(sag.leverancer).
    struct Givne {
        bool ydelser = false, ansoegte_aktiviteter = false, opfoelgninger = false, leverancer = false, afbud = false;
    };
    Givne givet;
    // JSON paths of the fields the schema does not know ("forhold.motivret",
    // "ydelser[0].paragraff"), in document order, at most kMaxIgnorerede.
    std::vector<std::string> ignorerede_felter;

    // Age on `on`: from the birth date when given, else the stated age.
    std::optional<int> alder_paa(Dato on) const;

    // Parses and validates the contract's case JSON. Throws InputError, and nothing else,
    // for any bytes: in Danish, with the contract's `kode` and the JSON path as `felt`
    // ("vum.temaer.socialt_liv"), or the line and column of a syntax error. A leading
    // UTF-8 byte order mark is skipped; a key given twice in any object is an error.
    static Sag from_json(std::string_view text, const SagGraenser& graenser = {});
    static Sag from_json(std::string_view text, const SagGraenser& graenser, UkendteFelter ukendte);
};

// The case's top-level "id" (a string, or an integer written as digits) as far as `text`
// can be read from its start, for error reports on input that from_json refused; nullopt
// when the text breaks before an id. Bounded: O(nesting) memory, one pass.
KVALITET_API std::optional<std::string> sag_id_of(std::string_view text);

} // namespace kvalitet
