#include "cli_dansk.hpp"

#include "domain/mente_du.hpp"
#include "domain/tekst.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

namespace kvalitet::cli {

namespace {

// CLI11's group names, the defaults an option or sub-command is filed under.
std::string dansk_gruppe(const std::string& group) {
    static const std::map<std::string, std::string> navne = {
        {"Options", "Tilvalg"}, {"Subcommands", "Kommandoer"}, {"Positionals", "Argumenter"}};
    auto it = navne.find(group);
    return it == navne.end() ? group : it->second;
}

// The help layout of CLI::Formatter with Danish words. Labels cover the usage line;
// group names, type names and the description's markers are CLI11's own text and are
// replaced here.
class DanskFormatter : public CLI::Formatter {
    std::string line(const std::string& name, const std::string& description) const {
        std::string out = "  " + name;
        const std::size_t width = std::size_t(std::count_if(out.begin(), out.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
        if (!description.empty()) {
            out += width >= column_width_ ? "\n" + std::string(column_width_, ' ') : std::string(column_width_ - width, ' ');
            for (char c : description) out += c == '\n' ? "\n" + std::string(column_width_, ' ') : std::string(1, c);
        }
        return out + "\n";
    }

public:
    DanskFormatter() {
        label("Usage", "Brug");
        label("OPTIONS", "TILVALG");
        label("SUBCOMMAND", "KOMMANDO");
        label("SUBCOMMANDS", "KOMMANDOER");
        label("Positionals", "Argumenter");
        label("REQUIRED", "(skal angives)");
        label("Env", "miljøvariabel");
        label("Needs", "kræver");
        label("Excludes", "udelukker");
        column_width(32);
    }

    // CLI11 pads by bytes; "--frø" and "TAL (1–256)" are fewer characters than bytes.
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        return line(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
    }
    std::string make_subcommand(const CLI::App* sub) const override {
        return line(sub->get_display_name(true), sub->get_description());
    }

    std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
        return CLI::Formatter::make_group(dansk_gruppe(group), is_positional, std::move(opts));
    }

    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
        std::string out = CLI::Formatter::make_subcommands(app, mode);
        // The group heading is written from the group's name, which is not a label.
        for (const auto& [en, da] : {std::pair{"\nSubcommands:\n", "\nKommandoer:\n"}})
            if (auto at = out.find(en); at != std::string::npos) out.replace(at, std::string_view(en).size(), da);
        return out;
    }

    std::string make_description(const CLI::App* app) const override {
        std::string desc = app->get_description();
        if (app->get_required()) desc += " (skal angives)";
        return desc.empty() ? std::string() : desc + "\n";
    }

