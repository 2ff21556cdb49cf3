-- Frister som retssikkerhedsloven giver alle kommuner.

parametre {
  fysisk_post_hverdage = {
    vaerdi = 6,
    tekst = "Hverdage efter brevets dato, hvor en afgørelse sendt med almindelig fysisk post formodes modtaget "
      .. "(digital post regnes for modtaget samme dag, som den er sendt)",
    kilde = "Justitsministeriets vejledning nr. 9533 af 26. juni 2018 om beregning af klagefrister",
    -- antagelse: en formodning, ikke borgerens faktiske modtagelse; kendes datoen
    -- (bevilling.afgoerelse_modtaget), bruges den. "Hverdage" regnes her som mandag-fredag
    -- uden helligdage.
    antagelse = true,
  },
}

frist {
  id = "klage",
  tekst = "Klagefrist over afgørelsen",
  kilde = "Rsl. § 67, stk. 1",
  -- modtagelsen; mangler den, udledes den af afgoerelse_sendt og afgoerelse_kanal
  fra = "bevilling.afgoerelse_modtaget",
  varighed = uger(4),
  flyt = "naeste_arbejdsdag", -- en frist borgeren skal overholde
  paahviler = "borger",       -- udløbet uden klage er ingen fejl; en sen klage er "for_sent"
  opfyldt_ved = "klage.modtaget",
}

frist {
  id = "genvurdering",
  tekst = "Genvurdering af afgørelsen efter klage",
  kilde = "Rsl. § 66, stk. 1",
  fra = "klage.modtaget",
  varighed = uger(4),
  paahviler = "kommune",
  -- ny afgørelse, eller klagen sendt videre til Ankestyrelsen
  opfyldt_ved = "klage.genvurderet",
}
