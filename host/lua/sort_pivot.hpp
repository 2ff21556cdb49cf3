#pragma once
// Lua 5.4's table.sort (ltablib.c) chooses its pivot and, after a lopsided partition, a new
// random number from clock() and time(). The sandbox's table.sort and efter_dato follow its
// comparisons exactly, with one fixed number in its place: the same order every run, and the
// two agree with each other.
namespace kvalitet::lua {

// The pivot of [lo, up]: the middle, or (once `rnd` is set) a point in the middle half.
constexpr unsigned sort_pivot(unsigned lo, unsigned up, unsigned rnd) {
    constexpr unsigned kRanLimit = 100u;
    if (up - lo < kRanLimit || rnd == 0) return (lo + up) / 2;
    const unsigned r4 = (up - lo) / 4;
    return rnd % (r4 * 2) + (lo + r4);
}

// `rnd` for what is left of [lo, up] after a partition whose smaller part had `n` elements:
// where Lua would randomize (the split was lopsided), the fixed number.
constexpr unsigned sort_rnd_after(unsigned lo, unsigned up, unsigned n, unsigned rnd) {
    constexpr unsigned kFixedRnd = 0x9e3779b9u;
    return (up - lo) / 128 > n ? kFixedRnd : rnd;
}

} // namespace kvalitet::lua
