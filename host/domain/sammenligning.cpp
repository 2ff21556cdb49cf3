// A comparison as the trace writes it: "vum.sum 11 < 12 (pakke_fra_vum_sum[4])".
#include "domain/json_writer.hpp"
#include "domain/vurdering.hpp"

namespace kvalitet {

namespace {
// "a_navn a op b (b_navn)", to whichever writer: the text and the JSON string say the same.
// `own` gets our own text (spaces, parentheses, the relation), with nothing to escape;
// `name` what a rule read, which may need it.
template <class Own, class Name, class Number>
void parts(const Sammenligning& s, Own own, Name name, Number number) {
    if (!s.a_navn.empty()) {
        name(s.a_navn);
        own(" ");
    }
    number(s.a);
    own(" ");
    own(s.op);
    own(" ");
    number(s.b);
    if (!s.b_navn.empty()) {
        own(" (");
        name(s.b_navn);
        own(")");
    }
}
} // namespace

std::string Sammenligning::tekst() const {
    std::string out;
    auto text = [&](std::string_view t) { out += t; };
    parts(*this, text, text, [&](double d) { JsonWriter::number_into(out, d); });
    return out;
}

void Sammenligning::skriv(JsonWriter& w) const {
    w.begin_string();
    parts(*this, [&](std::string_view t) { w.string_own(t); }, [&](std::string_view t) { w.string_part(t); },
          [&](double d) { w.string_number(d); });
    w.end_string();
}

} // namespace kvalitet
