-- Aktivitetskataloget: hver aktivitet i kontrakten, og hvilken paragraf der normalt dækker
-- den. Socialpædagogisk støtte efter § 85 er hjælp, omsorg, støtte og optræning; hvor en
-- anden paragraf dækker, henviser kataloget dertil. Kommunerne erstatter ved id.

-- Antagelse: kataloget svarer kun for en aktivitet, kommunens script ikke selv har en regel for;
-- "omfattet" er da vores læsning af SEL § 85, stk. 1, ikke kommunens serviceniveau. Kilden
-- citerer paragraffen og siger det.
local kilde_85 = 'SEL § 85, stk. 1 ("hjælp, omsorg eller støtte samt optræning og hjælp til udvikling af '
  .. 'færdigheder"); ikke fra kommunens standard'
local function omfattet(id, tekst)
  aktivitet { id = id, tekst = tekst, kilde = kilde_85, omfattet = true, antagelse = true }
end

omfattet("struktur_i_hverdagen", "Støtte til struktur i hverdagen")
omfattet("medicin_haandtering", "Støtte til at håndtere egen medicin")
omfattet("sociale_relationer", "Støtte til at indgå i sociale relationer")
omfattet("netvaerk", "Støtte til at skabe og fastholde netværk")
omfattet("ledsagelse_behandling", "Ledsagelse med socialpædagogisk sigte til behandling")
omfattet("oekonomi", "Støtte til at planlægge og styre egen økonomi")
omfattet("post", "Støtte til at forstå og handle på post")
omfattet("indkoeb_madlavning", "Støtte og optræning i indkøb og madlavning")
omfattet("personlig_hygiejne", "Støtte og optræning i personlig hygiejne")
omfattet("rengoering_toejvask", "Støtte og optræning i rengøring og tøjvask")
omfattet("velfaerdsteknologi", "Støtte til at bruge kommunikations- og velfærdsteknologi")
omfattet("uddannelse_beskaeftigelse", "Støtte til at fastholde uddannelse eller beskæftigelse")
omfattet("laege_tandlaege", "Støtte til at komme til læge og tandlæge")

aktivitet {
  id = "genoptraening", tekst = "Genoptræning af fysisk funktionsnedsættelse",
  kilde = "SEL § 86", omfattet = false, henvis_til = "SEL § 86",
}
aktivitet {
  id = "afloesning_aflastning", tekst = "Afløsning eller aflastning af ægtefælle, forældre eller andre nære pårørende",
  kilde = "SEL § 84", omfattet = false, henvis_til = "SEL § 84",
}
aktivitet {
  id = "bpa", tekst = "Borgerstyret personlig assistance",
  kilde = "SEL § 96", omfattet = false, henvis_til = "SEL § 96",
}
aktivitet {
  id = "ledsagelse_uden_paedagogisk_formaal", tekst = "Ledsagelse uden socialpædagogisk formål",
  kilde = "SEL § 97", omfattet = false, henvis_til = "SEL § 97",
}
-- De fire nedenfor: at de ikke er støtte eller optræning efter SEL § 85, er vores læsning af
-- paragraffen, ikke en standards ord.
-- antagelse: standarden siger intet om psykologbehandling; behandling er ikke en serviceydelse.
aktivitet {
  id = "psykologbehandling", tekst = "Psykologbehandling",
  kilde = "SEL § 85 (behandling er ikke en ydelse efter serviceloven)", omfattet = false, antagelse = true,
}
aktivitet {
  id = "medicindosering", tekst = "Dosering af medicin",
  kilde = "Sundhedsloven § 138 (hjemmesygepleje)", omfattet = false, henvis_til = "SUL § 138",
}
-- antagelse: standarden siger intet om at administrere borgerens penge; at gøre det for borgeren er ikke støtte.
aktivitet {
  id = "administration_af_penge", tekst = "Administration af borgerens penge",
  kilde = "SEL § 85 (at gøre det for borgeren er ikke støtte eller optræning)", omfattet = false, antagelse = true,
}
-- antagelse: standarden siger intet om transport alene; den er ikke støtte eller optræning.
aktivitet {
  id = "transport_uden_paedagogisk_sigte", tekst = "Transport uden pædagogisk sigte",
  kilde = "SEL § 85 (transport alene er ikke støtte eller optræning)", omfattet = false, antagelse = true,
}
-- antagelse: standarden siger intet om husdyr; at passe dem for borgeren er ikke støtte.
aktivitet {
  id = "husdyr", tekst = "Pasning af husdyr",
  kilde = "SEL § 85 (at gøre det for borgeren er ikke støtte eller optræning)", omfattet = false, antagelse = true,
}
