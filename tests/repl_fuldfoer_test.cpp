// REPL completion and the case store's ids (issue 20): no space after a name that goes on,
// nested fields, file names and case ids after :sag, municipalities after :kommune, :sager.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "session.hpp"
#include "store/case_store.hpp"

using namespace kvalitet;
using Catch::Contains;
using Catch::StartsWith;

namespace {

const std::string kExample = KVALITET_SOURCE_DIR "/docs/eksempler/sag.json";

// A case store with a few ids, removed afterwards.
struct Store {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("kvalitet-fuldfoer-test-" + std::to_string(::getpid()));
    std::string path = (dir / "s.db").string();
    std::vector<std::string> ids = {"demo-lejre-000001", "demo-varde-000001", "demo-varde-000002", "anden-1"};
    Store() {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        CaseStore store(path);
        std::vector<StoredCase> cases;
        for (const auto& id : ids) {
            const std::string kommune = id.find("lejre") != std::string::npos ? "lejre" : "varde";
            cases.push_back({0, id, kommune, R"({"id":")" + id + R"(","kommune":")" + kommune + R"("})", {}});
        }
        store.put_cases(cases);
    }
    ~Store() { std::filesystem::remove_all(dir); }
};

struct Repl {
    Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    repl::Session session;
    explicit Repl(const std::string& db = "/nonexistent/kvalitet-test.db")
        : session(sources, "varde", *Dato::parse("2026-11-22"), db, [](std::string_view) {}) {}
    std::string operator()(std::string_view line) { return session.handle_line(line); }
    std::vector<std::string> complete(const std::string& before, const std::string& word) {
        return session.complete(before, word);
    }
};

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

} // namespace

TEST_CASE("repl completion: fields of the case, nested, and no space after a name that goes on") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    CHECK(r.complete("", "sag.forh") == std::vector<std::string>{"sag.forhold"});
    CHECK_FALSE(r.session.space_after("", "sag.forhold"));
    CHECK(r.complete("", "sag.forhold.mo") == std::vector<std::string>{"sag.forhold.motiveret"});
    CHECK(r.complete("", "sag.vum.temaer.sun") == std::vector<std::string>{"sag.vum.temaer.sundhed"});
    CHECK(has(r.complete("", "sag.bevilling.leverandoer."), "sag.bevilling.leverandoer.naert_beslaegtet"));
    CHECK(has(r.complete("x = ", "sag.borger.a"), "sag.borger.alder"));
    // Plain Lua tables too, and the globals.
    CHECK(r("t = { alfa = 1, beta = { gamma = 2 } }") == "");
    CHECK(r.complete("", "t.beta.g") == std::vector<std::string>{"t.beta.gamma"});
    CHECK(has(r.complete("", "mindst"), "mindst"));
    CHECK(has(r.complete("", "me"), "med"));
    // Nothing from a name that is not there, or a view kept from an earlier case.
    CHECK(r.complete("", "findes_ikke.x").empty());
    CHECK(r("b = sag.borger") == "");
    CHECK(r(":dato 2026-01-01") != "");
    CHECK(r.complete("", "b.al").empty());
}

TEST_CASE("repl completion: meta-commands get a space, and :saet completes the case's paths") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    CHECK(r.complete("", ":sa") == std::vector<std::string>{":saet", ":sag", ":sager"});
    CHECK(r.session.space_after("", ":saet"));
    CHECK(r.complete(":saet ", "forhold.mot") == std::vector<std::string>{"forhold.motiveret"});
    CHECK_FALSE(r.session.space_after(":saet ", "forhold.motiveret"));
    CHECK(r.complete(":saet forhold.motiveret ", "fa") == std::vector<std::string>{"false"});
    CHECK(r.complete(":json ", "sag.forh") == std::vector<std::string>{"sag.forhold"});
}

TEST_CASE("repl completion: municipality ids after :kommune") {
    Repl r;
    CHECK(r.complete(":kommune ", "ker") == std::vector<std::string>{"kerteminde"});
    CHECK(r.session.space_after(":kommune ", "kerteminde"));
    CHECK(r.complete(":kommune ", "").size() == kommuner(Sources::directory(KVALITET_SOURCE_DIR)).size());
}

TEST_CASE("repl completion: file names after :sag, also when the line splits the path at '/'") {
    Repl r;
    const std::string dir = KVALITET_SOURCE_DIR "/docs/eksempler/";
    CHECK(has(r.complete(":sag ", dir + "sa"), dir + "sag.json"));
    CHECK(r.session.space_after(":sag ", dir + "sag.json"));
    CHECK(has(r.complete(":sag " + dir, "sa"), "sag.json")); // libedit split the word at '/'
    const auto folders = r.complete(":sag ", KVALITET_SOURCE_DIR "/docs/eksem");
    REQUIRE(folders.size() == 1);
    CHECK(folders[0].back() == '/');
    CHECK_FALSE(r.session.space_after(":sag ", folders[0]));
}

TEST_CASE("repl completion: case ids from the store after :sag; :sager lists them") {
    const Store store;
    Repl r(store.path);
    const auto varde = r.complete(":sag ", "demo-v");
    CHECK(varde == std::vector<std::string>{"demo-varde-000001", "demo-varde-000002"});
    CHECK(r.complete(":sag demo-", "varde") == std::vector<std::string>{"varde-000001", "varde-000002"}); // split at '-'
    const auto all = r(":sager");
    for (const auto& id : store.ids) CHECK_THAT(all, Contains(id));
    CHECK_THAT(all, StartsWith(std::to_string(store.ids.size()) + " sager"));
    const auto lejre = r(":sager lejre");
    CHECK_THAT(lejre, Contains("demo-lejre-000001") && !Contains("demo-varde-000001"));
    CHECK_THAT(r(":sager findes-ikke"), StartsWith("ingen sager"));
    // Completing and listing read the store: it is not written.
    const auto before = std::filesystem::last_write_time(store.path);
    r.complete(":sag ", "d");
    r(":sager");
    CHECK(std::filesystem::last_write_time(store.path) == before);
}

TEST_CASE("repl :sager without a store says where it looked and how to make one") {
    Repl r;
    CHECK_THAT(r(":sager"), StartsWith("fejl: der er ingen sagsdatabase i /nonexistent/kvalitet-test.db"));
    CHECK(r.complete(":sag ", "demo-").empty());
}
