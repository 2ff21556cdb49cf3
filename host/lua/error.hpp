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

    // The case a rule failed on, when the engine named it in the message (" (sag 'x')").
    ScriptError& med_sag(std::string sag_id) {
        sag_ = std::move(sag_id);
        return *this;
    }
    // `text` (what() or message()) without that " (sag 'x')": the same mistake in a rule
    // reads the same whichever case met it.
    std::string uden_sag(std::string text) const {
        if (sag_.empty()) return text;
        const std::string part = " (sag '" + sag_ + "')";
        if (const auto at = text.find(part); at != std::string::npos) text.erase(at, part.size());
        return text;
    }

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
    std::string sag_;
};

// A user-caused error outside any script: bad JSON field, bad flag value, missing file.
// Beside the Danish message it carries the contract's stable error code (`kode`, e.g.
// "ugyldig_json", "ugyldigt_felt", "ukendt_kommune") and, when a field is at fault, its
// JSON path (`felt`, e.g. "ydelser[3].start").
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message, std::string kode = "ugyldigt_input", std::string felt = {})
        : std::runtime_error(message), kode_(std::move(kode)), felt_(std::move(felt)) {}

    const std::string& kode() const noexcept { return kode_; }
    const std::string& felt() const noexcept { return felt_; }

private:
    std::string kode_, felt_;
};

} // namespace kvalitet