    std::string make_option_opts(const CLI::Option* opt) const override {
        std::string out;
        if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
        if (opt->get_type_size() != 0) {
            const std::string type = dansk_type(opt->get_type_name());
            if (!type.empty()) out += " " + type;
            if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
            if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out += " …";
            if (opt->get_required()) out += " " + get_label("REQUIRED");
        }
        return out;
    }
};

// The sub-command the command line reached: where the error belongs.
const CLI::App& reached(const CLI::App& app) {
    const CLI::App* a = &app;
    for (auto subs = a->get_subcommands(); !subs.empty(); subs = a->get_subcommands()) a = subs.front();
    return *a;
}

// "kvalitet db vurder".
std::string command_path(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* p = app.get_parent(); p; p = p->get_parent()) path = p->get_name() + " " + path;
    return path;
}

std::string names(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> out;
    for (const CLI::Option* o : app.get_options())
        if (o->nonpositional()) out.push_back(o->get_name(false, true));
    return out;
}

std::vector<std::string> positional_names(const CLI::App& app) {
    std::vector<std::string> out;
    for (const CLI::Option* o : app.get_options())
        if (o->get_positional()) out.push_back(o->get_name(true, false));
    return out;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> out;
    for (const CLI::App* s : app.get_subcommands({})) out.push_back(s->get_name());
    return out;
}

std::string type_of(const CLI::App& app, const std::string& option) {
    const CLI::Option* o = app.get_option_no_throw(option);
    return o ? dansk_type(o->get_type_name()) : std::string();
}

// "The following arguments were not expected: c b" (CLI11 lists them last first).
std::string extras(const CLI::App& at, const std::string& msg) {
    const auto colon = msg.find("expected: ");
    std::vector<std::string> args;
    std::istringstream in(colon == std::string::npos ? std::string() : msg.substr(colon + 10));
    for (std::string a; in >> a;) args.push_back(a);
    std::reverse(args.begin(), args.end());
    if (args.empty()) return "uventede argumenter";
    const std::string& a = args.front();
    if (a.size() > 1 && a[0] == '-') { // an option the command does not have, perhaps with its value
        std::string rest;
        for (std::size_t i = 1; i < args.size(); ++i) rest += fmt::format("{}'{}'", i == 1 ? " med " : " ", args[i]);
        return fmt::format("ukendt tilvalg '{}'{} (tilvalgene er: {})", a, rest, names(option_names(at)));
    }
    if (!at.get_parent()) { // `kvalitet vuder sag.json`: the first word is the command meant
        const auto kommandoer = subcommand_names(at);
        const std::vector<std::string_view> kendte(kommandoer.begin(), kommandoer.end());
        return fmt::format("ukendt kommando '{}'{} (kommandoerne er: {})", a, mente_du(a, kendte), names(kommandoer));
    }
    std::string quoted;
    for (const auto& x : args) quoted += (quoted.empty() ? "'" : " '") + x + "'";
    const auto pos = positional_names(at);
    return fmt::format("{} {} ({} tager {})", args.size() > 1 ? "uventede argumenter" : "uventet argument", quoted, command_path(at), pos.empty() ? "ingen argumenter" : "kun " + names(pos));
}

std::string required(const CLI::App& at, const std::string& msg) {
    // CLI11 asks for what is missing before it looks at the words it did not know, and
    // those are most often the slip: name them first.
    std::string unknown;
    for (const auto& a : at.remaining()) unknown += fmt::format("{}'{}'", unknown.empty() ? "" : " ", a);
    if (!unknown.empty()) unknown = "ukendt tilvalg eller argument " + unknown + "; ";
    static const std::regex is_required("^(.*) is required$");
    std::smatch m;
    if (!std::regex_match(msg, m, is_required))
        return fmt::format("{}noget, der skal angives, mangler (se {} --help)", unknown, command_path(at));
    if (m[1].str() == "A subcommand") return fmt::format("{}vælg en kommando: {}", unknown, names(subcommand_names(at)));
    return fmt::format("{}{} skal angives", unknown, m[1].str());
}

std::string conversion(const CLI::App& at, const std::string& msg) {
    static const std::regex could_not("^Could not convert: (.*) = (.*)$");
    static const std::regex not_allowed("^The value (.*) is not an allowed value for (.*)$");
    static const std::regex flag_inputs("^(.*): too many inputs for a flag$");
    static const std::regex true_false("^(.*): Should be true/false or a number$");
    std::smatch m;
    if (std::regex_match(msg, m, could_not)) {
        const std::string type = type_of(at, m[1].str());
        return fmt::format("{}: '{}' kan ikke læses{}", m[1].str(), m[2].str(), type.empty() ? "" : " som " + type);
    }
    if (std::regex_match(msg, m, not_allowed))
        return fmt::format("{}: '{}' er ikke en tilladt værdi", m[2].str(), m[1].str());
    if (std::regex_match(msg, m, flag_inputs)) return fmt::format("{} er et flag og tager ingen værdi", m[1].str());
    if (std::regex_match(msg, m, true_false)) return fmt::format("{}: skriv true, false eller et tal", m[1].str());
    return "en værdi på kommandolinjen kan ikke læses";
}

// A validator's complaint after "NAME: "; our own validation texts are Danish already.
std::string validation(const std::string& msg) {
    static const std::regex range("^(.*): Value (.*) not in range (.*) to (.*)$");
    static const std::regex member("^(.*): (.*) not in (\\{.*\\})$");
    static const std::regex not_converted("^(.*): Value (.*) could not be converted$");
    static const std::regex failed_parsing("^(.*): Failed parsing (.*) as a (.*)$");
    static const std::regex file("^(.*): (File|Directory|Path) does not exist: (.*)$");
    std::smatch m;
    if (std::regex_match(msg, m, range))
        return fmt::format("{}: '{}' skal være et tal fra {} til {}", m[1].str(), m[2].str(), m[3].str(), m[4].str());
    if (std::regex_match(msg, m, member))
        return fmt::format("{}: '{}' er ikke en af {}", m[1].str(), m[2].str(), m[3].str());
    if (std::regex_match(msg, m, not_converted) || std::regex_match(msg, m, failed_parsing))
        return fmt::format("{}: '{}' kan ikke læses", m[1].str(), m[2].str());
    if (std::regex_match(msg, m, file)) return fmt::format("{}: '{}' findes ikke", m[1].str(), m[3].str());
    return msg;
}

std::string mismatch(const std::string& msg) {
    static const std::regex typed("^(.*): ([0-9]+) required (.*) missing$");
    static const std::regex exactly("^Expected (exactly|at least) ([0-9]+) arguments to (.*), got ([0-9]+)$");
    static const std::regex at_least("^(.*): At (least|Most) ([0-9]+) required but received ([0-9]+)$");
    std::smatch m;
    if (std::regex_match(msg, m, typed)) {
        const std::string type = dansk_type(m[3].str());
        return fmt::format("{} mangler sin værdi{}", m[1].str(), type.empty() ? "" : " (" + type + ")");
    }
    auto values = [](const std::string& n) { return n + (n == "1" ? " værdi" : " værdier"); };
    if (std::regex_match(msg, m, exactly))
        return fmt::format("{} skal have {} {}, fik {}", m[3].str(), m[1].str() == "exactly" ? "præcis" : "mindst",
                           values(m[2].str()), m[4].str());
    if (std::regex_match(msg, m, at_least)) {
        if (m[2].str() == "Most" && m[3].str() == "1") // an option given twice
            return fmt::format("{} må kun gives én gang, fik {} værdier", m[1].str(), m[4].str());
        return fmt::format("{} skal have {} {}, fik {}", m[1].str(), m[2].str() == "least" ? "mindst" : "højst",
                           values(m[3].str()), m[4].str());
    }
    return "et tilvalg har det forkerte antal værdier";
}

std::string requires_excludes(const std::string& msg, const char* en, const char* da) {
    const auto at = msg.find(en);
    if (at == std::string::npos) return "to tilvalg passer ikke sammen";
    return msg.substr(0, at) + da + msg.substr(at + std::string_view(en).size());
}

} // namespace

