#pragma once
// Names that live as long as the process: a trace's `vaerdier` keys are string_views, and a
// parameter's name ("pakke_fra_vum_sum[4]") must outlive the standard that read it, since
// an assessment may be written after its standard is gone (the REPL reloads, the server
// reloads). The pool is bounded: scripts can only add as many names as their parameters
// have values, and past the bound a name is simply not interned.
#include <string>
#include <string_view>

namespace kvalitet::bind {

// The pooled copy of `name`; nullptr when the pool is full or the name too long.
const std::string* intern(std::string_view name);

} // namespace kvalitet::bind
