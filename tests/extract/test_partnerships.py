"""Partnership claims: type, status and direction per language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import doc


def _claims(extractor, text: str) -> list[tuple[str, str, str, str]]:
    extraction = extractor.extract(doc(text))
    return [
        (c.company_a_id, c.company_b_id, c.partnership_type, c.status)
        for c in extraction.partnerships
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volkswagen übernimmt Gotion.", ("volkswagen", "gotion", "acquisition", "announced")),
        (
            "Gotion wird von Volkswagen übernommen.",
            ("volkswagen", "gotion", "acquisition", "announced"),
        ),
        (
            "Volkswagen steigt bei Leapmotor ein und investiert in Leapmotor.",
            ("volkswagen", "leapmotor", "equity_investment", "announced"),
        ),
        (
            "Gotion, an dem Volkswagen 26 Prozent hält, wächst.",
            ("volkswagen", "gotion", "equity_investment", "active"),
        ),
        (
            "Stellantis takes a 21 percent stake in Leapmotor.",
            ("stellantis", "leapmotor", "equity_investment", "announced"),
        ),
        (
            "Stellantis neemt Leapmotor over.",
            ("stellantis", "leapmotor", "acquisition", "announced"),
        ),
        (
            "Leapmotor è stata acquisita da Stellantis.",
            ("stellantis", "leapmotor", "acquisition", "completed"),
        ),
    ],
)
def test_direction_of_deals(extractor, text, expected) -> None:
    assert expected in _claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Renault und Geely gründen ein Joint Venture.", ("geely", "renault", "joint_venture")),
        ("BMW und Nissan arbeiten bei Software zusammen.", ("bmw", "nissan", "technology")),
        ("CATL liefert Batterien an BMW.", ("bmw", "catl", "supply")),
        ("Honda en Nissan werken samen aan software.", ("honda", "nissan", "technology")),
        ("Renault e Geely annunciano una collaborazione.", ("geely", "renault", "technology")),
        ("Honda and Nissan agreed on a merger.", ("honda", "nissan", "merger")),
    ],
)
def test_types_per_language(extractor, text, expected) -> None:
    assert expected in [c[:3] for c in _claims(extractor, text)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Gerüchte: BMW und Nissan planen eine Kooperation.", "rumored"),
        ("BMW und Nissan führen Gespräche über eine Kooperation.", "talks"),
        ("BMW plant eine Kooperation mit Nissan.", "planned"),
        ("BMW kündigt eine Kooperation mit Nissan an.", "announced"),
        ("Honda and Nissan called off their merger.", "cancelled"),
        ("Honda en Nissan blazen fusie af.", "cancelled"),
        ("Hyundai and Kia said they are not in talks with Apple.", "denied"),
        ("Nissan dementiert eine Fusion mit Honda.", "denied"),
        (
            "A inizio maggio una nota interna di Samsung Electronics vieta l'uso di ChatGPT di "
            "OpenAI sui computer e sulle reti aziendali.",
            "rejected",
        ),
        (
            "Naar verluidt onderhandelt Xiaomi over een samenwerking met Great Wall Motors.",
            "rumored",
        ),
    ],
)
def test_status_cues(extractor, text, status) -> None:
    claims = _claims(extractor, text)
    assert claims and all(c[3] == status for c in claims)


def test_denial_never_yields_active_claim(extractor) -> None:
    claims = _claims(extractor, "Nissan weist eine Zusammenarbeit mit Honda zurück.")
    assert claims and all(c[3] != "active" for c in claims)


def test_stake_and_amount(extractor) -> None:
    extraction = extractor.extract(
        doc(
            "Volkswagen beteiligt sich für rund 700 Millionen US-Dollar mit 4,99 Prozent "
            "an Leapmotor."
        )
    )
    (claim,) = extraction.partnerships
    assert (claim.company_a_id, claim.company_b_id) == ("volkswagen", "leapmotor")
    assert claim.stake_percent == Decimal("4.99")
    assert (claim.amount_value, claim.amount_currency) == (Decimal("700000000"), "USD")
    assert claim.is_directed


@pytest.mark.parametrize(
    "text",
    [
        "Tesla und BYD verkaufen viele Autos.",  # co-occurrence without a trigger
        "Audi ist eine Marke von Volkswagen und kooperiert eng.",  # a parent and its brand
        "Unlike Tesla, which designs its own chips, BYD buys them in.",
        "Geliefert werden die Displays von Samsung, Nvidia und Apple.",
        "Ein Tesla Model Y wurde von Volkswagen gekauft.",
    ],
)
def test_no_claim_without_relation(extractor, text) -> None:
    assert _claims(extractor, text) == []


def test_joint_venture_named_with_parents(extractor) -> None:
    claims = _claims(extractor, "SAIC und GM betreiben SAIC-GM-Wuling gemeinsam.")
    assert ("gm", "saic", "joint_venture", "active") in claims
    assert not any("saic-gm-wuling" in c[:2] for c in claims)


def test_undirected_pairs_are_ordered_by_id(extractor) -> None:
    # Named second, BMW still comes first: its id sorts before Xiaomi's.
    assert _claims(extractor, "Xiaomi kooperiert mit BMW.") == [
        ("bmw", "xiaomi", "technology", "active")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mercedes-Benz sold its remaining stake in Renault in 2023.",
            ("mercedes-benz", "renault", "equity_investment", "cancelled"),
        ),
        ("Honda stopt de samenwerking met Nissan.", ("honda", "nissan", "technology", "cancelled")),
        (
            "Volkswagen is set to acquire a 5 percent stake in Leapmotor for $700 million.",
            ("volkswagen", "leapmotor", "equity_investment", "planned"),
        ),
        (
            "Die Übernahme von Gotion durch Volkswagen ist abgeschlossen.",
            ("volkswagen", "gotion", "acquisition", "completed"),
        ),
    ],
)
def test_endings_stakes_and_noun_triggers(extractor, text, expected) -> None:
    assert expected in _claims(extractor, text)


def test_coordinated_subjects_pair_with_the_other_party(extractor) -> None:
    claims = _claims(extractor, "Honda und Nissan verbieten die Nutzung von ChatGPT von OpenAI.")
    assert {c[:2] for c in claims} == {("honda", "openai"), ("nissan", "openai")}
    # A ban on another company's product refuses a technology relationship.
    assert all(c[2:] == ("technology", "rejected") for c in claims)


def test_next_trigger_when_roles_are_unclear(extractor) -> None:
    # The stake has no named holder and target; the cooperation still stands.
    claims = _claims(
        extractor, "Nissan verhandelt mit Honda über einen Einstieg und eine Kooperation."
    )
    assert claims == [("honda", "nissan", "technology", "talks")]


@pytest.mark.parametrize(
    "text",
    [
        "Kleinwagen von Leapmotor werden in einem Stellantis-Werk in Italien montiert.",
        "Cars of the Leapmotor brand are assembled at a Stellantis plant in Poland.",
        "Leapmotor laat zijn kleinste model bij Stellantis bouwen.",
        "Le auto di Leapmotor vengono assemblate nello stabilimento di Stellantis a Tychy.",
        "Leapmotor lässt seine Kleinwagen bei Stellantis fertigen.",
    ],
)
def test_production_in_another_companys_plant(extractor, text) -> None:
    assert ("leapmotor", "stellantis", "production", "active") in _claims(extractor, text)


def test_a_former_plant_is_no_production_partner(extractor) -> None:
    claims = _claims(extractor, "Nio baut seine Autos künftig in einem ehemaligen Ford-Werk.")
    assert not any("ford" in c[:2] for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gotion baut eine Zellfabrik in Niedersachsen. Volkswagen ist größter Anteilseigner.",
            ("volkswagen", "gotion", "equity_investment", "active"),
        ),
        (
            "Leapmotor opened its first European plant. Stellantis is the largest shareholder.",
            ("stellantis", "leapmotor", "equity_investment", "active"),
        ),
        (
            "Leapmotor opent een fabriek in Spanje. Stellantis is de grootste aandeelhouder.",
            ("stellantis", "leapmotor", "equity_investment", "active"),
        ),
        (
            "Nio meldet einen Rekordumsatz, so die Agentur. Geely hält 20 Prozent.",
            ("geely", "nio", "equity_investment", "active"),
        ),
    ],
)
def test_stake_whose_company_the_sentence_before_names(extractor, text, expected) -> None:
    assert expected in _claims(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # Another paragraph: the holder speaks of something else.
        "Gotion baut eine Zellfabrik in Niedersachsen.\n\nVolkswagen ist größter Anteilseigner.",
        # The company held is named, but it is not a known company.
        "Gotion baut eine Zellfabrik. Volkswagen ist größter Anteilseigner von Foo.",
        # Two companies before, neither opening the sentence.
        "In Salzgitter bauen Gotion und Nio Werke. Volkswagen ist größter Anteilseigner.",
    ],
)
def test_no_stake_without_a_clear_company_held(extractor, text) -> None:
    assert not any(c[2] == "equity_investment" for c in _claims(extractor, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gotion hat rund 300 Millionen Euro von der Förderbank Volkswagen erhalten.",
            ("gotion", "volkswagen", "other", "completed"),
        ),
        (
            "Leapmotor received $500 million in a funding round from Geely.",
            ("geely", "leapmotor", "equity_investment", "completed"),
        ),
        (
            "Nio heeft 200 miljoen euro van Geely ontvangen.",
            ("geely", "nio", "other", "completed"),
        ),
    ],
)
def test_money_received_from_a_funder(extractor, text, expected) -> None:
    assert expected in _claims(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A finished integration is a cooperation in place, not a closed deal.
        (
            "Die Integration der Software von Nio in die Autos von BYD ist abgeschlossen.",
            ("byd", "nio", "technology", "active"),
        ),
        # A stake stated as a state or held in percent lasts: it is active.
        (
            "Volkswagen ist an Gotion beteiligt.",
            ("volkswagen", "gotion", "equity_investment", "active"),
        ),
        (
            "Volkswagen is a shareholder of Gotion.",
            ("volkswagen", "gotion", "equity_investment", "active"),
        ),
        (
            "Volkswagen hält 26 Prozent an Gotion.",
            ("volkswagen", "gotion", "equity_investment", "active"),
        ),
        # A denial right after speaks of the claim before.
        (
            "Nio übernimmt Audi, hieß es. Die Konzerne dementierten jedoch.",
            ("nio", "audi", "acquisition", "denied"),
        ),
        # A plant bought from its company; a purchase stated without its stage is announced.
        ("Nio übernimmt das Audi-Werk in Brüssel.", ("nio", "audi", "acquisition", "announced")),
        ("Nio took over the Audi-plant in Brussels.", ("nio", "audi", "acquisition", "completed")),
    ],
)
def test_status_of_finished_held_and_denied_claims(extractor, text, expected) -> None:
    assert expected in _claims(extractor, text)


def test_platform_of_a_statement_is_no_party(real_extractor) -> None:
    text = "Der Einkaufschef gab auf LinkedIn bekannt, dass Renault Gespräche mit Geely führt."
    claims = _claims(real_extractor, text)
    assert ("geely", "renault", "technology", "talks") in claims
    assert not any("microsoft" in c[:2] for c in claims)


def test_relative_possessive_deal_names_the_seller_not_the_target(extractor) -> None:
    # The plant, not Ford, is taken over; Ford sells it.
    assert _claims(extractor, "BMW hat dessen Übernahme von Ford angekündigt.") == []
    # The relative clause still names buyer and target.
    claims = _claims(extractor, "Gotion, deren Übernahme durch Volkswagen geplant ist, wächst.")
    assert [c[:3] for c in claims] == [("volkswagen", "gotion", "acquisition")]


@pytest.mark.parametrize(
    "text",
    [
        "Honda stelde voor om Nissan tot dochteronderneming te maken, maar Nissan wees dat af.",
        "Honda wollte Nissan zur Tochtergesellschaft machen, doch Nissan lehnte das ab.",
        "Honda wanted to make Nissan a subsidiary, but Nissan rejected the plan.",
    ],
)
def test_refused_offer_to_become_a_subsidiary(extractor, text) -> None:
    assert _claims(extractor, text) == [("honda", "nissan", "acquisition", "rejected")]


def test_product_stands_for_its_maker_as_the_only_other_party(extractor) -> None:
    extraction = extractor.extract(doc("Stellantis integriert ChatGPT in seine Fahrzeuge."))
    assert [
        (c.company_a_id, c.company_b_id, c.partnership_type) for c in extraction.partnerships
    ] == [("openai", "stellantis", "technology")]
    assert [m.company_id for m in extraction.mentions] == ["stellantis"]


def test_product_of_a_third_company_is_no_party_between_two_named_ones(extractor) -> None:
    claims = _claims(
        extractor, "Mercedes-Benz arbeitet mit Apple zusammen, um ChatGPT ins Auto zu bringen."
    )
    assert [c[:3] for c in claims] == [("apple", "mercedes-benz", "technology")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Europa setzt auch Renault auf Nvidia.",
            [("nvidia", "renault", "technology")],
        ),
        ("Der neue BMW ist mit ChatGPT ausgestattet.", [("bmw", "openai", "technology")]),
        # A name far from the verb is not what the car is equipped with.
        (
            "Der Wagen von BMW ist mit einem großen Display ausgestattet, wie bei Tesla.",
            [],
        ),
        ("BMW setzt die Preise auf Anfang des Jahres fest, sagt Tesla.", []),
    ],
)
def test_relying_on_and_equipped_with(extractor, text, expected) -> None:
    assert [c[:3] for c in _claims(extractor, text)] == expected


def test_group_behind_listed_brands_is_their_common_owner(extractor) -> None:
    text = (
        "Het autoconcern achter merken als Audi en SEAT verwierf een belang van 5 procent "
        "in Gotion."
    )
    assert [c[:3] for c in _claims(extractor, text)] == [
        ("volkswagen", "gotion", "equity_investment")
    ]
    unrelated = "Een concern achter merken als Audi en Tesla verwierf een belang in Gotion."
    assert _claims(extractor, unrelated) == []


def test_stake_in_a_company_behind_an_adjective_phrase(extractor) -> None:
    text = (
        "Volkswagen baut das Werk aus. "
        "Der Wolfsburger Konzern hält seinerseits 5 Prozent an der in Hefei ansässigen Gotion."
    )
    extraction = extractor.extract(doc(text))
    assert [
        (c.company_a_id, c.company_b_id, c.partnership_type, c.stake_percent)
        for c in extraction.partnerships
    ] == [("volkswagen", "gotion", "equity_investment", Decimal("5"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tesla traf sich mit BYD, ohne dass eine Kooperation vereinbart wurde.",
            [("byd", "tesla", "technology", "denied")],
        ),
        (
            "Tesla has no plans for a partnership with BYD.",
            [("byd", "tesla", "technology", "denied")],
        ),
        (
            "Nicht nur Tesla, auch BYD kündigte eine Kooperation mit CATL an.",
            [("byd", "catl", "technology", "announced")],
        ),
        (
            "Nissan en Honda zetten de fusiegesprekken stop.",
            [("honda", "nissan", "merger", "cancelled")],
        ),
    ],
)
def test_negated_and_stopped_relations_are_never_in_place(extractor, text, expected) -> None:
    assert _claims(extractor, text) == expected


def test_stake_in_a_company_described_before_its_name(extractor) -> None:
    claims = _claims(extractor, "BMW erwägt den Einstieg bei dem chinesischen Start-up Leapmotor.")
    assert [c[:3] for c in claims] == [("bmw", "leapmotor", "equity_investment")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Batteriehersteller CATL und Stellantis errichten gemeinsam eine LFP-Fabrik.",
            ("catl", "stellantis", "joint_venture"),
        ),
        (
            "Honda en Nissan openen samen een batterijfabriek in Ohio.",
            ("honda", "nissan", "joint_venture"),
        ),
        (
            "Ford and Tesla will jointly run a battery plant in Kentucky.",
            ("ford", "tesla", "joint_venture"),
        ),
        (
            "Geely ist mit 9,7 Prozent größter Aktionär von Mercedes-Benz.",
            ("geely", "mercedes-benz", "equity_investment"),
        ),
    ],
)
def test_plants_built_together_and_shareholders(extractor, text, expected) -> None:
    assert [c[:3] for c in _claims(extractor, text)] == [expected]


def test_plants_built_apart_are_no_joint_venture(extractor) -> None:
    assert (
        _claims(
            extractor,
            "BYD baut ein Werk in Ungarn, Tesla plant gemeinsam mit Partnern eine Fabrik.",
        )
        == []
    )


def test_relation_word_in_a_job_title_is_no_relation(extractor) -> None:
    text = "Die Leiterin Kooperationen von BMW wechselt zu Tesla."
    assert _claims(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Leapmotor raised $500 million in a funding round led by Volkswagen and Nvidia.",
            [("volkswagen", "leapmotor"), ("nvidia", "leapmotor")],
        ),
        (
            "Leapmotor sammelte in einer Finanzierungsrunde unter Führung von Stellantis "
            "1,5 Milliarden Euro ein.",
            [("stellantis", "leapmotor")],
        ),
        ("Leapmotor raised $500 million to build a plant with Volkswagen.", []),
    ],
)
def test_financing_rounds_led_by_named_investors(extractor, text, expected) -> None:
    claims = _claims(extractor, text)
    assert [(a, b) for a, b, *_ in claims] == expected
    assert all(kind == "equity_investment" for _, _, kind, _ in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Ford collaborated with Volkswagen on the second electric model.",
        "Ford and Volkswagen joined forces on commercial vans.",
        "Ford has agreements with Volkswagen on vans and electric cars.",
    ],
)
def test_more_english_cooperation_words(extractor, text) -> None:
    assert [c[:3] for c in _claims(extractor, text)] == [("ford", "volkswagen", "technology")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2021 Ford acquired the electric van and battery-pack specialist Gotion.",
            [("ford", "gotion", "acquisition")],
        ),
        ("Gotion was taken over by Ford in 2021.", [("ford", "gotion", "acquisition")]),
        # Far from the verb and after a new clause, a company is no object of it.
        ("In 2021 Ford acquired the plant of a large supplier, which also supplies Gotion.", []),
    ],
)
def test_objects_after_a_description(extractor, text, expected) -> None:
    claims = [c[:3] for c in _claims(extractor, text) if c[2] == "acquisition"]
    assert claims == expected


def test_verb_final_integration_far_from_both_names(extractor) -> None:
    text = (
        "Stellantis hat das offene Sprachmodell von OpenAI seit dem Frühjahr Schritt für Schritt "
        "in sämtliche Werkzeuge seiner Ingenieure integriert."
    )
    assert [c[:3] for c in _claims(extractor, text)] == [("openai", "stellantis", "technology")]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Leapmotor hat eine Vereinbarung mit Zorvatek unterzeichnet.", "zorvatek"),
        ("Gotion è controllata dai giapponesi Quendrix e Morlavi Capital.", "quendrix"),
        ("Gotion è controllata dai giapponesi Quendrix e Morlavi Capital.", "morlavi-capital"),
        ("Ford sold its battery unit to the Korean Brastenix last year.", "brastenix"),
        ("Stellantis heeft zijn belang verkocht aan het Zweedse Vonderqvist.", "vonderqvist"),
    ],
)
def test_company_in_the_object_slot_of_a_relation_word(extractor, text, pair) -> None:
    # A name right after the preposition of a relation word is a company there.
    assert any(f"d-{pair}" in (a, b) for a, b, _, _ in _claims(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "BMW kooperiert mit Hamburg bei der Ladeinfrastruktur.",
        "BMW liefert Rundzellen an den Kunden.",
        "Ford signed a partnership with Marco in May.",
        "Tesla hat eine Vereinbarung mit Januar unterzeichnet.",
    ],
)
def test_no_company_in_the_object_slot(extractor, text) -> None:
    # Places, nouns, first names and months in that slot stay no company.
    assert not [m for m in extractor.extract(doc(text)).mentions if m.company_id.startswith("d-")]


@pytest.mark.parametrize(
    "text",
    [
        "Der zum BMW-Konzern gehörende Hersteller kooperiert mit Gotion.",
        "Leapmotor, part of the Stellantis group, signed a deal with CATL.",
    ],
)
def test_the_owner_in_an_apposition_is_no_party(extractor, text) -> None:
    # The owner only describes the company: no pair of it with the partner.
    assert not {a for a, b, _, _ in _claims(extractor, text)} & {"bmw", "stellantis"}
    assert not {b for a, b, _, _ in _claims(extractor, text)} & {"bmw", "stellantis"}


@pytest.mark.parametrize(
    "text",
    [
        "Tesla's long-time battery partner CATL grew fast.",
        "Volkswagens Batteriepartner Gotion baut ein Werk.",
    ],
)
def test_a_possessive_partner_phrase_states_a_pair(extractor, text) -> None:
    assert len({frozenset((a, b)) for a, b, _, _ in _claims(extractor, text)}) == 1
