#pragma once
// A direct JSON writer: keys in the order written, so the same value gives the same bytes.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kvalitet {

// Bytes gather in a small buffer inside the writer and go to `out` in pieces: an assessment
// is ~5 KB written in ~500 small pieces, and std::string's append and push_back, out of line,
// cost more than the bytes. `out` holds everything written whenever no object or array is
// open (a whole value); look at `out` only then. The destructor writes nothing, so it cannot
// throw: after an exception part-way, `out` holds a prefix of the value (what was handed over
// before), never the rest.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    JsonWriter& begin_object() { sep(); put('{'); first_ = true; ++depth_; return *this; }
    JsonWriter& end_object() {
        assert(depth_ > 0); // a stray end would keep every later value from reaching `out`
        put('}');
        first_ = false;
        --depth_;
        return whole();
    }
    JsonWriter& begin_array() { sep(); put('['); first_ = true; ++depth_; return *this; }
    JsonWriter& end_array() {
        assert(depth_ > 0);
        put(']');
        first_ = false;
        --depth_;
        return whole();
    }
    JsonWriter& key(std::string_view k) { sep(); quote(k); put(':'); first_ = true; return *this; }
    // A key written as a literal in our code is an ASCII name with nothing to escape (checked
    // in debug builds): one piece with its separator, quotes and colon, no scan.
    template <std::size_t N>
    JsonWriter& key(const char (&k)[N]) {
        static_assert(N >= 2 && N <= 64, "a literal key is a short name");
        assert(literal_key_ok(std::string_view(k, N - 1)));
        char* p = room(N + 3);
        if (!first_) *p++ = ',';
        *p++ = '"';
        std::memcpy(p, k, N - 1);
        p += N - 1;
        *p++ = '"';
        *p++ = ':';
        n_ = std::size_t(p - buf_);
        first_ = true;
        return *this;
    }

    JsonWriter& value(std::string_view s) { sep(); quote(s); return whole(); }
    // Members written as JSON once (`"kilde":"…","afgjort_af":"kommunal"`, no outer comma),
    // inside an open object where members may follow or precede them.
    JsonWriter& members(std::string_view json) {
        assert(depth_ > 0 && !json.empty());
        sep();
        put(json.data(), json.size());
        return *this;
    }
    // One string value written in parts: the escaped parts together are the escaped whole,
    // so a text built of names and numbers needs no string of its own first.
    JsonWriter& begin_string() { sep(); put('"'); return *this; }
    JsonWriter& string_part(std::string_view s) { escaped(s); return *this; }
    JsonWriter& string_own(std::string_view s) { // our own text, nothing to escape (as token)
        assert(literal_key_ok(s));
        put(s.data(), s.size());
        return *this;
    }
    JsonWriter& string_number(double d); // a number as value(d) writes it, inside the string
    JsonWriter& end_string() { put('"'); return whole(); }
    // A value already written as JSON (a text quoted once, JsonWriter::quoted).
    JsonWriter& raw(std::string_view json) { sep(); put(json.data(), json.size()); return whole(); }
    // A token of our own ("opfyldt", "2026-11-22"): ASCII with nothing to escape (checked in
    // debug builds), written without looking for what to escape.
    JsonWriter& token(std::string_view s) {
        assert(literal_key_ok(s));
        sep();
        put('"');
        put(s.data(), s.size());
        put('"');
        return whole();
    }
    static std::string quoted(std::string_view s) {
        std::string out;
        quote_into(out, s);
        return out;
    }
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b) {
        sep();
        if (b) put("true", 4);
        else put("false", 5);
        return whole();
    }
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(int n) { return value(std::int64_t(n)); }
    JsonWriter& value(double d);
    JsonWriter& null() { sep(); put("null", 4); return whole(); }

    static void quote_into(std::string& out, std::string_view s);
    static bool literal_key_ok(std::string_view k); // nothing quote_into would escape
    static void number_into(std::string& out, double d); // as value(d) writes it

private:
    void sep() {
        if (!first_) put(',');
        first_ = false;
    }
    void quote(std::string_view s) {
        put('"');
        escaped(s);
        put('"');
    }
    void escaped(std::string_view s); // s's bytes, escaped as inside a JSON string
    void integer(std::int64_t n);
    // Room for k more bytes (k at most the buffer's size) right after what is written.
    char* room(std::size_t k) {
        if (k > sizeof buf_ - n_) spill();
        return buf_ + n_;
    }
    [[gnu::always_inline]] void put(char c) {
        if (n_ == sizeof buf_) spill();
        buf_[n_++] = c;
    }
    [[gnu::always_inline]] void put(const char* p, std::size_t k) {
        if (k == 0) return; // an empty std::string_view may have no data at all: memcpy wants a pointer
        if (k > sizeof buf_ - n_) {
            spill();
            if (k > sizeof buf_) {
                out_.append(p, k);
                return;
            }
        }
        std::memcpy(buf_ + n_, p, k);
        n_ += k;
    }
    void spill() {
        out_.append(buf_, n_);
        n_ = 0;
    }
    // A value at the top level is whole: `out` gets it now, so a caller may add to `out`.
    JsonWriter& whole() {
        if (depth_ == 0) spill();
        return *this;
    }

    std::string& out_;
    bool first_ = true;
    int depth_ = 0;
    std::size_t n_ = 0;
    char buf_[1024];
};

} // namespace kvalitet
