#pragma once
// Shared pieces of the kvalitet sub-commands.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>

#include "domain/dato.hpp"
#include "domain/sag.hpp"
#include "io_fejl.hpp"
#include "sources.hpp"

namespace kvalitet::cli {

// Exit codes of the contract.
constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

struct Common {
    std::string hjem; // --hjem: where dsl/, stdlib/, municipalities/ are read from
    Sources sources() const;
};

// A date given to `option` (ÅÅÅÅ-MM-DD, inside the range dates are reckoned in); a usage
// error saying which of the two it is not, with `hint` after it.
Dato date_option(const std::string& text, const std::string& option, std::string_view hint = {});
// --dato or today (the host reads the clock; rules never do).
Dato evaluation_date(const std::string& flag);
// --standard-dato: the date whose version of the standard applies, when not the assessment date's.
std::optional<Dato> standard_date(const std::string& flag);
// A case's text from `path` ("-" is standard input): at most `limit` bytes, one more than a
// case may have, so a larger one is refused by its size without reading it all.
std::string read_input(const std::string& path, std::size_t limit = SagGraenser{}.max_bytes + 1);
// Writes `text` to standard output and flushes; throws UdskriftFejl in Danish when it cannot
// (a full disk, a closed pipe): output that is lost is never a silent success.
void skriv_stdout(std::string_view text);

// A file opened for reading, or standard input for "-" (and ""); closed when it goes.
// Throws InputError naming the file when it cannot be opened.
class InputFile {
public:
    explicit InputFile(const std::string& path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    std::FILE* get() const { return f_; }

private:
    std::FILE* f_;
};

void add_vurder(CLI::App& app, Common& common, int& exit_code);
void add_kommuner(CLI::App& app, Common& common, int& exit_code);
void add_test(CLI::App& app, Common& common, int& exit_code);
void add_db(CLI::App& app, Common& common, int& exit_code);
void add_repl(CLI::App& app, Common& common, int& exit_code);
void add_dokument(CLI::App& app, Common& common, int& exit_code);
void add_sammenlign(CLI::App& app, Common& common, int& exit_code);
void add_tjek(CLI::App& app, Common& common, int& exit_code);
void add_annoteringer(CLI::App& app, Common& common, int& exit_code);
void add_server(CLI::App& app, Common& common, int& exit_code);
void add_forskel(CLI::App& app, Common& common, int& exit_code);
void add_konsekvens(CLI::App& app, Common& common, int& exit_code);
int run_repl(const Common& common, const std::string& kommune, const std::string& dato, const std::string& db);

// Prints "kvalitet: <message>" on stderr; returns kInvalid.
int fail(const std::string& message);

} // namespace kvalitet::cli
