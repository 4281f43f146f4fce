"""Pairs only between the parties of a relation, never between names that merely stand near."""

from __future__ import annotations

import pytest

from flows.extract.vocabulary import is_market_share

from .conftest import doc


def _pairs(extractor, text: str) -> set[frozenset[str]]:
    extraction = extractor.extract(doc(text))
    return {frozenset((c.company_a_id, c.company_b_id)) for c in extraction.partnerships}


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


@pytest.mark.parametrize(
    "text",
    [
        "CATL liefert Batteriezellen an BMW, Ford und Nissan.",
        "CATL levert batterijcellen aan BMW, Ford en Nissan.",
        "CATL supplies battery cells to BMW, Ford and Nissan.",
        "Il gruppo CATL fornisce celle per batterie a BMW, Ford e Nissan.",
    ],
)
def test_a_suppliers_customers_are_its_partners_not_each_others(extractor, text) -> None:
    assert _pairs(extractor, text) == {_pair("catl", c) for c in ("bmw", "ford", "nissan")}


@pytest.mark.parametrize(
    "text",
    [
        "Honda und Nissan verbieten die Nutzung von OpenAI.",
        "Honda en Nissan verbieden het gebruik van OpenAI.",
        "Honda and Nissan banned the use of OpenAI.",
        "I gruppi Honda e Nissan vietano l'uso di OpenAI.",
    ],
)
def test_names_listed_with_a_one_sided_word_are_one_party(extractor, text) -> None:
    assert _pairs(extractor, text) == {_pair("honda", "openai"), _pair("nissan", "openai")}


@pytest.mark.parametrize(
    "text",
    [
        "Honda, Nissan und Renault arbeiten bei Software zusammen.",
        "Honda, Nissan en Renault werken samen aan software.",
        "Honda, Nissan and Renault are working together on software.",
        "Honda, Nissan e Renault collaborano sul software.",
    ],
)
def test_names_listed_with_a_reciprocal_word_are_partners_of_each_other(extractor, text) -> None:
    assert _pairs(extractor, text) == {
        _pair("honda", "nissan"),
        _pair("honda", "renault"),
        _pair("nissan", "renault"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Eine Fusion zwischen Honda, Nissan und Renault gilt Analysten als Option.",
        "Analisten noemen een fusie tussen Honda, Nissan en Renault een optie.",
        "Analysts see a merger between Honda, Nissan and Renault as an option.",
        "Gli analisti vedono una fusione tra Honda, Nissan e Renault come opzione.",
    ],
)
def test_every_name_of_a_between_phrase_is_a_party(extractor, text) -> None:
    assert _pairs(extractor, text) == {
        _pair("honda", "nissan"),
        _pair("honda", "renault"),
        _pair("nissan", "renault"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "BYD war mit 6 Prozent Anteil größter Importeur vor Tesla und Ford.",
        "BYD leverde 5.000 auto's af tegen 4.000 van Tesla.",
        "Nio ranks third in the survey of suppliers, behind Tesla and Ford.",
        "Nio è terzo nella classifica dei fornitori, dietro a Tesla e Ford.",
    ],
)
def test_names_ranked_or_compared_are_no_party(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "BYD liefert im März 30.000 Autos an Kunden aus, Tesla 20.000.",
        "BYD leverde in maart 30.000 auto's aan klanten af, Tesla 20.000.",
    ],
)
def test_delivering_to_customers_is_no_supply(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Die Leiterin für Einkauf und Kooperationen bei BMW wechselt zu Nissan.",
        "De directeur voor inkoop en samenwerking bij BMW stapt over naar Nissan.",
        "The head of purchasing and partnerships at BMW moves to Nissan.",
        "Il responsabile per acquisti e partnership di BMW passa a Nissan.",
    ],
)
def test_a_relation_word_in_a_job_title_is_no_relation(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Nio, das auch Tesla beliefert, hält 5 Prozent an Gotion.",
        "Nio, dat ook Tesla bevoorraadt, heeft een belang van 5 procent in Gotion.",
        "Nio, which also counts Tesla as a customer, holds 5 percent of Gotion.",
        "Nio, che lavora anche per Tesla, detiene una partecipazione del 5% in Gotion.",
    ],
)
def test_a_name_in_a_relative_clause_is_no_party_of_the_main_clause(extractor, text) -> None:
    found = _pairs(extractor, text)
    assert _pair("gotion", "nio") in found
    assert _pair("gotion", "tesla") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Ford gründet mit Teslas Batteriepartner CATL ein Joint Venture.",
        "Ford richt met Tesla's batterijpartner CATL een joint venture op.",
        "Ford forms a joint venture with Tesla's battery partner CATL.",
    ],
)
def test_a_name_in_the_genitive_only_describes_the_next_name(extractor, text) -> None:
    found = _pairs(extractor, text)
    assert _pair("catl", "ford") in found
    assert _pair("ford", "tesla") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Nach der Fusion läge BMW beim Absatz vor Ford.",
        "Na de fusie zou BMW qua afzet vóór Ford staan.",
        "After the merger BMW would rank ahead of Ford in sales.",
        "Dopo la fusione BMW sarebbe davanti a Ford nelle vendite.",
    ],
)
def test_a_deal_noun_in_an_adjunct_speaks_of_a_deal_named_before(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


def test_a_deal_noun_with_its_parties_is_still_a_claim(extractor) -> None:
    assert _pairs(extractor, "Nach der Übernahme von Nio durch Geely sank der Kurs.") == {
        _pair("geely", "nio")
    }


@pytest.mark.parametrize(
    "text",
    [
        "BMW kooperiert mit Nissan, berichtet Reuters.",
        "BMW werkt samen met Nissan, meldt persbureau ANP.",
        "BMW partners with Nissan, Reuters reported, citing JATO data.",
        "BMW collabora con Nissan, riferisce l'agenzia ANSA.",
    ],
)
def test_news_agencies_and_data_providers_are_no_party(extractor, text) -> None:
    assert _pairs(extractor, text) == {_pair("bmw", "nissan")}


def test_a_semicolon_or_a_dash_ends_the_names_a_relation_word_reaches(extractor) -> None:
    text = "Tesla meldet einen Rekord – in China kauft BYD jetzt Zellen bei CATL ein."
    assert _pairs(extractor, text) == {_pair("byd", "catl")}


@pytest.mark.parametrize(
    "text",
    [
        "Bei den Neuzulassungen lag BYD mit einem Anteil von 4,1 Prozent vor Ford.",
        "BYD had in maart een aandeel van 4,1 procent in de Nederlandse markt, net als Ford.",
        "BYD took a share of 4.1 percent of registrations in March, as did Ford.",
        "BYD ha raggiunto una quota del 4,1% delle immatricolazioni, come Ford.",
    ],
)
def test_a_market_share_is_no_stake(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ford erwirbt einen Anteil an BYD.",
        "Ford neemt een aandeel in BYD.",
        "Il gruppo Ford detiene una quota in BYD.",
    ],
)
def test_a_share_held_in_a_company_is_a_stake(extractor, text) -> None:
    extraction = extractor.extract(doc(text))
    assert [
        (c.company_a_id, c.company_b_id, c.partnership_type) for c in extraction.partnerships
    ] == [("ford", "byd", "equity_investment")]


