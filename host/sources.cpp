#include "sources.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "embedded_sources.hpp"

namespace kvalitet {

Sources Sources::embedded() { return Sources{}; }

Sources Sources::directory(std::filesystem::path root) {
    Sources s;
    s.root_ = std::filesystem::absolute(std::move(root));
    return s;
}

Sources Sources::discover() {
    if (const char* home = std::getenv("KVALITET_HJEM"); home && *home) return directory(home);
    std::error_code ec;
    auto cwd = std::filesystem::current_path(ec);
    if (!ec && std::filesystem::is_directory(cwd / "dsl", ec) &&
        std::filesystem::is_directory(cwd / "municipalities", ec))
        return directory(cwd);
    return embedded();
}

std::optional<std::string> Sources::read(std::string_view relpath) const {
    if (root_.empty()) {
        for (std::size_t i = 0; i < embedded::count; ++i)
            if (embedded::files[i].path == relpath) return std::string(embedded::files[i].text);
        return std::nullopt;
    }
    std::ifstream in(root_ / std::filesystem::path(relpath), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> Sources::list(std::string_view prefix) const {
    std::string dir(prefix);
    if (!dir.empty() && dir.back() != '/') dir += '/';
    std::vector<std::string> out;
    if (root_.empty()) {
        for (std::size_t i = 0; i < embedded::count; ++i)
            if (embedded::files[i].path.starts_with(dir)) out.emplace_back(embedded::files[i].path);
    } else {
        std::error_code ec;
        auto base = root_ / std::filesystem::path(dir);
        if (std::filesystem::is_directory(base, ec))
            for (auto it = std::filesystem::recursive_directory_iterator(base, ec);
                 it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file())
                    out.push_back(std::filesystem::relative(it->path(), root_).generic_string());
            }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string Sources::describe() const {
    return root_.empty() ? std::string("indlejrede standarder") : root_.string();
}

} // namespace kvalitet
