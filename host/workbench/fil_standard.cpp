#include "workbench/fil_standard.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <fstream>

#include "engine/standard.hpp"
#include "harness/testfil.hpp"
#include "lua/error.hpp"
#include "lua/state.hpp"
#include "workbench/lua_tekst.hpp"

namespace kvalitet::workbench {

namespace fs = std::filesystem;

namespace {

std::string read(const Sources& base, const fs::path& p) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) throw InputError(fmt::format("{}: er en mappe, ikke en fil; giv standardens .lua-fil", p.string()));
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        // `kvalitet tjek varde`: a municipality's id where a file was meant
        const std::string name = p.string();
        const auto known = kommuner(base);
        const bool id = !fs::exists(p, ec) && std::find(known.begin(), known.end(), name) != known.end();
        throw InputError(id ? fmt::format("{}: kan ikke åbne filen; mente du kommunen (--kommune {})?", name, name)
                            : fmt::format("{}: kan ikke åbne filen", name));
    }
    // At most one byte past the limit: a pipe, /dev/zero or a FIFO has no size to ask first,
    // and was read whole (2 GB) before the limit could refuse it.
    std::string text(kMaxScannet + 1, '\0');
    in.read(text.data(), std::streamsize(text.size()));
    text.resize(std::size_t(in.gcount()));
    if (text.size() > kMaxScannet) check_scannable(p.string(), text.size(), true);
    return text;
}

void write(const fs::path& p, std::string_view text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// kvalitetsstandard { kommune = "x" }, as written.
std::string declared_kommune(const std::string& text) {
    const LuaTekst t = scan_lua(text);
    for (std::size_t i = 0; i + 1 < t.tokens.size(); ++i) {
        if (t.tokens[i].art != Token::Art::Navn || t.tokens[i].tekst != "kvalitetsstandard") continue;
        const auto v = field_value(t, t.tokens[i].linje, "kvalitetsstandard", "kommune");
        if (v.size() == 1 && v[0].art == Token::Art::Tekst) return v[0].tekst;
    }
    return {};
}

fs::path make_temp_dir() {
    std::string tmpl = (fs::temp_directory_path() / "kvalitet-tjek-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw InputError("kan ikke oprette en midlertidig mappe til standarden");
    return tmpl;
}

} // namespace

FilStandard::FilStandard(const Sources& base, const fs::path& fil) : fil_(fil) {
    std::error_code ec; // before reading it: a file of 200 MB was read whole, then scanned
    if (const auto size = fs::file_size(fil, ec); !ec) check_scannable(fil.string(), std::size_t(size));
    const std::string text = read(base, fil);
    kommune_ = harness::kommune_of_path(fil.generic_string());
    if (kommune_.empty()) kommune_ = declared_kommune(text);
    if (!valid_kommune_id(kommune_)) {
        // A file Lua cannot read has no declaration to find: name the line where it breaks
        // (a script error, exit 1) rather than call it wrong use.
        lua::State(lua::Limits{}).load(text, "@" + fil.string());
        throw InputError(fmt::format("{}: filen erklærer ingen kvalitetsstandard {{ kommune = \"…\" }} med et gyldigt "
                                     "kommune-id (a-z, 0-9, _)",
                                     fil.string()));
    }
    tmp_ = make_temp_dir();
    try {
        for (const char* root : {"dsl", "stdlib"})
            for (const auto& f : base.list(root)) write(tmp_ / f, base.read(f).value_or(""));
        const fs::path own = tmp_ / "municipalities" / kommune_;
        write(own / "standard.lua", text);
        const fs::path tests = fil.parent_path() / "tests";
        std::error_code ec;
        if (fs::is_directory(tests, ec))
            for (const auto& e : fs::recursive_directory_iterator(tests, ec)) {
                const auto ext = e.path().extension();
                if (e.is_regular_file() && (ext == ".lua" || ext == ".json"))
                    write(own / "tests" / fs::relative(e.path(), tests), read(base, e.path()));
            }
    } catch (...) {
        std::error_code ec;
        fs::remove_all(tmp_, ec);
        throw;
    }
    sources_ = Sources::directory(tmp_);
}

FilStandard::~FilStandard() {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
}

std::string FilStandard::vis(std::string_view sti) const {
    const std::string own = "municipalities/" + kommune_ + "/";
    if (!sti.starts_with(own)) return std::string(sti);
    const std::string_view rest = sti.substr(own.size());
    if (rest == "standard.lua") return fil_.string();
    return (fil_.parent_path() / std::string(rest)).generic_string();
}

} // namespace kvalitet::workbench
