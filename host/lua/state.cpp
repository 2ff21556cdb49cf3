#include "lua/state.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <clocale>
#include <cstring>
#include <locale.h>
#include <mutex>
#include <new>
#include <optional>
#include <unordered_map>

#include "domain/tekst.hpp"
#include "lua/danish.hpp"
#include "lua/open_brace.hpp"

namespace kvalitet::lua {

namespace {

// "dsl/x.lua:12: " at the start of an error: the length of that place, else 0.
std::size_t dsl_place(std::string_view msg) {
    if (!msg.starts_with("dsl/")) return 0;
    const auto colon = msg.find(".lua:");
    if (colon == std::string_view::npos) return 0;
    std::size_t j = colon + 5;
    while (j < msg.size() && msg[j] >= '0' && msg[j] <= '9') ++j;
    return j > colon + 5 && msg.substr(j).starts_with(": ") ? j + 2 : 0;
}

// An error raised inside the DSL's own code (mindst("x", 1) comparing in dsl/hjaelpere.lua)
// is the calling rule's mistake: name the rule's file and line, the first frame outside
// dsl/, which a policy officer can open (or the REPL's line). It is looked for among the
// few frames nearest the error only: lua_getstack walks from the top for every level, so
// a search down a stack of 200,000 DSL frames (a recursion through tail calls) would take
// seconds, in C, where the time limit cannot stop it. With none found (a rule's `return
// og(...)` is a tail call, its frame gone), no place: the engine then names the rule's
// declaration. The traceback still shows the DSL's frame.
constexpr int kRuleFrameSearch = 12;

// The nearest frame a policy officer can open (not dsl/, not a string chunk): its file and
// line, or false with `ar` untouched.
bool rule_frame(lua_State* L, lua_Debug& ar) {
    for (int level = 1; level <= kRuleFrameSearch && lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
        if (ar.source[0] != '@' && ar.source[0] != '=') continue; // a string chunk has no file to name
        if (std::string_view(ar.source + 1).starts_with("dsl/")) continue;
        return true;
    }
    return false;
}

void at_rule(lua_State* L, int msg) {
    const std::size_t n = dsl_place(lua_tostring(L, msg));
    if (n == 0) return;
    lua_Debug ar;
    if (rule_frame(L, ar)) lua_pushfstring(L, "%s:%d: %s", ar.source + 1, ar.currentline, lua_tostring(L, msg) + n);
    else lua_pushstring(L, lua_tostring(L, msg) + n);
    lua_replace(L, msg);
}

// error({}) or error(7) carries no place (Lua adds one only to a text): the line that raised it.
const char* with_place(lua_State* L, const char* msg) {
    lua_Debug ar;
    if (!rule_frame(L, ar)) return msg;
    return lua_pushfstring(L, "%s:%d: %s", ar.source + 1, ar.currentline, msg);
}

// Whether a message starts with a place ("file.lua:12: "), as Lua's error() and
// luaL_where give it. error("x", 0), or an error from a C function Lua called from C (a
// comparison inside table.sort), has none.
bool has_place(std::string_view msg) {
    const auto sep = msg.find(": ");
    if (sep == std::string_view::npos) return false;
    const auto head = msg.substr(0, sep);
    const auto colon = head.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == head.size()) return false;
    return head.find_first_not_of("0123456789", colon + 1) == std::string_view::npos;
}

// A Lua value's type as a script writer knows it: a host type by its own name (a Dato,
// not "userdata"), as Lua's own messages name it.
std::string type_of(lua_State* L, int i) {
    std::string name = luaL_typename(L, i);
    if (luaL_getmetafield(L, i, "__name") != LUA_TNIL) {
        if (lua_type(L, -1) == LUA_TSTRING) name = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    return name;
}

// What error() was given, when it was not a text (at index 1), as a text with its place.
const char* error_value_text(lua_State* L) {
    if (lua_type(L, 1) == LUA_TNUMBER) { // error(42): the bare "42" says nothing about where it came from or what to write
        lua_pushvalue(L, 1);
        const char* n = std::isnan(lua_tonumber(L, 1)) ? "NaN" // not "-nan"
                                                        : lua_tostring(L, -1); // converts the copy, not the error value
        return with_place(L, lua_pushfstring(L, "error() fik et tal (%s), ikke en tekst; skriv error(\"hvad der er galt\")", n));
    }
    // error({}) or error(): say what it got and what to write, not "table"
    return with_place(L, lua_pushfstring(L, "error() fik %s, ikke en tekst; skriv error(\"hvad der er galt\")",
                                         a_value(type_of(L, 1)).c_str()));
}

} // namespace

int place_in_rule(lua_State* L) {
    lua_settop(L, 1);
    if (lua_type(L, 1) == LUA_TSTRING) {
        // A NUL ends the text for everything after (the traceback, the message's copy): shown
        // as the other control characters are, so what follows it is kept.
        std::size_t n = 0;
        const char* s = lua_tolstring(L, 1, &n);
        if (std::memchr(s, '\0', n)) {
            std::string shown(s, n);
            for (std::size_t at = shown.find('\0'); at != std::string::npos; at = shown.find('\0', at))
                shown.replace(at, 1, "\\u{00}");
            lua_pushlstring(L, shown.data(), shown.size());
            lua_replace(L, 1);
        }
        at_rule(L, 1);
        // error("x", 0) in a script's file: the line that raised it, not only the rule. Not
        // in the host's own chunks ("=med"), whose errors speak for their caller.
        lua_Debug ar;
        if (!has_place(lua_tostring(L, 1)) && rule_frame(L, ar) && ar.source[0] == '@') {
            lua_pushfstring(L, "%s:%d: %s", ar.source + 1, ar.currentline, lua_tostring(L, 1));
            lua_replace(L, 1);
        }
    } else { // placed here, while the frame that raised it is still on the stack
        lua_pushstring(L, error_value_text(L));
        lua_replace(L, 1);
    }
    return 1;
}

namespace {

int message_handler(lua_State* L) {
    place_in_rule(L);
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
}

constexpr std::size_t kMiB = 1u << 20;

} // namespace

State::State(Limits limits) : limits_(limits) {
    mem_.cap = limits_.memory_bytes;
    L_ = lua_newstate(&State::allocate, &mem_);
    if (!L_) throw std::bad_alloc();
    host_.state = this;
    *static_cast<Host**>(lua_getextraspace(L_)) = host_ptr_;
    lua_atpanic(L_, &State::panic);
    try {
        if (limits_.time.count() > 0) watch_ = std::make_unique<Watch>(L_, &State::budget_hook, limits_.time);
    } catch (...) { // no watchdog thread to be had: no state without its time budget
        lua_close(L_);
        throw;
    }
}

// Lua calls this for an error raised outside any protected call, and would abort after
// it returns. Every call on a script's behalf is protected, so this is a host bug; an
// embedding process must still not die of it. The C++ build of Lua unwinds with C++
// exceptions, so throwing from here reaches the host's catch like any ScriptError.
int State::panic(lua_State* L) {
    State& s = of(L);
    s.broken_ = true;
    std::string text = "intern fejl i Lua-tilstanden";
    if (const char* m = lua_tostring(L, -1)) text += fmt::format(" ({})", m);
    throw ScriptError(ScriptError::Kind::Host, text + "; standarden skal indlæses igen");
}

State::~State() {
    watch_.reset(); // the watchdog must stop looking before the state goes
    if (L_) lua_close(L_);
}

// Growth beyond the cap is refused; frees and shrinks always succeed, so Lua can
// collect garbage and unwind after LUA_ERRMEM and the state stays usable.
void* State::allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept {
    auto* mem = static_cast<Memory*>(ud);
    std::size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        mem->blocks.resize(ptr, osize, 0);
        mem->used -= old;
        return nullptr;
    }
    if (nsize > old && mem->used + (nsize - old) > mem->cap) return nullptr;
    void* p = mem->blocks.resize(ptr, old, nsize);
    if (p) mem->used = mem->used - old + nsize;
    return p;
}

