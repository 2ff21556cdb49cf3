#include "fuldfoer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "lua/error.hpp"
#include "store/case_store.hpp"

namespace kvalitet::repl {

namespace fs = std::filesystem;

std::vector<std::string> filnavne(std::string_view begyndelse, std::size_t hoejst) {
    const std::string b(begyndelse);
    const auto slash = b.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : b.substr(0, slash + 1);
    const std::string start = slash == std::string::npos ? b : b.substr(slash + 1);
    std::vector<std::string> out;
    std::error_code ec;
    fs::directory_iterator it(dir.empty() ? fs::path(".") : fs::path(dir), ec), end;
    for (; !ec && it != end && out.size() < hoejst; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(start) || (name[0] == '.' && !start.starts_with("."))) continue;
        std::error_code e2;
        out.push_back(dir + name + (it->is_directory(e2) ? "/" : ""));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> sags_ider(const std::string& db, std::string_view begyndelse, std::size_t hoejst) {
    std::vector<std::string> out;
    std::error_code ec;
    if (db.empty() || !fs::is_regular_file(db, ec)) return out;
    try {
        CaseStore store(db, CaseStore::Access::ReadOnly);
        SQLite::Statement st(store.db(), "SELECT id FROM sager WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT ?2");
        st.bind(1, std::string(begyndelse));
        st.bind(2, static_cast<std::int64_t>(hoejst));
        while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    } catch (const std::exception&) {
        // no candidates from a store that cannot be read: completion never disturbs the line
    }
    return out;
}

SagsListe sager_i_databasen(const std::string& db, std::string_view tekst, std::size_t hoejst) {
    std::error_code ec;
    if (!fs::is_regular_file(db, ec))
        throw InputError(fmt::format("der er ingen sagsdatabase i {} (opret den med kvalitet db importer, eller vælg en "
                                     "med --db)", db));
    CaseStore store(db, CaseStore::Access::ReadOnly);
    SagsListe out;
    SQLite::Statement n(store.db(), "SELECT count(*) FROM sager WHERE instr(id, ?1) > 0");
    n.bind(1, std::string(tekst));
    if (n.executeStep()) out.i_alt = n.getColumn(0).getInt64();
    SQLite::Statement st(store.db(), "SELECT id, kommune FROM sager WHERE instr(id, ?1) > 0 ORDER BY id LIMIT ?2");
    st.bind(1, std::string(tekst));
    st.bind(2, static_cast<std::int64_t>(hoejst));
    while (st.executeStep()) out.sager.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
}

} // namespace kvalitet::repl
