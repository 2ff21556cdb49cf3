// A comparison as the trace writes it: "vum.sum 11 < 12 (pakke_fra_vum_sum[4])".
#include "domain/json_writer.hpp"
#include "domain/vurdering.hpp"

namespace kvalitet {

std::string Sammenligning::tekst() const {
    std::string out;
    if (!a_navn.empty()) (out += a_navn) += ' ';
    JsonWriter::number_into(out, a);
    ((out += ' ') += op) += ' ';
    JsonWriter::number_into(out, b);
    if (!b_navn.empty()) ((out += " (") += b_navn) += ')';
    return out;
}

} // namespace kvalitet