// Armed by the watchdog with a count of 1, so it fires on every instruction until the
// call ends: nothing can swallow the error and go on.
void State::budget_hook(lua_State* L, lua_Debug*) { of(L).raise_budget(L, 0); }

void State::raise_budget(lua_State* L, int level) {
    budget_hit_ = true;
    const auto ms = limits_.time.count();
    const std::string limit = ms % 1000 == 0 ? fmt::format("{} sekund{}", ms / 1000, ms == 1000 ? "" : "er")
                                             : fmt::format("{} ms", ms);
    luaL_where(L, level);
    lua_pushfstring(L, "scriptet kørte længere end %s (er der en uendelig løkke?)", limit.c_str());
    lua_concat(L, 2);
    lua_error(L);
    std::abort(); // unreachable: lua_error throws
}

void State::check_budget() {
    if (watch_ && watch_->overran()) raise_budget(L_, 1);
}

void State::check_memory(std::size_t bytes) {
    if (bytes <= memory_left()) return;
    // What counts is live memory: garbage left by an earlier case must not make this one
    // fail (Lua's own allocator collects before it fails, too).
    lua_gc(L_, LUA_GCCOLLECT);
    if (bytes <= memory_left()) return;
    memory_hit_ = true;
    luaL_error(L_, "scriptet ville bruge mere end %d MiB hukommelse", int(limits_.memory_bytes / kMiB));
}

