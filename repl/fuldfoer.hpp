#pragma once
// What the REPL offers that does not come from Lua: file names and the case store's ids,
// for completion after :sag and for :sager. The store is only read (and not created when
// it is not there): looking at cases must never change them.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kvalitet::repl {

// Paths that begin with `begyndelse` (a folder's entries; a folder with "/" after it), sorted.
std::vector<std::string> filnavne(std::string_view begyndelse, std::size_t hoejst = 200);

// Ids of the cases in the store at `db` that begin with `begyndelse`, sorted; none when
// there is no store.
std::vector<std::string> sags_ider(const std::string& db, std::string_view begyndelse, std::size_t hoejst = 200);

// :sager TEKST: the cases whose id holds `tekst` (id, municipality), sorted, at most
// `hoejst`, and how many there are in all. Throws InputError when there is no store.
struct SagsListe {
    std::vector<std::pair<std::string, std::string>> sager;
    std::int64_t i_alt = 0;
};
SagsListe sager_i_databasen(const std::string& db, std::string_view tekst, std::size_t hoejst);

} // namespace kvalitet::repl
