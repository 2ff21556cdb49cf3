#include "server/ruter.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kvalitet::server {

namespace {

struct Post {
    Rute rute;
    std::string_view skabelon, metode;
    bool token;
};

// "{id}" matches any one segment.
constexpr std::array<Post, 14> kRuter{{
    {Rute::Side, "/", "GET", false}, // the page holds nothing secret; what it fetches asks for the token
    {Rute::Sundhed, "/sundhed", "GET", false},
    {Rute::Metrics, "/metrics", "GET", true},
    {Rute::OpenApi, "/v1/openapi.json", "GET", true},
    {Rute::Kommuner, "/v1/kommuner", "GET", true},
    {Rute::Kommune, "/v1/kommuner/{id}", "GET", true},
    {Rute::Vurdering, "/v1/kommuner/{id}/vurdering", "POST", true},
    {Rute::Dokument, "/v1/kommuner/{id}/dokument", "GET", true},
    {Rute::Vurderinger, "/v1/kommuner/{id}/vurderinger", "POST", true},
    {Rute::Sager, "/v1/sager", "GET", true},
    {Rute::NySag, "/v1/sager", "POST", true},
    {Rute::Sag, "/v1/sager/{id}", "GET", true},
    {Rute::SagVurderinger, "/v1/sager/{id}/vurderinger", "GET", true},
    {Rute::Genindlaes, "/v1/admin/genindlaes", "POST", true},
}};

std::vector<std::string_view> segments(std::string_view sti) {
    std::vector<std::string_view> out;
    if (sti.empty() || sti.front() != '/') return out;
    sti.remove_prefix(1);
    while (true) {
        const auto slash = sti.find('/');
        out.push_back(sti.substr(0, slash));
        if (slash == std::string_view::npos) break;
        sti.remove_prefix(slash + 1);
    }
    return out;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A segment of the path as the client wrote it, %XX decoded; nothing when a % is not
// followed by two hex digits.
std::optional<std::string> decoded(std::string_view seg) {
    std::string out;
    out.reserve(seg.size());
    for (std::size_t i = 0; i < seg.size(); ++i) {
        if (seg[i] != '%') {
            out += seg[i];
            continue;
        }
        if (i + 2 >= seg.size()) return std::nullopt;
        const int a = hex(seg[i + 1]), b = hex(seg[i + 2]);
        if (a < 0 || b < 0) return std::nullopt;
        out += char(a * 16 + b);
        i += 2;
    }
    return out;
}

const Post* post(Rute r) {
    for (const auto& p : kRuter)
        if (p.rute == r) return &p;
    return nullptr;
}

} // namespace

// `sti` is the path as the client sent it (not yet decoded): a case id "2026/123" comes as
// one segment, 2026%2F123, and is decoded only after the path is split.
Match find_rute(std::string_view sti, std::string_view metode) {
    std::vector<std::string> got;
    for (auto seg : segments(sti)) {
        auto d = decoded(seg);
        if (!d) return {};
        got.push_back(std::move(*d));
    }
    if (metode == "HEAD") metode = "GET";
    Match first;
    for (const auto& p : kRuter) {
        const auto want = segments(p.skabelon);
        if (want.size() != got.size()) continue;
        Match m;
        bool ok = true;
        for (std::size_t i = 0; i < want.size() && ok; ++i) {
            if (want[i] == "{id}") {
                ok = !got[i].empty();
                m.id = std::string(got[i]);
            } else {
                ok = want[i] == got[i];
            }
        }
        if (!ok) continue;
        m.rute = p.rute;
        if (metode.empty() || p.metode == metode) return m;
        if (first.rute == Rute::Ukendt) first = std::move(m);
    }
    return first;
}

std::vector<Rute> alle_ruter() {
    std::vector<Rute> out;
    for (const auto& p : kRuter) out.push_back(p.rute);
    return out;
}

std::string tilladte(Rute r) {
    const Post* self = post(r);
    if (!self) return "";
    std::string out;
    for (const auto& p : kRuter)
        if (p.skabelon == self->skabelon) out += (out.empty() ? "" : ", ") + std::string(p.metode);
    return out;
}

std::string_view skabelon(Rute r) {
    const Post* p = post(r);
    return p ? p->skabelon : "ukendt";
}

std::string_view metode(Rute r) {
    const Post* p = post(r);
    return p ? p->metode : "";
}

bool kraever_token(Rute r) {
    const Post* p = post(r);
    return !p || p->token;
}

} // namespace kvalitet::server
