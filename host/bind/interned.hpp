#pragma once
// The names a standard's parameters are recorded under in a trace's `vaerdier`
// ("pakke_fra_vum_sum[4]"). A trace keeps string_views into this pool, so it belongs to the
// loaded standard and lives as long as any assessment made with it (Vurdering::keepalive).
// One pool per standard: a standard that fills its pool loses names in its own traces only,
// never in another municipality's assessed in the same process.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace kvalitet::bind {

class NamePool {
public:
    static constexpr std::size_t kMaxNames = 1 << 16;
    static constexpr std::size_t kMaxLength = 200;

    // The pooled copy of `name`; nullptr when the pool is full or the name too long. Not
    // thread-safe: names are added while the standard loads, on the thread loading it.
    const std::string* intern(std::string_view name);
    std::size_t size() const { return names_.size(); }

private:
    std::unordered_set<std::string> names_; // node-based: a pooled string never moves
};

} // namespace kvalitet::bind