namespace {

// Lua formats and reads numbers with printf and strtod and compares texts with strcoll, all
// by the locale: in a process that embeds us and set a Danish one, 4.5 became "4,5",
// tonumber("7,5") a number and "Z" < "a" false. A script sees the C locale, on this thread,
// while it runs; the embedding process keeps its own.
class CLocale {
public:
    CLocale() : before_(c() ? uselocale(c()) : nullptr) {}
    ~CLocale() {
        if (before_) uselocale(before_);
    }
    CLocale(const CLocale&) = delete;
    CLocale& operator=(const CLocale&) = delete;

private:
    static locale_t c() {
        static const locale_t loc = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
        return loc;
    }
    locale_t before_;
};

} // namespace

void State::call(int nargs, int nresults) {
    const CLocale c_locale;
    if (broken_) {
        lua_pop(L_, nargs + 1);
        throw ScriptError(ScriptError::Kind::Host,
                          "Lua-tilstanden er ubrugelig efter en intern fejl; indlæs standarden igen");
    }
    const int base = lua_gettop(L_) - nargs;
    lua_pushcfunction(L_, message_handler);
    lua_insert(L_, base);
    budget_hit_ = memory_hit_ = false;
    if (watch_) watch_->begin();
    const int status = lua_pcall(L_, nargs, nresults, base);
    if (watch_) watch_->end();
    lua_remove(L_, base);
    if (status == LUA_OK) return;

    std::string text;
    if (const char* s = lua_tostring(L_, -1)) text = s;
    lua_pop(L_, 1);
    if (status == LUA_ERRMEM) {
        throw ScriptError(ScriptError::Kind::Memory,
                          fmt::format("scriptet brugte mere end {} MiB hukommelse",
                                      limits_.memory_bytes / kMiB));
    }
    auto kind = budget_hit_ ? ScriptError::Kind::Budget
                : memory_hit_ ? ScriptError::Kind::Memory
                              : ScriptError::Kind::Runtime;
    budget_hit_ = memory_hit_ = false;
    throw to_script_error(kind, text);
}

