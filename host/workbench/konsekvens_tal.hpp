#pragma once
// Numbers as a Danish reader writes them: 1.234 sager, 12,5 timer, +3,2 %.
#include <cstddef>
#include <string>

namespace kvalitet::workbench {

std::string heltal_dk(std::size_t n);                 // "12.345"
std::string sager_dk(std::size_t n);                  // "1 sag", "12.345 sager"
std::string tal_dk(double x, int decimaler = 1);      // "1.234,5"; no decimals when whole
std::string fortegn_dk(double x, int decimaler = 1);  // "+3,2", "−3,2", "0"
std::string procent_dk(std::size_t del, std::size_t af); // "20,4 %"

} // namespace kvalitet::workbench
