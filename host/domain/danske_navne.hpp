#pragma once
// The case's names in the words a caseworker reads: the findings (forhold), the dates a
// deadline runs from or is met by, and what the text form says a result still lacks.
#include <string>
#include <string_view>
#include <vector>

namespace kvalitet {

// "borgeren er motiveret for støtten" for "motiveret", worded to follow "om"; the id
// itself when unknown.
std::string forhold_tekst(std::string_view id);
// "modtagelsen af ansøgningen" for "ansoegning.modtaget"; the path itself when unknown.
std::string datosti_tekst(std::string_view sti);
// A fact a result lacks, as `mangler` names it ("motiveret", "bevilling.start", "vum"), in
// words with the field after them: "om borgeren er motiveret for støtten (forhold.motiveret)";
// the name itself when there are no words for it.
std::string mangler_tekst(std::string_view navn);
// The facts a result lacks, each as mangler_tekst words it, joined by "; ", so the
// caseworker knows both what to find out and where.
std::string mangler_liste(const std::vector<std::string>& navne);
// A rule's outcome as the trace's token names it ("gaelder_ikke", "udloebet"), in Danish
// letters and words ("gælder ikke", "udløbet"); the token itself when unknown.
std::string_view udfald_tekst(std::string_view udfald);

} // namespace kvalitet
