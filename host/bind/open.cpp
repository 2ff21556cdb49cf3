#include "bind/bind.hpp"

namespace kvalitet::bind {

void open_dates(lua_State* L);
void open_case_views(lua_State* L);
void open_list_primitives(lua_State* L);
void open_tal(lua_State* L);

void open_domain(lua_State* L) {
    open_dates(L);
    open_case_views(L);
    open_list_primitives(L);
    open_tal(L);
}

} // namespace kvalitet::bind
