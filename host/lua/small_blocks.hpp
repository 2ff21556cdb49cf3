// A cache of freed small blocks for one Lua state. An assessment makes and drops the same
// few thousand small objects each time (tables, strings, dates as userdata); glibc's own
// per-thread cache holds seven per size, so most of them went through malloc's slow path
// (callgrind: allocation was 11 % of a Kerteminde assessment). Lua says the size of a block
// when it frees it, so a block needs no header: a free list per 16-byte size class.
//
// What is kept is bounded (kKeepBytes per state): a script that churns through many sizes
// cannot make the process hold more than that beyond what it has allocated and the memory
// cap allows. Under AddressSanitizer a cached block is poisoned (all but its link to the
// next, which LeakSanitizer follows), so a use after free is still caught.
#pragma once

#include <array>
#include <cstddef>

namespace kvalitet::lua {

class SmallBlocks {
public:
    static constexpr std::size_t kGranule = 16;
    static constexpr std::size_t kLargest = 256;             // larger blocks go to malloc
    static constexpr std::size_t kKeepBytes = 2 * 1024 * 1024; // cached, at most, per state

    SmallBlocks() = default;
    SmallBlocks(const SmallBlocks&) = delete;
    SmallBlocks& operator=(const SmallBlocks&) = delete;
    ~SmallBlocks();

    // The lua_Alloc contract (osize is the block's size when ptr is set); nullptr when
    // malloc fails, never for a free or a shrink within the same class.
    void* resize(void* ptr, std::size_t osize, std::size_t nsize) noexcept;

    std::size_t cached_bytes() const noexcept { return cached_; }

private:
    struct Free {
        Free* next;
    };
    static std::size_t class_of(std::size_t n) noexcept { return (n + kGranule - 1) / kGranule - 1; }
    static bool small(std::size_t n) noexcept { return n <= kLargest; }

    void* take(std::size_t n) noexcept;
    void give(void* p, std::size_t n) noexcept;

    std::array<Free*, kLargest / kGranule> lists_{};
    std::size_t cached_ = 0;
};

} // namespace kvalitet::lua
