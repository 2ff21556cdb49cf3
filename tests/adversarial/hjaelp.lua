-- Et hjælpemodul, som nogle af de fjendtlige scripts henter (ikke en test i sig selv).
return { navn = "hjælp" }
