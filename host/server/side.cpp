#include "server/side.hpp"

#include <string>

#include "server/indlejret.hpp"

namespace kvalitet::server {

namespace {

std::string byg() {
    std::string side(indlejret::fil("host/server/side.html").value_or(""));
    std::string eksempel(indlejret::fil("docs/eksempler/sag.json").value_or("null"));
    // Inside <script>, "</" could end the element: JSON may write it as "<\/" all the same.
    for (std::size_t i = 0; (i = eksempel.find("</", i)) != std::string::npos; i += 3) eksempel.replace(i, 2, "<\\/");
    const std::string_view plads = "/*EKSEMPEL*/null";
    if (const auto i = side.find(plads); i != std::string::npos) side.replace(i, plads.size(), eksempel);
    return side;
}

} // namespace

std::string_view side_html() {
    static const std::string side = byg();
    return side;
}

} // namespace kvalitet::server
