// The Lua state's cache of small blocks: the lua_Alloc contract (contents kept across a
// resize, a shrink never fails, free of nothing), reuse, and the bound on what it keeps.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <lualib.h>

#include "lua/small_blocks.hpp"
#include "lua/state.hpp"

using kvalitet::lua::SmallBlocks;
using kvalitet::lua::State;

namespace {

void fill(void* p, std::size_t n, unsigned char seed) {
    auto* b = static_cast<unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<unsigned char>(seed + i);
}

bool holds(const void* p, std::size_t n, unsigned char seed) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i)
        if (b[i] != static_cast<unsigned char>(seed + i)) return false;
    return true;
}

} // namespace

TEST_CASE("a resize keeps the contents, across size classes and to and from malloc's sizes") {
    SmallBlocks blocks;
    const std::size_t sizes[] = {1, 16, 17, 40, 200, 256, 257, 1000, 24, 5000, 3};
    std::size_t old = 0;
    void* p = nullptr;
    for (std::size_t n : sizes) {
        INFO("from " << old << " to " << n);
        if (p) REQUIRE(holds(p, old, 7));
        void* q = blocks.resize(p, old, n);
        REQUIRE(q != nullptr);
        REQUIRE(holds(q, std::min(old, n), 7)); // what was there survives
        fill(q, n, 7);
        p = q;
        old = n;
    }
    CHECK(blocks.resize(p, old, 0) == nullptr);
    CHECK(blocks.resize(nullptr, 0, 0) == nullptr); // freeing nothing is nothing
}

TEST_CASE("a freed small block is reused for the next request of its class") {
    SmallBlocks blocks;
    void* a = blocks.resize(nullptr, 0, 40);
    REQUIRE(a != nullptr);
    blocks.resize(a, 40, 0);
    CHECK(blocks.cached_bytes() == 48);
    void* b = blocks.resize(nullptr, 0, 33); // 33..48 is the same class
    CHECK(b == a);
    CHECK(blocks.cached_bytes() == 0);
    CHECK(blocks.resize(b, 33, 48) == b); // growing within the class moves nothing
    blocks.resize(b, 48, 0);
}

TEST_CASE("the cache keeps at most its bound; the rest goes back to malloc") {
    SmallBlocks blocks;
    std::vector<void*> held;
    const std::size_t n = 2 * SmallBlocks::kKeepBytes / 64;
    for (std::size_t i = 0; i < n; ++i) held.push_back(blocks.resize(nullptr, 0, 64));
    for (void* p : held) blocks.resize(p, 64, 0);
    CHECK(blocks.cached_bytes() <= SmallBlocks::kKeepBytes);
    CHECK(blocks.cached_bytes() > SmallBlocks::kKeepBytes / 2);
}

TEST_CASE("a Lua state on the cache runs, collects, and still meets its memory cap") {
    State s({.memory_bytes = 8u << 20, .time = std::chrono::milliseconds(0)});
    luaL_requiref(s, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(s, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(s, LUA_TABLIBNAME, luaopen_table, 1);
    lua_settop(s, 0);
    // Many small tables and strings of many sizes, dropped and collected, twice over.
    s.load(R"(
        local n = 0
        for round = 1, 2 do
          local t = {}
          for i = 1, 20000 do t[i] = { i, tostring(i) .. string.rep("x", i % 300) } end
          for i = 1, #t do n = n + #t[i][2] end
          t = nil
          collectgarbage()
        end
        return n
    )", "=blokke");
    s.call(0, 1);
    long long expected = 0;
    for (int i = 1; i <= 20000; ++i) expected += static_cast<long long>(std::to_string(i).size()) + i % 300;
    CHECK(lua_tointeger(s, -1) == 2 * expected);
    lua_settop(s, 0);
    const std::size_t after = s.memory_used();
    CHECK(after < (2u << 20));

    s.load("local t = {} for i = 1, 1e7 do t[i] = tostring(i) end", "=for_meget");
    CHECK_THROWS_AS(s.call(0, 0), kvalitet::ScriptError); // the cap holds with the cache in front
    lua_settop(s, 0);
    lua_gc(s, LUA_GCCOLLECT);
    CHECK(s.memory_used() <= after + (1u << 20));
}
