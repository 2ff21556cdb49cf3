// Sources read from a directory stay inside it, and how they were chosen is known
// (finding 10 of issue 18: links in the tree were followed; a working directory holding
// dsl/ and municipalities/ replaced the embedded standards without a word).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "sources.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

struct Tree {
    fs::path base, root;
    Tree() {
        std::random_device rd;
        base = fs::temp_directory_path() / ("kvalitet-sources-" + std::to_string(rd()));
        root = base / "hjem";
        fs::create_directories(root / "dsl");
        fs::create_directories(root / "municipalities" / "x");
        write(root / "dsl" / "a.lua", "return 1");
        write(root / "municipalities" / "x" / "standard.lua", "return 2");
        write(base / "secret.lua", "HEMMELIG");
    }
    ~Tree() {
        std::error_code ec;
        fs::remove_all(base, ec);
    }
    static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
};

// Sets or clears an environment variable for one scope.
struct Env {
    std::string name;
    std::optional<std::string> old;
    Env(const char* n, const char* value) : name(n) {
        if (const char* o = std::getenv(n)) old = o;
        if (value) setenv(n, value, 1);
        else unsetenv(n);
    }
    ~Env() {
        if (old) setenv(name.c_str(), old->c_str(), 1);
        else unsetenv(name.c_str());
    }
};

struct Cwd {
    fs::path old = fs::current_path();
    explicit Cwd(const fs::path& p) { fs::current_path(p); }
    ~Cwd() { fs::current_path(old); }
};

} // namespace

TEST_CASE("sources: a directory is read inside its root only") {
    Tree t;
    const Sources s = Sources::directory(t.root);
    CHECK(s.read("dsl/a.lua") == "return 1");
    CHECK(s.read("municipalities/x/standard.lua") == "return 2");
    CHECK_FALSE(s.read("../secret.lua"));
    CHECK_FALSE(s.read("dsl/../../secret.lua"));
    CHECK_FALSE(s.read((t.base / "secret.lua").string()));
    CHECK_FALSE(s.read(""));
    CHECK_FALSE(s.read("dsl")); // a directory is no source file
}

TEST_CASE("sources: a symbolic link leading out of the root is neither read nor listed") {
    Tree t;
    fs::create_symlink(t.base / "secret.lua", t.root / "municipalities" / "x" / "ud.lua");
    fs::create_directory_symlink(t.base, t.root / "municipalities" / "y");
    fs::create_symlink(t.root / "dsl" / "a.lua", t.root / "municipalities" / "x" / "inde.lua");
    const Sources s = Sources::directory(t.root);
    CHECK_FALSE(s.read("municipalities/x/ud.lua"));
    CHECK_FALSE(s.read("municipalities/y/secret.lua"));
    CHECK(s.read("municipalities/x/inde.lua") == "return 1"); // a link inside the tree is fine
    const auto listed = s.list("municipalities");
    CHECK(listed == std::vector<std::string>{"municipalities/x/inde.lua", "municipalities/x/standard.lua"});
}

TEST_CASE("sources: a root reached through a link is still its own tree") {
    Tree t;
    fs::create_directory_symlink(t.root, t.base / "genvej");
    const Sources s = Sources::directory(t.base / "genvej");
    CHECK(s.read("dsl/a.lua") == "return 1");
    CHECK_FALSE(s.read("../secret.lua"));
}

TEST_CASE("sources: discover says where the standards come from") {
    Tree t;
    {
        Env hjem("KVALITET_HJEM", t.root.c_str());
        CHECK(Sources::discover().origin() == Sources::Origin::Environment);
    }
    Env hjem("KVALITET_HJEM", nullptr);
    {
        Cwd cwd(t.root); // a checkout: dsl/ and municipalities/
        const Sources s = Sources::discover();
        CHECK(s.origin() == Sources::Origin::WorkingDirectory);
        CHECK(s.read("dsl/a.lua") == "return 1");
    }
    {
        Cwd cwd(t.base);
        CHECK(Sources::discover().origin() == Sources::Origin::Embedded);
    }
    CHECK(Sources::directory(t.root).origin() == Sources::Origin::Directory);
    CHECK(Sources::embedded().origin() == Sources::Origin::Embedded);
}