std::string dansk_type(std::string_view cli11_type) {
    static const std::map<std::string, std::string, std::less<>> base = {
        {"TEXT", "TEKST"}, {"INT", "HELTAL"}, {"UINT", "TAL"},     {"FLOAT", "TAL"},  {"NUMBER", "TAL"},
        {"BOOLEAN", "JA/NEJ"}, {"CHAR", "TEGN"}, {"ENUM", "VALG"}, {"FILE", "FIL"}, {"DIR", "MAPPE"},
        {"PATH", "STI"}};
    const std::string s(cli11_type);
    const auto colon = s.find(':');
    auto it = base.find(std::string_view(s).substr(0, colon));
    const std::string type = it == base.end() ? std::string() : it->second;
    if (colon == std::string::npos) return type;
    const std::string rest = s.substr(colon + 1);
    static const std::regex range("^[A-Z]+ in \\[(.*) - (.*)\\]$");
    std::smatch m;
    if (std::regex_match(rest, m, range)) return fmt::format("{} ({}–{})", type, m[1].str(), m[2].str());
    if (!rest.empty() && rest.front() == '{' && rest.back() == '}') return rest; // the allowed values
    return type;
}

std::string dansk_fejl(const CLI::App& app, const CLI::Error& e) {
    const CLI::App& at = reached(app);
    const std::string msg = e.what();
    // By type: CLI11 names an ExtrasError after the app that raised it, not its class.
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return extras(at, msg);
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return required(at, msg);
    if (dynamic_cast<const CLI::ConversionError*>(&e)) return conversion(at, msg);
    if (dynamic_cast<const CLI::ValidationError*>(&e)) return validation(msg);
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return mismatch(msg);
    if (dynamic_cast<const CLI::RequiresError*>(&e)) return requires_excludes(msg, " requires ", " kræver ");
    if (dynamic_cast<const CLI::ExcludesError*>(&e)) return requires_excludes(msg, " excludes ", " kan ikke bruges sammen med ");
    return "kommandolinjen kunne ikke læses";
}

void afvis_tomme_vaerdier(CLI::App& app) {
    auto ikke_tom = [](const char* besked) {
        return CLI::Validator([besked](const std::string& v) { return v.empty() ? std::string(besked) : std::string(); }, "");
    };
    static const CLI::Validator skal_angives = ikke_tom("en tom værdi er ikke tilladt; skriv en værdi");
    static const CLI::Validator kan_udelades =
        ikke_tom("en tom værdi er ikke tilladt; skriv en værdi, eller udelad tilvalget");
    for (CLI::Option* o : app.get_options())
        if (o->get_type_size() != 0) o->check(o->get_positional() || o->get_required() ? skal_angives : kan_udelades);
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) afvis_tomme_vaerdier(*sub);
}

void dansk(CLI::App& app, const std::string& version) {
    app.formatter(std::make_shared<DanskFormatter>());
    app.group("Kommandoer");
    app.set_help_flag("-h,--help", "Vis denne hjælp og afslut");
    app.set_version_flag("--version", version, "Vis programmets version og afslut");
    app.failure_message([](const CLI::App* a, const CLI::Error& e) {
        const std::string where = command_path(reached(*a));
        // printable: a value the user gave (--dato with ESC or a stray byte) is shown, not sent to the terminal
        return fmt::format("{}: {}\nSe '{} --help' for hvad kommandoen tager imod.\n", where, printable(dansk_fejl(*a, e)),
                           where);
    });
}

} // namespace kvalitet::cli
