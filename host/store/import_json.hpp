#pragma once
// The two forms `db importer` reads, brought to one: a JSON array is split into its
// elements' raw text, piece by piece, so each element goes through the same parser as an
// NDJSON line (Sag::from_json, one rule for duplicate keys) and memory holds one element,
// never the whole array. Both forms are stored compacted, so the same case gives the same
// stored text, and the same sha256, whichever form it came in.
#include <fmt/format.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace kvalitet {

inline bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The text without whitespace outside strings (insignificant in JSON); key order, number
// spelling and escapes are kept as written.
inline std::string compact_json(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_string = false, escape = false;
    for (char c : text) {
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
        } else if (json_space(c)) {
            continue;
        } else if (c == '"') {
            in_string = true;
        }
        out += c;
    }
    return out;
}

class JsonArraySplitter {
public:
    struct Element {
        std::string text;      // raw, as written
        std::size_t nr = 0;    // 1-based position in the array; 0: about the array itself
        std::size_t linje = 0; // the line it starts on
        std::string fejl;      // non-empty: not an element that can be read (Danish)
        std::size_t kolonne = 1; // the column it starts at, in characters
    };
    using Sink = std::function<void(Element&)>;

    // An element larger than this is reported instead of held: the bound on memory.
    explicit JsonArraySplitter(std::size_t max_element = std::size_t(64) << 20) : max_(max_element) {}

    // One line of input (without its newline); lines are numbered from 1.
    void feed_line(std::string_view line, std::size_t linje, const Sink& each) {
        for (char c : line) feed(c, linje, each);
        feed('\n', linje, each);
    }

    // Text in any pieces (a block of a file); `linje` is the line the piece starts on and is
    // moved past its newlines.
    void feed_text(std::string_view text, std::size_t& linje, const Sink& each) {
        for (char c : text) {
            feed(c, linje, each);
            if (c == '\n') ++linje;
        }
    }

    // End of input: an array that was not closed is reported, after its last element.
    void finish(std::size_t linje, const Sink& each) {
        if (state_ != State::inside) {
            if (state_ == State::before) report(0, linje, "filen indeholder intet JSON-array", each);
            return;
        }
        if (started_) {
            if (depth() > 0 || in_string_) cur_.fejl = "elementet slutter ikke: filen er afkortet";
            emit(each);
        }
        report(0, linje, "arrayet slutter ikke: ']' mangler; filen er afkortet?", each);
    }

private:
    enum class State { before, inside, after };

    void feed(char c, std::size_t linje, const Sink& each) {
        const std::size_t kolonne = col_; // of c: a UTF-8 continuation byte is no new character
        col_ = c == '\n' ? 1 : col_ + ((static_cast<unsigned char>(c) & 0xC0) != 0x80);
        switch (state_) {
        case State::before:
            if (c == '[') state_ = State::inside;
            else if (!json_space(c)) {
                report(0, linje, "forventede '[' først i filen", each);
                state_ = State::after, trailing_reported_ = true;
            }
            return;
        case State::after:
            if (!json_space(c) && !trailing_reported_) {
                report(0, linje, "tekst efter arrayets afslutning ']' er ignoreret", each);
                trailing_reported_ = true;
            }
            return;
        case State::inside: break;
        }
        // A newline cannot be in a JSON text: the element is broken there. Ended at the line, it
        // is refused for its own mistake, and the next line's elements are found again
        // (otherwise the open text would swallow every element after it).
        if (in_string_ && c == '\n') {
            emit(each);
            broken_ = true; // its ',' or the ']' is still to come, and is not an empty element
            return;
        }
        if (in_string_ || depth() > 0) return append(c);
        if (c == ',' || c == ']') {
            if (started_) emit(each);
            else if (broken_) broken_ = false;
            else if (c == ',' || count_ > 0) report(count_ + 1, linje, "tomt element (to kommaer, eller et komma før ']')", each), ++count_;
            if (c == ']') state_ = State::after;
            return;
        }
        if (!started_) {
            if (json_space(c)) return;
            started_ = true;
            broken_ = false;
            cur_ = Element{{}, ++count_, linje, {}, kolonne};
        }
        append(c);
    }

    void append(char c) {
        if (in_string_) {
            if (escape_) escape_ = false;
            else if (c == '\\') escape_ = true;
            else if (c == '"') in_string_ = false;
        } else if (c == '"') {
            in_string_ = true;
        } else if (c == '{' || c == '[') {
            open(c);
        } else if (c == '}' || c == ']') {
            close(c);
        }
        if (!cur_.fejl.empty()) return; // too large: structure still followed, text dropped
        if (cur_.text.size() >= max_) {
            cur_.fejl = fmt::format("elementet er større end {} MB og er ikke læst", max_ >> 20);
            std::string().swap(cur_.text);
            return;
        }
        cur_.text += c;
    }

    void emit(const Sink& each) {
        each(cur_);
        cur_ = Element{};
        started_ = in_string_ = escape_ = false;
        open_.clear();
        untyped_ = 0;
    }

    // The element's open brackets, by kind, so a closer of the wrong kind cannot leave the
    // element open forever: '}' in {"x": [1, 2} closes the '[' and the '{' (the parser
    // refuses the element for it; the elements after it are found as they were written).
    // Kinds are kept for kMaxKinds levels; deeper ones (refused anyway) are only counted.
    static constexpr std::size_t kMaxKinds = 4096;
    std::size_t depth() const { return open_.size() + untyped_; }
    void open(char c) {
        if (open_.size() < kMaxKinds) open_ += c;
        else ++untyped_;
    }
    void close(char c) {
        if (untyped_ > 0) return void(--untyped_);
        const char opener = c == '}' ? '{' : '[';
        const auto at = open_.rfind(opener);
        open_.erase(at == std::string::npos ? 0 : at); // no such opener: the element ends
    }

    void report(std::size_t nr, std::size_t linje, std::string fejl, const Sink& each) {
        Element e{{}, nr, linje, std::move(fejl)};
        each(e);
    }

    std::size_t max_;
    State state_ = State::before;
    Element cur_;
    std::size_t count_ = 0;
    std::size_t col_ = 1; // of the next character
    std::string open_;       // the current element's open brackets, '{' or '['
    std::size_t untyped_ = 0; // levels beyond kMaxKinds
    bool started_ = false, in_string_ = false, escape_ = false, trailing_reported_ = false;
    bool broken_ = false; // the last element ended at a newline inside a text
};

} // namespace kvalitet
