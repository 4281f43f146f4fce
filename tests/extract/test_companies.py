"""Company matching: case, hyphens, legal forms, inflection, word boundaries, discovery."""

from __future__ import annotations

import pytest

from .conftest import doc


def _found(extractor, text: str, language: str = "de") -> list[tuple[str, str, str]]:
    return [
        (text[m.start : m.end], m.company_id, m.method)
        for m in extractor.find_mentions(text, language)
    ]


@pytest.mark.parametrize(
    ("text", "surface", "company_id"),
    [
        ("Volkswagens Absatz sank.", "Volkswagens", "volkswagen"),
        ("Die Zahlen BYDs sind gut.", "BYDs", "byd"),
        ("Teslas Chef sprach.", "Teslas", "tesla"),
        ("Xiaomi's plan is bold.", "Xiaomi", "xiaomi"),
        ("Der Xiaomi-CEO Lei Jun sprach.", "Xiaomi", "xiaomi"),
        ("Die Renault-Gruppe wächst.", "Renault-Gruppe", "renault"),
        ("De Tesla-baas sprak.", "Tesla", "tesla"),
        ("BYD-Modelle sind günstig.", "BYD", "byd"),
        ("Die Brenntag AG und die Volkswagen AG melden.", "Volkswagen AG", "volkswagen"),
        ("VOLKSWAGEN meldet.", "VOLKSWAGEN", "volkswagen"),
        ("Great Wall Motors baut.", "Great Wall Motors", "great-wall-motor"),
    ],
)
def test_inflection_compounds_and_legal_forms(extractor, text, surface, company_id) -> None:
    assert (surface, company_id) in [(s, c) for s, c, _ in _found(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Seating-Sparte wächst.",  # Seat inside Seating
        "Die Union tagt.",  # Nio inside Union
        "Der Manager spricht.",  # MAN inside Manager
        "Man sagt, es regne.",  # MAN is case-sensitive
        "Wir fordern mehr.",  # Ford inside fordern
        "Die Gewerkschaften Fordern mehr.",
        "the seat was empty",
    ],
)
def test_names_never_inside_other_words(extractor, text) -> None:
    assert _found(extractor, text) == []


def test_longest_match_wins(extractor) -> None:
    found = _found(extractor, "SAIC-GM-Wuling verkauft viel, SAIC auch.")
    assert found[0][:2] == ("SAIC-GM-Wuling", "saic-gm-wuling")
    assert found[1][:2] == ("SAIC", "saic")


def test_brand_is_a_company_and_products_are_no_company(extractor) -> None:
    found = _found(extractor, "Die Cupra-Modelle und der Tesla Model Y und der SU7 von Xiaomi.")
    # Cupra is a brand, a company of its own; Model Y and SU7 are no mentions of their own,
    # only their makers are.
    assert found == [
        ("Cupra", "cupra", "alias"),
        ("Tesla", "tesla", "alias"),
        ("Xiaomi", "xiaomi", "alias"),
    ]


def test_everyday_word_brands_need_car_context(extractor) -> None:
    assert _found(extractor, "Das neue Smart-Home-System ist da.") == []
    assert ("Smart", "smart", "alias") in _found(extractor, "Smart verkauft mehr Autos.")