@pytest.mark.parametrize(
    ("text", "language", "share"),
    [
        ("Tesla erreichte bei den Zulassungen einen Anteil von 3,2 Prozent.", "de", True),
        ("Il marchio ha una quota del 2%.", "it", True),
        ("Der Anteil der Elektroautos am Markt stieg.", "de", True),
        ("Der Konzern kauft einen Anteil an der Firma Gotion.", "de", False),
    ],
)
def test_the_market_share_helper(text, language, share) -> None:
    word = next(w for w in ("Anteil", "quota") if w in text)
    start = text.index(word)
    names = (text.index("Gotion"),) if "Gotion" in text else ()
    assert is_market_share(text, start, start + len(word), language, names) is share


@pytest.mark.parametrize(
    "text",
    [
        "Ford verkauft seine Beteiligung an Nio an Geely.",
        "Ford verkoopt zijn belang in Nio aan Geely.",
        "Ford sold its stake in Nio to Geely.",
        "Il gruppo Ford ha ceduto la sua quota in Nio a Geely.",
    ],
)
def test_in_a_sale_the_company_after_to_buys(extractor, text) -> None:
    extraction = extractor.extract(doc(text))
    assert ("geely", "nio") in {(c.company_a_id, c.company_b_id) for c in extraction.partnerships}


@pytest.mark.parametrize(
    "text",
    [
        "Nio, kontrolliert von Geely, baut Autos.",
        "Nio, in handen van Geely, bouwt auto's.",
        "Nio, controlled by Geely, builds cars.",
        "Il gruppo Nio, controllato da Geely, costruisce auto.",
    ],
)
def test_a_holding_stated_in_the_passive(extractor, text) -> None:
    extraction = extractor.extract(doc(text))
    assert [
        (c.company_a_id, c.company_b_id, c.partnership_type, c.status)
        for c in extraction.partnerships
    ] == [("geely", "nio", "equity_investment", "active")]


@pytest.mark.parametrize(
    "text",
    [
        "CATL produziert Zellen für BMW und Ford.",
        "CATL maakt cellen voor BMW en Ford.",
        "CATL makes cells for BMW and Ford.",
        "Il gruppo CATL produce celle per BMW e Ford in Europa.",
    ],
)
def test_what_a_supplier_makes_for_its_customers(extractor, text) -> None:
    assert _pairs(extractor, text) == {_pair("bmw", "catl"), _pair("catl", "ford")}


