-- Frister som retssikkerhedsloven giver alle kommuner.

frist {
  id = "klage",
  tekst = "Klagefrist over afgørelsen",
  kilde = "Rsl. § 67, stk. 1",
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