namespace {

// Compiled chunks, by name and exact text, shared by every state in the process: each of
// the five standards (and each worker's copy) compiles the same dsl/ and stdlib/ text,
// which was half the time to load them. Only bytecode our own compiler made from that
// text in this process is ever loaded; nothing from outside is loaded as bytecode.
class ChunkCache {
public:
    std::optional<std::string> find(const std::string& key) {
        std::lock_guard lock(m_);
        auto it = chunks_.find(key);
        if (it == chunks_.end()) return std::nullopt;
        return it->second;
    }
    void add(std::string key, std::string bytecode) {
        const std::size_t size = key.size() + bytecode.size();
        if (size > kMaxBytes / 4) return; // compiled again each time: rare, and never kept
        std::lock_guard lock(m_);
        // A REPL reloading edits for hours, or a server reloading a 10 MB standard whose
        // comment changes each time (an attack: 1.3 GB after 24 reloads): count and bytes bounded.
        if (chunks_.size() >= kMaxChunks || bytes_ + size > kMaxBytes) {
            chunks_.clear();
            bytes_ = 0;
        }
        if (chunks_.emplace(std::move(key), std::move(bytecode)).second) bytes_ += size;
    }

    std::size_t bytes() {
        std::lock_guard lock(m_);
        return bytes_;
    }

private:
    static constexpr std::size_t kMaxChunks = 256, kMaxBytes = 64u << 20;
    std::mutex m_;
    std::unordered_map<std::string, std::string> chunks_;
    std::size_t bytes_ = 0;
};

ChunkCache& chunk_cache() {
    static ChunkCache cache;
    return cache;
}

} // namespace

std::size_t compiled_chunk_bytes() { return chunk_cache().bytes(); }

namespace {

int append_bytes(lua_State*, const void* p, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(p), n);
    return 0;
}

} // namespace

void State::load(std::string_view source, const std::string& chunkname) {
    const CLocale c_locale;
    std::string key = chunkname;
    key += '\0';
    key += source;
    if (auto code = chunk_cache().find(key)) {
        if (luaL_loadbufferx(L_, code->data(), code->size(), chunkname.c_str(), "b") == LUA_OK) return;
        lua_pop(L_, 1); // cannot happen for our own dump; compile the text instead
    }
    const int status =
        luaL_loadbufferx(L_, source.data(), source.size(), chunkname.c_str(), "t");
    if (status == LUA_OK) {
        std::string code;
        if (lua_dump(L_, append_bytes, &code, 0) == 0) chunk_cache().add(std::move(key), std::move(code)); // with line info
        return;
    }
    std::string text;
    if (const char* s = lua_tostring(L_, -1)) text = s;
    lua_pop(L_, 1);
    if (status == LUA_ERRMEM)
        throw ScriptError(ScriptError::Kind::Memory, "ikke nok hukommelse til at indlæse scriptet");
    ScriptError e = to_script_error(ScriptError::Kind::Syntax, text);
    // "uventet ord 'end'" inside a table: name the table whose '}' is missing. At the '}'
    // itself the table is closed, and what is unfinished is before it: most often a
    // function written on one line without its `end`.
    if (e.message().starts_with("uventet ") && e.line() > 0) {
        std::string hint;
        if (e.message().starts_with("uventet tegn '}'")) {
            // only a '}' that begins its line, right after the line the function began on
            const auto fn = open_function_before(source, e.line() + 1);
            if (fn && line_starts_with(source, e.line(), '}') && previous_code_line(source, e.line()) == *fn)
                hint = fmt::format(" — mangler der et 'end'? Funktionen fra linje {} er ikke afsluttet", *fn);
        } else if (const auto opened = open_brace_before(source, e.line())) {
            hint = fmt::format(" — mangler der en '}}'? Tabellen åbnet i linje {} er ikke lukket", *opened);
        }
        if (!hint.empty()) e = ScriptError(e.kind(), e.message() + hint, e.chunk(), e.line(), e.traceback());
    }
    // "'}' mangler — tabellen … (før 'tekst')" where the line goes on `tekst =`: a field of
    // the same table, so most likely the comma after the line before is what is missing
    // (a beginner told that a '}' is missing adds one and makes it worse).
    // A name with æ, ø or å: which one, and how it is written (a policy officer was told the
    // rule, not the word).
    if (e.message().starts_with("et navn kan kun have bogstaverne a-z") && e.line() > 0)
        if (const auto n = danish_name(line_of(source, e.line())))
            e = ScriptError(e.kind(), fmt::format("'{}': {}; her: {}", n->first, e.message(), n->second), e.chunk(),
                            e.line(), e.traceback());
    if (e.message().starts_with("'}' mangler — tabellen åbnet i linje ") && e.line() > 0) {
        constexpr std::string_view kFoer = " (før '";
        const auto& m = e.message();
        const auto before = m.rfind(kFoer);
        const auto opened = open_brace_before(source, e.line());
        const auto token = [&] {
            const auto from = before + kFoer.size();
            return std::string_view(m).substr(from, m.size() - from - 2);
        };
        if (before != std::string::npos && m.ends_with("')") && opened && line_starts_field(source, e.line(), token())) {
            const int prev = previous_code_line(source, e.line());
            e = ScriptError(e.kind(),
                            fmt::format("mangler der et komma i slutningen af linje {}? Ellers mangler '}}': tabellen åbnet "
                                        "i linje {} er ikke lukket{}",
                                        prev, *opened, m.substr(before)),
                            e.chunk(), e.line(), e.traceback());
        }
    }
    if (e.chunk().empty() && chunkname.size() > 1 && (chunkname[0] == '@' || chunkname[0] == '='))
        throw ScriptError(e.kind(), e.message(), chunkname.substr(1), 0);
    throw e;
}

