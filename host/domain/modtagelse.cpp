#include "domain/modtagelse.hpp"

namespace kvalitet {

std::optional<Modtagelse> afgoerelse_modtaget(const Bevilling& b, int fysisk_post_hverdage) {
    if (b.afgoerelse_modtaget) return Modtagelse{*b.afgoerelse_modtaget, Modtagelse::Hvordan::Kendt};
    if (!b.afgoerelse_sendt || !b.afgoerelse_kanal) return std::nullopt;
    if (*b.afgoerelse_kanal == "digital") return Modtagelse{*b.afgoerelse_sendt, Modtagelse::Hvordan::Digital};
    const Varighed post{Varighed::Enhed::Hverdage, fysisk_post_hverdage};
    return Modtagelse{post.efter(*b.afgoerelse_sendt), Modtagelse::Hvordan::Fysisk};
}

std::string_view modtagelse_tekst(Modtagelse::Hvordan h) {
    switch (h) {
    case Modtagelse::Hvordan::Kendt: return "kendt modtagelsesdato";
    case Modtagelse::Hvordan::Digital: return "udledt: digital post er modtaget samme dag, som den er sendt";
    case Modtagelse::Hvordan::Fysisk: return "udledt: fysisk post formodes modtaget et antal hverdage efter brevets dato";
    }
    return "";
}

} // namespace kvalitet
