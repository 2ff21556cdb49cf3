// A case system in C++: assess one case with every installed standard, on one thread each.
#include <kvalitet/engine.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "brug: " << argv[0] << " DATO SAG.json\n";
        return 2;
    }
    std::ifstream in(argv[2]);
    std::stringstream text;
    text << in.rdbuf();
    const auto dato = kvalitet::Dato::parse(argv[1]);
    if (!dato) {
        std::cerr << argv[1] << " er ikke en dato\n";
        return 2;
    }
    try {
        const kvalitet::Sag sag = kvalitet::Sag::from_json(text.str());
        auto engine = kvalitet::Engine::embedded(); // shared by all threads
        const auto ids = engine->kommuner();
        std::vector<std::string> lines(ids.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < ids.size(); ++i)
            threads.emplace_back([&, i] {
                kvalitet::Assessor assessor(engine, ids[i]); // one per thread
                const kvalitet::Vurdering v = assessor.assess(sag, *dato);
                const char* svar = !v.i_maalgruppe ? "uafklaret" : *v.i_maalgruppe ? "i målgruppen" : "uden for målgruppen";
                lines[i] = ids[i] + ": " + svar + ", " + std::to_string(v.frister.size()) + " frister, " +
                           std::to_string(v.advarsler.size()) + " advarsler";
            });
        for (auto& t : threads) t.join();
        for (const auto& l : lines) std::cout << l << "\n";
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