ScriptError to_script_error(ScriptError::Kind kind, std::string_view text) {
    // A script chooses its error's text (error("...")): it reaches JSON and terminals, so it
    // is cut to a bounded length (at a character's start) and shown without control
    // characters or invalid UTF-8.
    constexpr std::size_t kMaxMessage = 2000, kMaxTraceback = 4000;
    std::string clean_text;
    if (const auto tb = text.find("\nstack traceback:"); tb != std::string_view::npos) {
        clean_text = printable(utf8_prefix(text, std::min(tb, kMaxMessage)));
        if (tb > kMaxMessage) clean_text += " …";
        clean_text += "\n";
        clean_text += printable(utf8_prefix(text.substr(tb + 1), kMaxTraceback));
    } else {
        clean_text = printable(utf8_prefix(text, kMaxMessage));
        if (text.size() > kMaxMessage) clean_text += " …";
    }
    text = clean_text;
    std::string_view message = text, traceback;
    if (auto p = text.find("\nstack traceback:"); p != std::string_view::npos) {
        message = text.substr(0, p);
        traceback = text.substr(p + 1);
    }
    // "chunk:line: message": the first ':' followed by digits and ": ".
    std::string chunk;
    int line = 0;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '\n') break;
        if (message[i] != ':') continue;
        std::size_t j = i + 1;
        while (j < message.size() && message[j] >= '0' && message[j] <= '9') ++j;
        if (j > i + 1 && j + 1 < message.size() && message[j] == ':' && message[j + 1] == ' ') {
            chunk = std::string(message.substr(0, i));
            line = std::atoi(std::string(message.substr(i + 1, j - i - 1)).c_str());
            message = message.substr(j + 2);
            break;
        }
    }
    return ScriptError(kind, danish(message, chunk), chunk, line, std::string(traceback));
}

void copy_fields(lua_State* L, int from, int to) {
    from = lua_absindex(L, from);
    to = lua_absindex(L, to);
    lua_pushnil(L);
    while (lua_next(L, from)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, to);
    }
}

} // namespace kvalitet::lua
