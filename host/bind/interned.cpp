#include "bind/interned.hpp"

#include <mutex>
#include <string>
#include <unordered_set>

namespace kvalitet::bind {

namespace {

constexpr std::size_t kMaxNames = 1 << 16;
constexpr std::size_t kMaxLength = 200;

} // namespace

const std::string* intern(std::string_view name) {
    static std::mutex mutex;
    static auto* pool = new std::unordered_set<std::string>(); // never freed: views outlive everything
    if (name.size() > kMaxLength) return nullptr;
    std::lock_guard lock(mutex);
    if (auto it = pool->find(std::string(name)); it != pool->end()) return &*it;
    if (pool->size() >= kMaxNames) return nullptr;
    return &*pool->emplace(name).first;
}

} // namespace kvalitet::bind