@pytest.mark.parametrize(
    "text",
    [
        "BMW kooperiert mit Nio, während es in Europa mit CATL zusammenarbeitet.",
        "BMW has signed a supply deal with Nio and separately cooperates with CATL.",
    ],
)
def test_every_relation_of_a_sentence_counts(extractor, text) -> None:
    assert {_pair("bmw", "nio"), _pair("bmw", "catl")} <= _pairs(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nio baut seine Fabrik aus. Er verhandelt mit Geely über eine Kooperation.",
        "Nio breidt zijn fabriek uit. Hij onderhandelt met Geely over een samenwerking.",
        "Nio is expanding its plant. It also supplies batteries to Geely and Ford.",
    ],
)
def test_a_pronoun_opening_a_sentence_stands_for_the_company_before(extractor, text) -> None:
    assert _pair("geely", "nio") in _pairs(extractor, text)


def test_a_pronoun_before_the_relation_word_is_the_subject(extractor) -> None:
    text = "Nio is no stranger to Tesla, as it currently works with Geely in China."
    assert _pair("geely", "nio") in _pairs(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ford und CATL wollen in Ungarn eine Batteriefabrik bauen.",
        "Ford en CATL willen in Hongarije een batterijfabriek bouwen.",
        "Ford and CATL plan to build a battery plant in Hungary.",
        "Ford e CATL vogliono costruire uno stabilimento di batterie in Ungheria.",
    ],
)
def test_two_companies_building_one_plant_form_a_joint_venture(extractor, text) -> None:
    extraction = extractor.extract(doc(text))
    assert [
        (c.company_a_id, c.company_b_id, c.partnership_type) for c in extraction.partnerships
    ] == [("catl", "ford", "joint_venture")]


@pytest.mark.parametrize(
    "text",
    [
        "Seit 2010 hat Nio über eine Million Autos gebaut, unter anderem für BMW und Ford.",
        "Sinds 2010 heeft Nio meer dan een miljoen auto's gebouwd, onder meer voor BMW en Ford.",
        "Since 2010 Nio has built over a million cars, among others for BMW and Ford.",
        "Dal 2010 il gruppo Nio ha costruito oltre un milione di auto, tra l'altro per BMW e Ford.",
    ],
)
def test_a_maker_and_the_customers_it_built_for(extractor, text) -> None:
    assert _pairs(extractor, text) == {_pair("bmw", "nio"), _pair("ford", "nio")}


@pytest.mark.parametrize(
    "text",
    [
        "Über eine Million Autos wurden gebaut, unter anderem für BMW und Ford.",
        "Er werden meer dan een miljoen auto's gebouwd, onder meer voor BMW en Ford.",
        "Over a million cars were built, among others for BMW and Ford.",
    ],
)
def test_customers_without_their_maker_are_no_pair(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Nio wuchs dank der starken Renault-Geely-Allianz in Europa.",
        "Nio groeide dankzij de sterke Renault-Geely-alliantie in Europa.",
        "Nio grew in Europe thanks to the strong Renault-Geely alliance.",
    ],
)
def test_names_joined_by_a_hyphen_before_a_relation_word_are_its_parties(extractor, text) -> None:
    assert _pairs(extractor, text) == {_pair("geely", "renault")}


def test_a_name_compounded_with_a_noun_is_still_a_party(extractor) -> None:
    text = "Nio hat sein Cockpit eng mit dem großen OpenAI-Sprachmodell integriert."
    assert _pairs(extractor, text) == {_pair("nio", "openai")}


@pytest.mark.parametrize(
    "text",
    [
        "Die Behörde untersagt den Verkauf der Sparte von Nio und der Firma Geely an Investoren.",
        "The authority blocked the sale of the units of Nio and of the firm Geely to investors.",
    ],
)
def test_two_sellers_of_a_sale_to_an_unnamed_buyer_are_no_pair(extractor, text) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # A description opening a sentence stands for the company the sentence before names,
        # also when that sentence closes the paragraph before.
        ("Gotion meldet Verluste.\n\nDer Konzern verkauft Anteile an Ford.", ("ford", "gotion")),
        ("Nio groeit snel. Het bedrijf kocht vorig jaar Leapmotor.", ("leapmotor", "nio")),
        # After the relation word it is the object (`acquires the group`).
        ("Leapmotor ha chiuso in utile. Stellantis punta ad acquisire il controllo del gruppo.",
         ("leapmotor", "stellantis")),
        ("Gotion reported a loss. Nissan agreed to buy the company.", ("gotion", "nissan")),
    ],
)  # fmt: skip
def test_a_definite_description_stands_for_the_company_named_before(extractor, text, pair) -> None:
    assert _pair(*pair) in _pairs(extractor, text)


def test_a_description_that_introduces_a_name_refers_to_nothing(extractor) -> None:
    # `del gruppo Geely` names Geely; `del marchio` after the purchase word is Leapmotor.
    text = "Leapmotor cresce. Il capo del gruppo Geely valuta l'acquisto del marchio."
    assert _pairs(extractor, text) == {_pair("geely", "leapmotor")}
