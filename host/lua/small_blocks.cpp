#include "lua/small_blocks.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#define KVALITET_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KVALITET_ASAN 1
#endif
#endif
#ifdef KVALITET_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace kvalitet::lua {

// Every block on list c is at least (c + 1) · kGranule bytes: made that size by take(), or
// larger when a shrink kept its block (see resize).
void* SmallBlocks::take(std::size_t n) noexcept {
    const std::size_t c = class_of(std::max<std::size_t>(n, 1));
    if (Free* f = lists_[c]) {
        UNPOISON(f, (c + 1) * kGranule);
        lists_[c] = f->next;
        cached_ -= (c + 1) * kGranule;
        return f;
    }
    return std::malloc((c + 1) * kGranule);
}

void SmallBlocks::give(void* p, std::size_t n) noexcept {
    const std::size_t c = class_of(std::max<std::size_t>(n, 1));
    const std::size_t size = (c + 1) * kGranule;
    if (cached_ + size > kKeepBytes) {
        std::free(p);
        return;
    }
    auto* f = static_cast<Free*>(p);
    f->next = lists_[c];
    lists_[c] = f;
    cached_ += size;
    // All but the link: LeakSanitizer must still follow the list to the blocks it keeps.
    POISON(static_cast<char*>(p) + sizeof(Free), size - sizeof(Free));
}

void* SmallBlocks::resize(void* ptr, std::size_t osize, std::size_t nsize) noexcept {
    if (!ptr) {
        if (nsize == 0) return nullptr;
        return small(nsize) ? take(nsize) : std::malloc(nsize);
    }
    if (nsize == 0) {
        if (small(osize)) give(ptr, osize);
        else std::free(ptr);
        return nullptr;
    }
    if (!small(osize) && !small(nsize)) return std::realloc(ptr, nsize);
    if (small(osize) && small(nsize) && class_of(osize) == class_of(nsize)) return ptr;
    void* q = small(nsize) ? take(nsize) : std::malloc(nsize);
    if (!q) {
        // Lua requires a shrink to succeed; the old block is big enough to stay.
        return nsize <= osize ? ptr : nullptr;
    }
    std::memcpy(q, ptr, std::min(osize, nsize));
    if (small(osize)) give(ptr, osize);
    else std::free(ptr);
    return q;
}

SmallBlocks::~SmallBlocks() {
    for (std::size_t c = 0; c < lists_.size(); ++c) {
        for (Free* f = lists_[c]; f;) {
            UNPOISON(f, (c + 1) * kGranule);
            Free* next = f->next;
            std::free(f);
            f = next;
        }
    }
}

} // namespace kvalitet::lua