def test_offsets_always_point_at_the_surface(extractor) -> None:
    text = "Ärger bei VW: Der VW-Konzern und Teslas Werk in Grünheide; BYD wächst."
    extraction = extractor.extract(doc(text))
    assert extraction.mentions
    for mention in extraction.mentions:
        assert text[mention.char_start : mention.char_end] == mention.surface_text
        assert mention.surface_text in mention.sentence_text


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Die Weiqiao Pioneering Group plant viel.", "de", "Weiqiao Pioneering Group"),
        ("Die Seerene GmbH erhielt Geld.", "de", "Seerene GmbH"),
        ("Het Chinese bedrijf Zeeko kondigt aan dat Zeeko groeit.", "nl", "Zeeko"),
        ("The supplier Valeoz said Valeoz would grow.", "en", "Valeoz"),
        ("Der Lufthansa-Konzern meldet, dass Lufthansa wächst.", "de", "Lufthansa"),
    ],
)
def test_discovery_by_legal_form_and_context(extractor, text, language, name) -> None:
    found = _found(extractor, text, language)
    assert any(s == name and m == "discovered" and c.startswith("d-") for s, c, m in found)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # A context word that is also a compound head names the company after the compound.
        ("Der Sensorenhersteller Quobrix wird verkauft.", "de", "Quobrix"),
        ("Der Gemüsekonzern Talvenor meldet Zahlen.", "de", "Talvenor"),
        ("Der Lackspezialist Ferrodyn wächst.", "de", "Ferrodyn"),
        ("Das Gemeinschaftsunternehmen Voltrana baut Zellen.", "de", "Voltrana"),
        # An adjective of origin before a name is no part of it.
        ("Het Finse Kareltek Motors bouwt de auto.", "nl", "Kareltek Motors"),
        ("Het Zweedse Morwen Dynamics AB koopt een fabriek.", "nl", "Morwen Dynamics AB"),
        ("The Finnish Kareltek Motors builds the car.", "en", "Kareltek Motors"),
        ("Die schwedische Trolla Systems AB baut Chips.", "de", "Trolla Systems AB"),
    ],
)
def test_discovery_after_compound_heads_and_adjectives_of_origin(
    extractor, text, language, name
) -> None:
    found = _found(extractor, text, language)
    assert any(s == name and m == "discovered" for s, _, m in found), found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Hersteller Elektroautos baut viel.", "de"),
        ("Das Unternehmen Mittwochabend mitteilte.", "de"),
        ("Die Ugandische Gruppe reiste.", "de"),
        ("Der Konzern China wächst.", "de"),
        ("The company said on Monday.", "en"),
        ("Produzent Michael Sugar sprach.", "de"),
    ],
)
def test_discovery_rejects_places_people_and_nouns(extractor, text, language) -> None:
    assert [m for m in _found(extractor, text, language) if m[2] == "discovered"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Mertens Bros. Logistik GmbH meldet Zahlen.", "Mertens Bros. Logistik GmbH"),
        ("Die kursdaten.net GmbH liefert Kurse.", "kursdaten.net GmbH"),
        ("Die Eventagentur Zappobo feiert heute.", "Zappobo"),  # rare word after a cue
        ("Die Brixtal-Aktie stieg, die Brixtal-Anteile auch.", "Brixtal"),
    ],
)
def test_discovery_of_abbreviations_domains_rare_words_and_share_compounds(
    extractor, text, name
) -> None:
    found = _found(extractor, text)
    assert any(s == name and m == "discovered" for s, _, m in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Die SPD-Chefin sprach mit der Gewerkschaft.",  # a party, not a company
        "Die Agentur Gewinne machte viel.",  # an everyday noun after a cue
        "Die Audit-Firma prüfte.",  # Audi inside Audit
    ],
)
def test_discovery_rejects_parties_and_everyday_words(extractor, text) -> None:
    assert _found(extractor, text) == []


def test_listed_name_glued_to_a_company_noun(extractor) -> None:
    text = "Im Teslawerk Grünheide und beim Volkswagenkonzern wird gebaut."
    assert [(s, c) for s, c, _ in _found(extractor, text)] == [
        ("Tesla", "tesla"),
        ("Volkswagen", "volkswagen"),
    ]


def test_declined_leading_adjective(real_extractor) -> None:
    text = "Bei der Deutschen Bahn und der Deutschen Telekom ist alles gut."
    ids = [m.company_id for m in real_extractor.extract(doc(text)).mentions]
    assert ids == ["deutsche-bahn", "deutsche-telekom"]


