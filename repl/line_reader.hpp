#pragma once
// Lines from a FILE* in large reads: std::getline on std::cin goes a character at a time
// through the C stdio lock, which measured as a third of a whole NDJSON run.
//
// A line is never held whole when it is longer than the limit: only its first
// max_line + 1 bytes are kept (overlong() says so) and the rest is skipped up to the next
// newline. One case per line is at most SagGraenser::max_bytes, so that prefix is already
// refused by Sag::from_json ("for_stor"), and the caller reports the line and goes on.
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <string>
#include <vector>

#include "domain/sag.hpp"
#include "io_fejl.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

// A first line that only opens an object, or one that opens an array: a JSON file written
// over several lines, or a list of cases, where NDJSON (one case per line) was wanted.
// Every line then fails on its own; this says why once.
inline bool ikke_ndjson(std::string_view first_line) {
    const auto b = first_line.find_first_not_of(" \t\r"), e = first_line.find_last_not_of(" \t\r");
    if (b == std::string_view::npos) return false;
    const std::string_view t = first_line.substr(b, e - b + 1);
    return t == "{" || t.front() == '[';
}
inline constexpr const char* kIkkeNdjson =
    "inddata ser ud til at være JSON skrevet over flere linjer eller en liste af sager, ikke NDJSON med én sag "
    "pr. linje; skriv det om med jq -c . FIL (en liste: jq -c '.[]' FIL)";

class LineReader {
public:
    explicit LineReader(std::FILE* f, std::size_t max_line = SagGraenser{}.max_bytes, std::size_t block = 1u << 20)
        : f_(f), buf_(block ? block : 1), max_line_(max_line) {}

    // The next line without its '\n' (and '\r'); false at the end of the input.
    bool next(std::string& line) {
        line.clear();
        overlong_ = false;
        bool any = false; // a last line without '\n' still counts, even when cut to nothing
        while (true) {
            if (pos_ == end_) {
                end_ = read_block();
                pos_ = 0;
                if (end_ == 0) return any && !cut_; // a line the cut left unfinished is not given
            }
            any = true;
            const char* start = buf_.data() + pos_;
            const void* nl = std::memchr(start, '\n', end_ - pos_);
            const std::size_t n = nl ? std::size_t(static_cast<const char*>(nl) - start) : end_ - pos_;
            keep(line, start, n);
            pos_ += n;
            if (nl) {
                ++pos_;
                if (!overlong_ && !line.empty() && line.back() == '\r') line.pop_back();
                return true;
            }
        }
    }

    // No more reads (the caller was told to stop, e.g. by Ctrl-C): what is already read
    // still comes out, then the end.
    void cut() { cut_ = true; }

    // Whether the last line was longer than the limit (and so holds only its beginning).
    bool overlong() const { return overlong_; }

    // The first byte that is not JSON whitespace, without taking it (the whitespace before
    // it is taken); EOF at the end. How a reader tells an array from NDJSON before any
    // line is cut to the limit.
    int peek_nonspace() {
        for (;;) {
            if (pos_ == end_) {
                end_ = read_block();
                pos_ = 0;
                if (end_ == 0) return EOF;
            }
            // A UTF-8 BOM first in the file is no content: an array after it is still an array.
            if (!bom_seen_) {
                bom_seen_ = true;
                if (end_ - pos_ >= 3 && std::memcmp(buf_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
                continue;
            }
            const char c = buf_[pos_];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return static_cast<unsigned char>(c);
            if (c == '\n') ++skipped_lines_;
            ++pos_;
        }
    }
    // Newlines peek_nonspace took.
    std::size_t skipped_lines() const { return skipped_lines_; }

    // The rest of the input in blocks, whatever its lines (for a JSON array, whose size
    // has no bound: its reader bounds each element). False at the end.
    bool next_block(std::string_view& block) {
        if (pos_ == end_) {
            end_ = read_block();
            pos_ = 0;
            if (end_ == 0) return false;
        }
        block = std::string_view(buf_.data() + pos_, end_ - pos_);
        pos_ = end_;
        return true;
    }

private:
    // A failed read is not the end of the input: it is an error, in Danish. A read cut
    // short by a signal its caller handles (Ctrl-C in db importer) is the end.
    std::size_t read_block() {
        if (cut_) return 0;
        const std::size_t n = std::fread(buf_.data(), 1, buf_.size(), f_);
        if (std::ferror(f_) && errno == EINTR) {
            std::clearerr(f_);
            cut_ = true; // a signal its caller handles: what was read before it still comes out
            return n;
        }
        if (n == 0 && std::ferror(f_)) throw InputError(fmt::format("kan ikke læse inddata: {}", io_fejl(errno)));
        return n;
    }

    void keep(std::string& line, const char* p, std::size_t n) {
        // One byte over: enough to be refused as too big.
        const std::size_t cap = max_line_ < SIZE_MAX ? max_line_ + 1 : max_line_;
        const std::size_t room = line.size() < cap ? cap - line.size() : 0;
        if (n > room) overlong_ = true;
        line.append(p, n < room ? n : room);
    }

    std::FILE* f_;
    std::vector<char> buf_;
    std::size_t max_line_;
    std::size_t pos_ = 0, end_ = 0;
    bool overlong_ = false, cut_ = false;
    std::size_t skipped_lines_ = 0;
    bool bom_seen_ = false; // looked for, first in the input
};

} // namespace kvalitet::cli
