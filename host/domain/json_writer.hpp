#pragma once
// A direct JSON writer: keys in the order written, so the same value gives the same bytes.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kvalitet {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object() { sep(); out_ += '{'; first_ = true; return *this; }
    JsonWriter& end_object() { out_ += '}'; first_ = false; return *this; }
    JsonWriter& begin_array() { sep(); out_ += '['; first_ = true; return *this; }
    JsonWriter& end_array() { out_ += ']'; first_ = false; return *this; }
    JsonWriter& key(std::string_view k) { sep(); quote(k); out_ += ':'; first_ = true; return *this; }
    // A key written as a literal in our code is an ASCII name with nothing to escape (checked
    // in debug builds): one append with its separator, quotes and colon, no scan.
    template <std::size_t N>
    JsonWriter& key(const char (&k)[N]) {
        static_assert(N >= 2 && N <= 64, "a literal key is a short name");
        assert(literal_key_ok(std::string_view(k, N - 1)));
        char buf[N + 3];
        std::size_t n = 0;
        if (!first_) buf[n++] = ',';
        buf[n++] = '"';
        std::memcpy(buf + n, k, N - 1);
        n += N - 1;
        buf[n++] = '"';
        buf[n++] = ':';
        out_.append(buf, n);
        first_ = true;
        return *this;
    }

    JsonWriter& value(std::string_view s) { sep(); quote(s); return *this; }
    // A value already written as JSON (a text quoted once, JsonWriter::quoted).
    JsonWriter& raw(std::string_view json) { sep(); out_ += json; return *this; }
    // A token of our own ("opfyldt", "2026-11-22"): ASCII with nothing to escape (checked in
    // debug builds), written without looking for what to escape.
    JsonWriter& token(std::string_view s) {
        assert(literal_key_ok(s));
        sep();
        out_ += '"';
        out_ += s;
        out_ += '"';
        return *this;
    }
    static std::string quoted(std::string_view s) {
        std::string out;
        quote_into(out, s);
        return out;
    }
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b) { sep(); out_ += b ? "true" : "false"; return *this; }
    JsonWriter& value(std::int64_t n) { sep(); out_ += std::to_string(n); return *this; }
    JsonWriter& value(int n) { return value(std::int64_t(n)); }
    JsonWriter& value(double d);
    JsonWriter& null() { sep(); out_ += "null"; return *this; }

    static void quote_into(std::string& out, std::string_view s);
    static bool literal_key_ok(std::string_view k); // nothing quote_into would escape
    static void number_into(std::string& out, double d); // as value(d) writes it

private:
    void sep() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    void quote(std::string_view s) { quote_into(out_, s); }

    std::string& out_;
    bool first_ = true;
};

} // namespace kvalitet
