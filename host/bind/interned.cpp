#include "bind/interned.hpp"

namespace kvalitet::bind {

const std::string* NamePool::intern(std::string_view name) {
    if (name.size() > kMaxLength) return nullptr;
    if (auto it = names_.find(std::string(name)); it != names_.end()) return &*it;
    if (names_.size() >= kMaxNames) return nullptr;
    return &*names_.emplace(name).first;
}

} // namespace kvalitet::bind