def test_cited_media_outlet_is_a_mention_but_no_partner(real_extractor) -> None:
    cited = real_extractor.extract(
        doc("BMW und Nissan arbeiten bei Software zusammen, berichtet die FAZ.")
    )
    assert "faz" in {m.company_id for m in cited.mentions}
    assert {(c.company_a_id, c.company_b_id) for c in cited.partnerships} == {("bmw", "nissan")}
    partner = real_extractor.extract(
        doc("Axel Springer und OpenAI haben eine Kooperation vereinbart.")
    )
    assert {(c.company_a_id, c.company_b_id) for c in partner.partnerships} == {
        ("axel-springer", "openai")
    }


def test_platforms_and_rival_yardsticks_are_no_party(real_extractor) -> None:
    extraction = real_extractor.extract(
        doc(
            "Nutzer können Videos von YouTube und Fotos von Instagram übernehmen. "
            "Apple führt Verhandlungen über seinen neuen Spotify-Konkurrenten."
        )
    )
    assert {"youtube", "instagram", "spotify"} <= {m.company_id for m in extraction.mentions}
    assert extraction.partnerships == []


def test_social_media_handles_and_hashtags(real_extractor) -> None:
    text = "RT @SPIEGELONLINE: Streik, meldet @faznet. Proteste bei #IBMfeuert. Mail an a@b.de."
    found = [(m.surface_text, m.company_id) for m in real_extractor.extract(doc(text)).mentions]
    assert found == [
        ("@SPIEGELONLINE", "spiegel"),
        ("@faznet", "faz"),
        ("#IBMfeuert", "ibm"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Versicherer Allianz erhöht seine Prognose.", ["allianz"]),
        ("Die Allianz der Autobauer gegen die Zölle bröckelt.", []),
        ("Ferdinand Porsche gründete 1931 sein Konstruktionsbüro.", []),
        ("Henry Ford revolutionierte die Fließbandfertigung.", []),
        ("Aufsichtsratschef Wolfgang Porsche lobte Porsche.", ["porsche"]),
        ("Die Robert Bosch GmbH baut Stellen ab.", ["bosch"]),
    ],
)
def test_everyday_words_and_people_named_like_companies(real_extractor, text, expected) -> None:
    assert [m.company_id for m in real_extractor.extract(doc(text)).mentions] == expected


def test_unit_named_after_a_listed_company_is_that_company(extractor) -> None:
    found = _found(extractor, "Die Frist in der BMW Mediaservice GmbH lief aus.")
    assert [(surface, company_id) for surface, company_id, _ in found] == [("BMW", "bmw")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Zulieferer Kareltek Automotive wächst. Kareltek baut Autos.", "de"),
        ("Het bedrijf Kareltek Automotive groeit. Kareltek bouwt auto's.", "nl"),
        ("The supplier Kareltek Automotive grows. Kareltek builds cars.", "en"),
        ("Il fornitore Kareltek Automotive cresce. Kareltek produce auto.", "it"),
    ],
)
def test_a_discovered_name_is_named_again_without_its_generic_tail(
    extractor, text, language
) -> None:
    found = _found(extractor, text, language)
    ids = {c for s, c, m in found if m == "discovered"}
    assert len(ids) == 1 and sum(m == "discovered" for _, _, m in found) == 2, found


@pytest.mark.parametrize(
    "text",
    [
        "Die Brenntag AG und der Zulieferer Kandor GmbH & Co. KG: ein Autobauer-Deal mit VW.",
        "Der Softwarehersteller Zorvatek SE übernimmt die Pellia-Gruppe.",
    ],
)
def test_one_pass_finds_names_and_anchors(extractor, text) -> None:
    from flows.extract.companies import _anchor_automaton
    from flows.extract.text import fold

    folded = fold(text)
    hits, anchors, _ = extractor.matcher.scan(text, folded)
    assert hits == extractor.matcher.candidates(text, folded)
    assert anchors == list(_anchor_automaton().iter(folded))
    assert anchors
