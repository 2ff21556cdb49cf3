-- Lejre: leverandøren (KS 5) og kerneydelserne (KS 3 og 4).

local borger = {
  borger = { alder = 29 },
  vum = { dato = "2026-10-01", temaer = { socialt_liv = 3 } },
  forhold = { kan_afhjaelpes_efter_anden_lovgivning = false, kan_deltage_aktivt = true },
  bevilling = { start = "2026-10-01", form = "kombination", leverandoer = { naert_beslaegtet = false } },
}

test {
  navn = "En nært beslægtet leverandør giver advarsel",
  dato = "2026-11-22",
  sag = med(borger, { bevilling = { leverandoer = { naert_beslaegtet = true } } }),
  forvent = { advarsler = { naert_beslaegtet_leverandoer = {
    tekst = "Afvigelse fra 'Man kan ikke blive ansat som leverandør som nært beslægtet med borgeren': leverandøren er oplyst som nært beslægtet med borgeren" } } },
}

test {
  navn = "En leverandør der ikke er nært beslægtet er i orden",
  dato = "2026-11-22",
  sag = borger,
  forvent = { advarsler = {} },
}

test {
  navn = "Kerneydelserne er omfattet",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "oekonomi", "post", "velfaerdsteknologi", "laege_tandlaege",
    "sociale_relationer", "netvaerk", "ledsagelse_behandling", "medicin_haandtering", "rengoering_toejvask",
    "indkoeb_madlavning", "personlig_hygiejne", "struktur_i_hverdagen", "uddannelse_beskaeftigelse" } }),
  forvent = { aktiviteter = {
    oekonomi = { omfattet = true, kilde = "Lejre KS 3, kerneydelse 1 Samfundsliv og kommunikation" },
    post = { omfattet = true }, velfaerdsteknologi = { omfattet = true, antagelse = true }, laege_tandlaege = { omfattet = true },
    sociale_relationer = { omfattet = true }, netvaerk = { omfattet = true },
    ledsagelse_behandling = { omfattet = true }, medicin_haandtering = { omfattet = true },
    rengoering_toejvask = { omfattet = true }, indkoeb_madlavning = { omfattet = true },
    personlig_hygiejne = { omfattet = true },
    struktur_i_hverdagen = { omfattet = true, kilde = "Lejre KS 2 Hvad er formålet med ydelsen" },
    uddannelse_beskaeftigelse = { omfattet = true } } },
}

test {
  navn = "Praktiske opgaver og pleje, som borgeren ikke selv tager del i, hører under § 83",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false },
                      ansoegte_aktiviteter = { "rengoering_toejvask", "indkoeb_madlavning", "personlig_hygiejne" } }),
  forvent = { aktiviteter = {
    rengoering_toejvask = { omfattet = false, henvis_til = "SEL § 83" },
    indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83" },
    personlig_hygiejne = { omfattet = false, henvis_til = "SEL § 83" } } },
}

test {
  navn = "Om borgeren selv tager del, er ikke vurderet: uafklaret, ingen henvisning til § 83 endnu",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt },
                      ansoegte_aktiviteter = { "rengoering_toejvask", "indkoeb_madlavning", "personlig_hygiejne" } }),
  forvent = { aktiviteter = {
    rengoering_toejvask = { omfattet = ukendt, henvis_til = ukendt, mangler = { "kan_deltage_aktivt" } },
    indkoeb_madlavning = { omfattet = ukendt, henvis_til = ukendt, mangler = { "kan_deltage_aktivt" } },
    personlig_hygiejne = { omfattet = ukendt, henvis_til = ukendt, mangler = { "kan_deltage_aktivt" } } } },
}

-- KS 3, Sundhed: "støttende samtaler med henblik på at øge borgerens indsigt i egen
-- livssituation og sygdom" er ikke medicinhåndtering; den følger det nationale grundlag.
test {
  navn = "Medicinhåndtering er ikke Lejres 'støttende samtaler': det nationale katalog afgør",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "medicin_haandtering" } }),
  forvent = { aktiviteter = { medicin_haandtering = { omfattet = true, kilde = 'SEL § 85, stk. 1 ("hjælp, omsorg eller støtte samt optræning og hjælp til udvikling af færdigheder"); ikke fra kommunens standard', antagelse = true,
                                                      tekst = "Støtte til at håndtere egen medicin" } } },
}

test {
  navn = "Nationale afgrænsninger gælder også i Lejre",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "genoptraening", "afloesning_aflastning", "bpa",
    "ledsagelse_uden_paedagogisk_formaal", "psykologbehandling", "medicindosering", "administration_af_penge",
    "transport_uden_paedagogisk_sigte", "husdyr" } }),
  forvent = { aktiviteter = {
    genoptraening = { omfattet = false, henvis_til = "SEL § 86" },
    afloesning_aflastning = { omfattet = false, henvis_til = "SEL § 84" },
    bpa = { omfattet = false, henvis_til = "SEL § 96" },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97" },
    psykologbehandling = { omfattet = false }, medicindosering = { omfattet = false },
    administration_af_penge = { omfattet = false }, transport_uden_paedagogisk_sigte = { omfattet = false },
    husdyr = { omfattet = false } } },
}
