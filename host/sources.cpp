#include "sources.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "embedded_sources.hpp"

namespace kvalitet {

namespace fs = std::filesystem;

namespace {

// `path` lies in `dir` (both canonical): dir's parts are a prefix of path's.
bool within(const fs::path& path, const fs::path& dir) {
    auto p = path.begin();
    for (auto d = dir.begin(); d != dir.end(); ++d, ++p) {
        if (d->empty()) continue; // a trailing separator
        if (p == path.end() || *p != *d) return false;
    }
    return true;
}

} // namespace

Sources Sources::embedded() { return Sources{}; }

Sources Sources::directory(fs::path root) {
    Sources s;
    s.root_ = fs::absolute(std::move(root));
    std::error_code ec;
    s.canonical_ = fs::weakly_canonical(s.root_, ec);
    if (ec) s.canonical_ = s.root_.lexically_normal();
    s.origin_ = Origin::Directory;
    return s;
}

Sources Sources::discover() {
    if (const char* home = std::getenv("KVALITET_HJEM"); home && *home) {
        Sources s = directory(home);
        s.origin_ = Origin::Environment;
        return s;
    }
    std::error_code ec;
    auto cwd = fs::current_path(ec);
    if (!ec && fs::is_directory(cwd / "dsl", ec) && fs::is_directory(cwd / "municipalities", ec)) {
        Sources s = directory(cwd);
        s.origin_ = Origin::WorkingDirectory;
        return s;
    }
    return embedded();
}

fs::path Sources::inside(std::string_view relpath) const {
    const fs::path rel(relpath);
    if (relpath.empty() || rel.has_root_name() || rel.has_root_directory()) return {};
    for (const auto& part : rel)
        if (part == "..") return {};
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(root_ / rel, ec);
    if (ec || !within(file, canonical_)) return {};
    return file;
}

Sources Sources::in_memory(std::optional<std::pair<std::string, std::string>> replaced) const {
    auto files = std::make_shared<std::map<std::string, std::string, std::less<>>>();
    for (const char* tree : {"dsl", "stdlib", "municipalities"})
        for (auto& rel : list(tree))
            if (auto text = read(rel)) files->emplace(std::move(rel), std::move(*text));
    if (replaced) (*files)[replaced->first] = std::move(replaced->second);
    Sources s = *this;
    s.snapshot_ = std::move(files);
    return s;
}

Sources Sources::snapshot() const {
    if (root_.empty() || snapshot_) return *this; // the embedded copy never changes
    return in_memory({});
}

Sources Sources::with_file(const std::string& relpath, std::string text) const {
    return in_memory(std::pair(relpath, std::move(text)));
}

std::optional<std::string> Sources::read(std::string_view relpath) const {
    if (snapshot_) {
        const auto it = snapshot_->find(relpath);
        if (it == snapshot_->end()) return std::nullopt;
        return it->second;
    }
    if (root_.empty()) {
        for (std::size_t i = 0; i < embedded::count; ++i)
            if (embedded::files[i].path == relpath) return std::string(embedded::files[i].text);
        return std::nullopt;
    }
    const fs::path file = inside(relpath);
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec) || fs::file_size(file, ec) > kMaxFile) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> Sources::list(std::string_view prefix) const {
    std::string dir(prefix);
    if (!dir.empty() && dir.back() != '/') dir += '/';
    std::vector<std::string> out;
    if (snapshot_) {
        for (auto it = snapshot_->lower_bound(dir); it != snapshot_->end() && it->first.starts_with(dir); ++it)
            out.push_back(it->first);
    } else if (root_.empty()) {
        for (std::size_t i = 0; i < embedded::count; ++i)
            if (embedded::files[i].path.starts_with(dir)) out.emplace_back(embedded::files[i].path);
    } else {
        std::error_code ec;
        auto base = root_ / fs::path(dir);
        if (fs::is_directory(base, ec))
            for (auto it = fs::recursive_directory_iterator(base, ec); it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                if (ec) break;
                if (!it->is_regular_file()) continue;
                auto rel = it->path().lexically_relative(root_).generic_string(); // not relative(): it resolves links
                if (!inside(rel).empty()) out.push_back(std::move(rel)); // what read() would refuse is not listed
            }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string Sources::describe() const {
    return root_.empty() ? std::string("indlejrede standarder") : root_.string();
}

std::optional<std::string> Sources::outside(std::string_view relpath) const {
    std::error_code ec;
    if (root_.empty() || snapshot_ || !fs::exists(root_ / fs::path(relpath), ec) || !inside(relpath).empty())
        return std::nullopt;
    return fmt::format("{} findes i {}, men et symbolsk link fører den uden for mappen, og filer uden for den "
                       "læses ikke; kopiér filen (eller mappen) ind i stedet for at linke til den",
                       relpath, root_.string());
}

} // namespace kvalitet
