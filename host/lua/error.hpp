#pragma once
// The one exception type for everything a script (or its author) can get wrong.
#include <stdexcept>
#include <string>

namespace kvalitet {

class ScriptError : public std::runtime_error {
public:
    enum class Kind { Runtime, Syntax, Budget, Memory, Host };

    ScriptError(Kind kind, std::string message, std::string chunk = {}, int line = 0,
                std::string traceback = {})
        : std::runtime_error(compose(message, chunk, line)), kind_(kind),
          message_(std::move(message)), chunk_(std::move(chunk)), line_(line),
          traceback_(std::move(traceback)) {}

    Kind kind() const noexcept { return kind_; }
    // The message without its position.
    const std::string& message() const noexcept { return message_; }
    // File name as the user knows it (e.g. "municipalities/varde/standard.lua"), or empty.
    const std::string& chunk() const noexcept { return chunk_; }
    int line() const noexcept { return line_; }
    const std::string& traceback() const noexcept { return traceback_; }

private:
    static std::string compose(const std::string& msg, const std::string& chunk, int line) {
        if (chunk.empty()) return msg;
        if (line <= 0) return chunk + ": " + msg;
        return chunk + ":" + std::to_string(line) + ": " + msg;
    }

    Kind kind_;
    std::string message_, chunk_;
    int line_;
    std::string traceback_;
};

// A user-caused error outside any script: bad JSON field, bad flag value, missing file.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace kvalitet
