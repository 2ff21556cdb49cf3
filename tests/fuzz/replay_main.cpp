// A fuzz target without libFuzzer: LLVMFuzzerTestOneInput on every file given (folders
// walked, in name order), so a crash once found stays a test in the normal build. A
// crash, a sanitizer report or an abort ends the process; the file's name is printed first.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path p = argv[i];
        if (fs::is_directory(p)) {
            for (const auto& e : fs::recursive_directory_iterator(p))
                if (e.is_regular_file() && e.path().filename() != ".gitkeep") files.push_back(e.path());
        } else if (fs::is_regular_file(p)) {
            files.push_back(p);
        } // a folder not made yet (no regression inputs) is no error
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::printf("%s\n", f.c_str());
        std::fflush(stdout);
        std::ifstream in(f, std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("%zu filer kørt uden fejl\n", files.size());
    return files.empty() ? 1 : 0; // a replay that ran nothing would pass without testing anything
}
