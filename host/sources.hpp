#pragma once
// Where Lua sources come from: the copy embedded at build time, or a directory on disk
// (a checkout being edited). Paths are relative and '/'-separated: "stdlib/sel85.lua".
//
// A directory is read as a tree of its own: a path with ".." or a root, and a file that
// resolves outside the directory (a symbolic link leading out), are not there. Links that
// stay inside the tree are followed.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kvalitet {

class Sources {
public:
    // How the sources were chosen, so the program can say so when it was not asked.
    enum class Origin { Embedded, Directory, Environment, WorkingDirectory };

    static Sources embedded();
    static Sources directory(std::filesystem::path root);
    // KVALITET_HJEM if set, else the working directory when it holds dsl/ and
    // municipalities/ (a checkout: a policy officer's edit counts), else the embedded copy.
    // origin() tells which; the program announces a working directory (repl/cli.cpp).
    static Sources discover();

    std::optional<std::string> read(std::string_view relpath) const;
    // Relative paths under `prefix` (a directory, e.g. "municipalities/varde/tests"), sorted.
    std::vector<std::string> list(std::string_view prefix) const;
    bool on_disk() const noexcept { return !root_.empty(); }
    const std::filesystem::path& root() const noexcept { return root_; }
    Origin origin() const noexcept { return origin_; }
    std::string describe() const;
    // When read(relpath) found nothing because a symbolic link leads the file out of the
    // directory: a Danish sentence saying so and what to do ("dsl/init.lua findes i …").
    std::optional<std::string> outside(std::string_view relpath) const;

    // The same sources with every file of dsl/, stdlib/ and municipalities/ read into memory
    // now: what it reads later no longer depends on the disk. The server's reload takes one,
    // so standards that passed their tests keep running whatever is edited afterwards.
    Sources snapshot() const;
    // The same sources, read into memory, with `relpath` holding `text` instead: a version of
    // a standard kept elsewhere (the case store) read as if it were still its file.
    Sources with_file(const std::string& relpath, std::string text) const;

    // Largest source file read from a directory: scripts are small.
    static constexpr std::uintmax_t kMaxFile = 16u << 20;

private:
    // Every file of dsl/, stdlib/ and municipalities/ read into memory, one replaced if given.
    Sources in_memory(std::optional<std::pair<std::string, std::string>> replaced) const;
    // The file under the root that `relpath` names, or empty when it names none there.
    std::filesystem::path inside(std::string_view relpath) const;

    std::filesystem::path root_;      // empty: embedded
    std::filesystem::path canonical_; // root_ with every link resolved: what "inside" means
    Origin origin_ = Origin::Embedded;
    std::shared_ptr<const std::map<std::string, std::string, std::less<>>> snapshot_; // set: read from here
};

} // namespace kvalitet
