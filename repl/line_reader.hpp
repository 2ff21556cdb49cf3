#pragma once
// Lines from a FILE* in large reads: std::getline on std::cin goes a character at a time
// through the C stdio lock, which measured as a third of a whole NDJSON run.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace kvalitet::cli {

class LineReader {
public:
    explicit LineReader(std::FILE* f) : f_(f), buf_(1u << 20) {}

    // The next line without its '\n' (and '\r'); false at the end of the input.
    bool next(std::string& line) {
        line.clear();
        while (true) {
            if (pos_ == end_) {
                end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
                pos_ = 0;
                if (end_ == 0) return !line.empty();
            }
            const char* start = buf_.data() + pos_;
            const void* nl = std::memchr(start, '\n', end_ - pos_);
            const std::size_t n = nl ? std::size_t(static_cast<const char*>(nl) - start) : end_ - pos_;
            line.append(start, n);
            pos_ += n;
            if (nl) {
                ++pos_;
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return true;
            }
        }
    }

private:
    std::FILE* f_;
    std::vector<char> buf_;
    std::size_t pos_ = 0, end_ = 0;
};

} // namespace kvalitet::cli
