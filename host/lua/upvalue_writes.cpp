// Finds, in a compiled Lua function, every assignment to a variable that outlives one call
// of it: an upvalue of the function itself, written by the function or by a function
// nested in it. `local n = 0; naar = function() n = n + 1 ... end` keeps n from one case
// to the next; `naar = function() local n = 0; for ... do (function() n = n + 1 end)() end
// end` does not (n is a local of that call).
//
// Read from the function's own bytecode (lua_dump, our compiler's output in this process),
// in Lua 5.4's dump format: header, then each prototype's code, constants, upvalue
// descriptors (instack, idx), nested prototypes and debug info. An unexpected format is an
// error, never a silent pass.
#include "lua/upvalue_writes.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace kvalitet::lua {

namespace {

constexpr unsigned kOpSetUpval = 10; // OP_SETUPVAL in Lua 5.4's lopcodes.h: UpValue[B] := R[A]

struct Proto {
    int linedefined = 0;
    std::vector<std::uint32_t> code;
    struct Up {
        bool instack;
        std::uint8_t idx;
    };
    std::vector<Up> ups;
    std::vector<Proto> protos;
    std::vector<std::string> upnames;
};

class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}

    std::uint8_t byte() {
        need(1);
        return static_cast<std::uint8_t>(b_[pos_++]);
    }
    void skip(std::size_t n) {
        need(n);
        pos_ += n;
    }
    std::size_t size() { // 5.4's variable-length size: 7 bits a byte, last byte marked 0x80
        std::size_t x = 0;
        for (int i = 0; i < 10; ++i) {
            const std::uint8_t b = byte();
            x = (x << 7) | (b & 0x7f);
            if (b & 0x80) return x;
        }
        throw std::runtime_error("bad size");
    }
    int integer() { return static_cast<int>(size()); }
    std::string string() {
        const std::size_t n = size();
        if (n == 0) return {};
        need(n - 1);
        std::string s(b_.substr(pos_, n - 1));
        pos_ += n - 1;
        return s;
    }
    std::uint32_t instruction() {
        need(4);
        std::uint32_t i;
        std::memcpy(&i, b_.data() + pos_, 4);
        pos_ += 4;
        return i;
    }

private:
    void need(std::size_t n) const {
        if (b_.size() - pos_ < n) throw std::runtime_error("truncated");
    }
    std::string_view b_;
    std::size_t pos_ = 0;
};

Proto read_proto(Reader& r, int depth) {
    if (depth > 200) throw std::runtime_error("too deep");
    Proto p;
    r.string(); // source
    p.linedefined = r.integer();
    r.integer(); // lastlinedefined
    r.skip(3);   // numparams, is_vararg, maxstacksize
    const std::size_t ncode = r.size();
    p.code.reserve(ncode);
    for (std::size_t i = 0; i < ncode; ++i) p.code.push_back(r.instruction());
    const std::size_t nk = r.size();
    for (std::size_t i = 0; i < nk; ++i) {
        switch (r.byte()) {
        case 3:  // integer
        case 19: r.skip(8); break; // float
        case 4:  // short string
        case 20: r.string(); break; // long string
        case 0: case 1: case 17: break; // nil, false, true
        default: throw std::runtime_error("unknown constant");
        }
    }
    const std::size_t nup = r.size();
    for (std::size_t i = 0; i < nup; ++i) {
        Proto::Up u{r.byte() != 0, r.byte()};
        r.byte(); // kind
        p.ups.push_back(u);
    }
    const std::size_t np = r.size();
    for (std::size_t i = 0; i < np; ++i) p.protos.push_back(read_proto(r, depth + 1));
    r.skip(r.size()); // lineinfo
    const std::size_t nabs = r.size();
    for (std::size_t i = 0; i < nabs; ++i) {
        r.integer();
        r.integer();
    }
    const std::size_t nloc = r.size();
    for (std::size_t i = 0; i < nloc; ++i) {
        r.string();
        r.integer();
        r.integer();
    }
    const std::size_t nnames = r.size();
    for (std::size_t i = 0; i < nnames; ++i) p.upnames.push_back(r.string());
    return p;
}

// The chain from the outer function down to the prototype being scanned.
struct Chain {
    const Proto* proto;
    const Chain* parent;
};

// The outer function's upvalue that upvalue `idx` of `c` refers to, or -1 when it is a
// local of some enclosing call (and so lives only as long as that call).
int outer_upvalue(const Chain& c, int idx) {
    if (!c.parent) return idx;
    const auto& u = c.proto->ups.at(std::size_t(idx));
    if (u.instack) return -1;
    return outer_upvalue(*c.parent, u.idx);
}

void scan(const Chain& c, const Proto& outer, std::vector<UpvalueWrite>& out) {
    for (std::uint32_t i : c.proto->code) {
        if ((i & 0x7f) != kOpSetUpval) continue;
        const int b = int((i >> 16) & 0xff);
        const int up = outer_upvalue(c, b);
        if (up < 0) continue;
        std::string name = std::size_t(up) < outer.upnames.size() ? outer.upnames[std::size_t(up)] : "?";
        bool seen = false;
        for (const auto& w : out) seen = seen || (w.name == name && w.line == c.proto->linedefined);
        if (!seen) out.push_back({c.proto->linedefined, std::move(name)});
    }
    for (const Proto& p : c.proto->protos) scan(Chain{&p, &c}, outer, out);
}

int append(lua_State*, const void* p, std::size_t n, void* out) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(p), n);
    return 0;
}

} // namespace

std::vector<UpvalueWrite> upvalue_writes(lua_State* L, int index) {
    index = lua_absindex(L, index);
    if (lua_type(L, index) != LUA_TFUNCTION || lua_iscfunction(L, index)) return {};
    std::string code;
    lua_pushvalue(L, index);
    const int status = lua_dump(L, append, &code, 0);
    lua_pop(L, 1);
    // Header: signature, version 5.4, format 0, LUAC_DATA (6), three sizes, LUAC_INT (8)
    // and LUAC_NUM (8); then the outer function's upvalue count.
    constexpr std::size_t kHeader = 4 + 1 + 1 + 6 + 3 + 8 + 8;
    if (status != 0 || code.size() < kHeader + 1 || code.compare(0, 4, "\x1bLua") != 0 || code[4] != 0x54 ||
        code[5] != 0 || code[12] != 4)
        throw std::runtime_error("uventet format af oversat Lua-kode");
    try {
        Reader r(std::string_view(code).substr(kHeader + 1));
        const Proto outer = read_proto(r, 0);
        std::vector<UpvalueWrite> out;
        scan(Chain{&outer, nullptr}, outer, out);
        return out;
    } catch (const std::exception&) {
        throw std::runtime_error("uventet format af oversat Lua-kode");
    }
}

} // namespace kvalitet::lua
