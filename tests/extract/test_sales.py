"""Sales figures: metric, value, period, market, segment, and rejection of non-sales."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from flows.extract.sales import section_before

from .conftest import doc


def _sales(extractor, text: str) -> list:
    return extractor.extract(doc(text)).sales


def test_german_figures_with_period_and_body(extractor) -> None:
    text = (
        "Titel\n\n1. März 2025\n\n"
        "Die Absatzzahlen für den Januar liegen vor. "
        "Im Januar führte BYD mit 250.123 Einheiten, Geely kam auf 110.456 Einheiten, "
        "teilte der Branchenverband CPCA mit."
    )
    rows = _sales(extractor, text)
    assert [(r.company_id, r.value) for r in rows] == [
        ("byd", Decimal("250123")),
        ("geely", Decimal("110456")),
    ]
    assert rows[0].period_start == date(2025, 1, 1) and rows[0].period_end == date(2025, 1, 31)
    assert rows[0].period_grain == "month" and rows[0].reporting_body == "CPCA"
    assert rows[0].market == "CN"
    assert rows[0].metric == "units_sold"


@pytest.mark.parametrize(
    ("text", "company", "metric", "value", "unit", "market", "segment"),
    [
        (
            "Tesla delivered 1,789,226 vehicles worldwide in 2024.",
            "tesla",
            "deliveries",
            "1789226",
            "vehicles",
            "global",
            "all",
        ),
        (
            "BYD sold 4.27 million new energy vehicles worldwide in 2024.",
            "byd",
            "units_sold",
            "4270000",
            "vehicles",
            "global",
            "NEV",
        ),
        (
            "Tesla kam 2024 in Deutschland auf 37.575 Neuzulassungen.",
            "tesla",
            "registrations",
            "37575",
            "vehicles",
            "DE",
            "all",
        ),
        (
            "BYD heeft in 2024 wereldwijd 4.272.145 auto's verkocht.",
            "byd",
            "units_sold",
            "4272145",
            "vehicles",
            "global",
            "all",
        ),
        (
            "Nel 2023 il gruppo Renault ha registrato un fatturato di 52,4 miliardi di euro.",
            "renault",
            "revenue",
            "52400000000",
            "EUR",
            "global",
            "all",
        ),
        (
            "Bei Elektroautos kam Volkswagen 2024 in China auf einen Marktanteil von 0,5 Prozent.",
            "volkswagen",
            "market_share",
            "0.5",
            "percent",
            "CN",
            "BEV",
        ),
        (
            "Die BMW Group lieferte 2024 weltweit rund 2,45 Millionen Fahrzeuge aus.",
            "bmw",
            "deliveries",
            "2450000",
            "vehicles",
            "global",
            "all",
        ),
    ],
)
def test_metric_value_market_segment(
    extractor, text, company, metric, value, unit, market, segment
) -> None:
    (row,) = _sales(extractor, text)
    assert (row.company_id, row.metric, row.value, row.unit) == (
        company,
        metric,
        Decimal(value),
        unit,
    )
    assert (row.market, row.segment) == (market, segment)
    assert text[row.char_start : row.char_end] == row.sentence_text


@pytest.mark.parametrize(
    "text",
    [
        "Tesla hat in Grünheide eine Kapazität von 375.000 Fahrzeugen im Jahr.",
        "Der Tesla Model Y kostet 45.000 Euro.",
        "Bei Tesla arbeiten rund 12.000 Mitarbeiter.",
        "Tesla investiert 2024 rund 1,8 Milliarden Euro in die Fabrik.",
        "Tesla will 2025 zwei Millionen Autos verkaufen.",
        "Samen met Nissan zou Honda jaarlijks acht miljoen auto's hebben verkocht.",
        "Der Absatz von Tesla stieg um 12 Prozent.",
        "Tesla verkaufte fast 40-mal so viele E-Autos wie Nissan.",
        "Tesla hat 2024 rund 2,2 Millionen Nutzer in der App.",
        "In China liefen 2023 rund 9 Millionen Elektroautos vom Band.",
        "Bei den Einlagen hält die Volkswagen Bank einen Marktanteil von 2,5 Prozent.",
        "The Toyota bank has a market share of 3 percent in car loans.",
    ],
)
def test_non_sales_figures_are_rejected(extractor, text) -> None:
    assert _sales(extractor, text) == []


def test_relative_period_of_the_figure_wins_over_a_date_of_another_clause(extractor) -> None:
    text = (
        "Nachdem BMW im März 2023 einen Zulieferer übernommen hatte, "
        "stieg der Umsatz im vergangenen Jahr auf 155 Milliarden Euro."
    )
    undated = _sales(extractor, text)
    assert [(r.company_id, r.metric, r.period_start) for r in undated] == [("bmw", "revenue", None)]
    dated = _sales(extractor, "Titel\n\n12. Februar 2025\n\n" + text)
    assert [(r.period_start, r.period_end) for r in dated] == [
        (date(2024, 1, 1), date(2024, 12, 31))
    ]


def test_date_read_from_the_text_does_not_resolve_a_relative_period(extractor) -> None:
    text = (
        "Im Oktober 2024 eröffnete BMW ein Werk in Ungarn. "
        "Der Umsatz von BMW stieg im vergangenen Jahr auf 155 Milliarden Euro."
    )
    extraction = extractor.extract(doc(text))
    assert extraction.meta.date_source == "text"
    assert [(r.company_id, r.period_start) for r in extraction.sales] == [("bmw", None)]


def test_comparison_figure_takes_its_own_period(extractor) -> None:
    rows = _sales(
        extractor, "Tesla delivered 1,789,226 vehicles in 2024, down from 1,808,581 in 2023."
    )
    assert [(r.value, r.period_start.year) for r in rows] == [
        (Decimal("1789226"), 2024),
        (Decimal("1808581"), 2023),
    ]


def test_rounded_headline_figure_gives_way_to_precise_one(extractor) -> None:
    text = (
        "BYD verkocht in 2024 ruim 4,27 miljoen auto's\n\n"
        "BYD heeft in 2024 4.272.145 auto's verkocht."
    )
    assert [r.value for r in _sales(extractor, text)] == [Decimal("4272145")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Absatz von New Energy Vehicles in China im März\n\n"
            "Die Reihenfolge der Hersteller hat sich kaum verändert. Geely verkaufte im März "
            "150.000 Einheiten, NIO folgte mit 20.000 Einheiten.",
            [("geely", "CN", "NEV"), ("nio", "CN", "NEV")],
        ),
        (
            "Verkoop van elektrische auto's in Nederland\n\n"
            "Het beeld in de showrooms bleef gemengd.\n\n"
            "Kia verkocht in april 2.500 auto's, Tesla kwam uit op 1.800 auto's.",
            [("kia", "NL", "BEV"), ("tesla", "NL", "BEV")],
        ),
        (
            "Electric car sales in Norway\n\nTesla sold 2,000 units in May 2024, ahead of "
            "Volkswagen with 1,500 units.",
            [("tesla", "NO", "BEV"), ("volkswagen", "NO", "BEV")],
        ),
        (
            "Vendite di auto elettriche in Italia\n\nTesla ha venduto 1.200 vetture a marzo, "
            "davanti a BYD con 900 vetture.",
            [("tesla", "IT", "BEV"), ("byd", "IT", "BEV")],
        ),
    ],
)
def test_section_heading_gives_market_and_segment(extractor, text, expected) -> None:
    rows = _sales(extractor, text)
    assert [(r.company_id, r.market, r.segment) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De cijfers gaan over de verkoop van elektrische auto's en plug-in hybrides. "
            "Kia verkocht in april 2.500 auto's.",
            "NEV",
        ),
        (
            "Die Zahlen betreffen den Absatz von Plug-in-Hybriden im ersten Quartal. "
            "BMW verkaufte in diesem Zeitraum 30.000 Einheiten.",
            "PHEV",
        ),
        (
            "Registrations of battery-electric cars rose sharply in March. "
            "Kia registered 4,000 units in the month.",
            "BEV",
        ),
        (
            "Le vendite di veicoli a nuova energia sono cresciute. "
            "Geely ha venduto 90.000 vetture a febbraio.",
            "NEV",
        ),
    ],
)
def test_earlier_sales_sentence_of_the_paragraph_gives_segment(extractor, text, expected) -> None:
    (row,) = _sales(extractor, "Titel\n\n" + text)
    assert row.segment == expected


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        # A loose word gives way to the NEV the section states.
        (
            "Marktanteile bei NEV im Mai\n\nDer Marktanteil von Tesla bei Elektroautos lag im "
            "Mai bei 7 Prozent.",
            "NEV",
        ),
        (
            "NEV market share in May\n\nTesla's market share of electric vehicles was 7 percent "
            "in May 2024.",
            "NEV",
        ),
        # A strict word and another stated segment are kept.
        (
            "Marktanteile bei NEV im Mai\n\nBei vollelektrischen Autos kam Tesla im Mai auf "
            "einen Marktanteil von 9 Prozent.",
            "BEV",
        ),
        (
            "Verkoop van NEV's in mei\n\nBYD verkocht in mei 100.000 plug-in hybrides.",
            "PHEV",
        ),
        # The whole market is no part of the section's segment.
        (
            "Vendite di auto elettriche a maggio\n\nIn totale Tesla ha venduto 3.000 vetture "
            "a maggio.",
            "all",
        ),
    ],
)
def test_figure_sentence_keeps_what_it_states(extractor, text, segment) -> None:
    (row,) = _sales(extractor, text)
    assert row.segment == segment


@pytest.mark.parametrize(
    "text",
    [
        # No heading closes the section: earlier paragraphs are not read.
        "Der Absatz von Elektroautos in Norwegen wächst.\n\nEin Absatz ohne Zahlen.\n\n"
        "Tesla verkaufte 2024 rund 1,8 Millionen Fahrzeuge.",
        # Sales talk about the whole market ends the search.
        "Sales of electric cars\n\nOverall sales were flat last year. Tesla sold 1.8 million "
        "vehicles in 2024.",
        # Talk of electric cars that is not about sales is no segment of a figure.
        "Volkswagen investiert Milliarden in Elektroautos. Im Jahr 2024 lieferte Volkswagen "
        "9 Millionen Fahrzeuge aus.",
        # Words that only look like segment cues.
        "Bevor der Winter kam, verkaufte Tesla 2023 noch 5.000 Fahrzeuge.",
        "Nevertheless, Tesla sold 40,000 vehicles in 2024.",
        "The electric carmaker Tesla delivered 1.8 million vehicles in 2024.",
    ],
)
def test_segment_is_not_taken_from_unrelated_text(extractor, text) -> None:
    assert {r.segment for r in _sales(extractor, text)} == {"all"}
    assert {r.market for r in _sales(extractor, text)} <= {"global"}


def test_section_before_reads_back_to_the_heading() -> None:
    text = "Titel der Seite\n\nErster Absatz.\nZweite Zeile.\n\nDritter Absatz mit Satz."
    heading, earlier = section_before(text, text.index("Dritter"))
    assert heading == "Titel der Seite"
    assert earlier == ("Erster Absatz.", "Zweite Zeile.")
    assert section_before("Nur ein Satz.\n\nNoch einer.", 15) == ("", ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tesla verkaufte 2024 weltweit 1.789.226 Fahrzeuge. 2023 waren es noch 1.808.581.",
            [(Decimal("1789226"), 2024), (Decimal("1808581"), 2023)],
        ),
        (
            "BYD verkocht in 2024 wereldwijd 4.272.145 auto's. In 2023 waren het er 3.024.417.",
            [(Decimal("4272145"), 2024), (Decimal("3024417"), 2023)],
        ),
        # No cue that the figure goes on: the number may be anything.
        (
            "Tesla verkaufte 2024 weltweit 1.789.226 Fahrzeuge. 2023 kamen 120.000 Besucher.",
            [(Decimal("1789226"), 2024)],
        ),
        # Another paragraph is another topic.
        (
            "Tesla verkaufte 2024 weltweit 1.789.226 Fahrzeuge.\n\n2023 waren es 5.000.",
            [(Decimal("1789226"), 2024)],
        ),
    ],
)
def test_figure_for_another_period_continues_the_previous_sentence(
    extractor, text, expected
) -> None:
    rows = _sales(extractor, text)
    assert [(r.value, r.period_start.year) for r in rows] == expected
    assert {(r.company_id, r.metric) for r in rows} == {(rows[0].company_id, "units_sold")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mercedes-Benz setzte im vierten Quartal 2024 weltweit 551.900 Pkw ab. "
            "Davon waren 48.100 vollelektrisch.",
            [(Decimal("551900"), "global", "all"), (Decimal("48100"), "global", "BEV")],
        ),
        (
            "Tesla verkaufte 2024 weltweit 1,79 Millionen Autos. "
            "Davon entfielen 40.000 auf Deutschland.",
            [(Decimal("1790000"), "global", "all"), (Decimal("40000"), "DE", "all")],
        ),
        (
            "BYD verkaufte 2024 weltweit 4,27 Millionen Autos. "
            "In China sank der Absatz um zehn Prozent auf 3,8 Millionen Fahrzeuge.",
            [(Decimal("4270000"), "global", "all"), (Decimal("3800000"), "CN", "all")],
        ),
        (
            "BYD sold 4.27 million cars worldwide in 2024. "
            "In China, its sales rose to 3.8 million vehicles.",
            [(Decimal("4270000"), "global", "all"), (Decimal("3800000"), "CN", "all")],
        ),
        # Whole markets and figures owned by something else stay out.
        (
            "BYD verkaufte 2024 weltweit 4,27 Millionen Autos. "
            "In China wurden 11 Millionen E-Autos verkauft.",
            [(Decimal("4270000"), "global", "all")],
        ),
        (
            "BYD verkaufte 2024 weltweit 4,27 Millionen Autos. "
            "In China stieg der Absatz von Elektroautos auf 11 Millionen Fahrzeuge.",
            [(Decimal("4270000"), "global", "all")],
        ),
        (
            "BYD verkaufte 2024 weltweit 4,27 Millionen Autos. "
            "In China stieg der Absatz insgesamt auf 22 Millionen Fahrzeuge.",
            [(Decimal("4270000"), "global", "all")],
        ),
    ],
)
def test_part_or_market_of_the_previous_figure(extractor, text, expected) -> None:
    rows = _sales(extractor, text)
    assert [(r.value, r.market, r.segment) for r in rows] == expected
    assert len({(r.company_id, r.period_start) for r in rows}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BMW hat im vergangenen Jahr weltweit 2.450.804 Autos an Kunden übergeben.",
            ("bmw", "deliveries", Decimal("2450804")),
        ),
        (
            "In januari werden er in Nederland 1.254 nieuwe Kia's geregistreerd.",
            ("kia", "registrations", Decimal("1254")),
        ),
        (
            "Kia registreerde in januari in Nederland 1.254 nieuwe auto's.",
            ("kia", "registrations", Decimal("1254")),
        ),
    ],
)
def test_more_ways_to_state_a_figure(extractor, text, expected) -> None:
    rows = _sales(extractor, "Titel\n\n3. Februar 2025\n\n" + text)
    assert [(r.company_id, r.metric, r.value) for r in rows] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Tesla rechnet damit, in diesem Jahr 2 Millionen Autos zu verkaufen.",
        "Tesla hopes to deliver 2 million cars this year.",
        "Tesla hoopt dit jaar 2 miljoen auto's te verkopen.",
    ],
)
def test_forecasts_are_not_sales(extractor, text) -> None:
    assert _sales(extractor, text) == []


def test_market_named_as_an_adjective(extractor) -> None:
    rows = _sales(
        extractor, "Der Marktanteil von BYD am chinesischen NEV-Markt lag 2024 bei 34 Prozent."
    )
    assert [(r.metric, r.market, r.segment) for r in rows] == [("market_share", "CN", "NEV")]


@pytest.mark.parametrize(
    "text",
    [
        "Tesla verkaufte im Februar in Deutschland rund 2.300 Fahrzeuge weniger als im Vorjahr.",
        "BYD lieferte 2024 rund 20.000 Autos mehr aus als Tesla.",
    ],
)
def test_differences_are_not_sales(extractor, text) -> None:
    assert _sales(extractor, text) == []


def test_target_named_next_to_an_achieved_figure_is_not_a_figure(extractor) -> None:
    rows = _sales(
        extractor,
        "Titel\n\n2. Februar 2025\n\n"
        "Leapmotor lieferte im Januar 25.451 Fahrzeuge aus und übertraf damit das Ziel von "
        "25.000 Einheiten.",
    )
    assert [r.value for r in rows] == [Decimal("25451")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Laut CPCA kam BYD im Januar auf einen Anteil von 27 Prozent am chinesischen "
            "Pkw-Markt.",
            ("market_share", Decimal("27"), "CN", date(2025, 1, 1)),
        ),
        (
            "Milano, 2 aprile 2025 – Nel mese di gennaio BYD ha venduto 1.200 auto, pari a una "
            "quota del 1,5 per cento.",
            ("market_share", Decimal("1.5"), "global", date(2025, 1, 1)),
        ),
        (
            "BYD's first-quarter sales reached 1,000,804 units.",
            ("units_sold", Decimal("1000804"), "global", date(2025, 1, 1)),
        ),
    ],
)
def test_shares_and_quarters_written_other_ways(extractor, text, expected) -> None:
    header = "" if text.startswith("Milano") else "Titel\n\n2. April 2025\n\n"
    rows = _sales(extractor, header + text)
    assert expected in [(r.metric, r.value, r.market, r.period_start) for r in rows]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (
            "Milano, 2 aprile 2025 – Nel mese di gennaio BYD ha venduto 1.200 auto in Italia.",
            date(2025, 1, 1),
        ),
        ("Detroit, April 2, 2025 – In January GM sold 180,000 vehicles.", date(2025, 1, 1)),
    ],
)
def test_date_of_a_day_is_no_reporting_month(extractor, text, month) -> None:
    rows = _sales(extractor, text)
    assert [r.period_start for r in rows] == [month]


@pytest.mark.parametrize(
    "text",
    [
        "Titel\n\n10. Februar 2025\n\nIm Januar lag BYD mit 300.538 verkauften Fahrzeugen "
        "vorn, gefolgt von Geely (150.000) und Tesla (63.238).",
        "Titel\n\n10. Februar 2025\n\nDie meistverkauften Marken im Januar: BYD 300.538, "
        "Geely 150.000, Tesla 63.238.",
        "Title\n\nFebruary 10, 2025\n\nBYD, Geely and Tesla sold 300,538, 150,000 and 63,238 "
        "vehicles respectively in January.",
    ],
)
def test_figures_listed_after_their_companies(extractor, text) -> None:
    rows = _sales(extractor, text)
    assert [(r.company_id, r.value, r.period_start) for r in rows] == [
        ("byd", Decimal("300538"), date(2025, 1, 1)),
        ("geely", Decimal("150000"), date(2025, 1, 1)),
        ("tesla", Decimal("63238"), date(2025, 1, 1)),
    ]


def test_respectively_with_unequal_lists_gives_nothing(extractor) -> None:
    text = "BYD and Geely sold 300,538, 150,000 and 63,238 vehicles respectively in January."
    assert _sales(extractor, text) == []


def test_parts_after_davon_in_the_same_sentence(extractor) -> None:
    rows = _sales(
        extractor,
        "Tesla verkaufte im Februar 50.000 Autos, davon 12.000 in Europa und 8.000 in den USA.",
    )
    assert [(r.value, r.market) for r in rows] == [
        (Decimal("50000"), "global"),
        (Decimal("12000"), "Europe"),
        (Decimal("8000"), "US"),
    ]


def test_model_number_after_a_name_is_no_figure(extractor) -> None:
    assert _sales(extractor, "BMW verkaufte im Januar mehr Autos als Audi 100 Jahre zuvor.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The 2022 market share league for the U.S. put General Motors first with 2.31 million "
            "units (16.4 percent), ahead of Honda with 2.05 million units (14.9 percent) and "
            "Ford with 1.77 million units (12.8 percent).",
            [
                ("gm", "units_sold", "2310000"),
                ("gm", "market_share", "16.4"),
                ("honda", "units_sold", "2050000"),
                ("honda", "market_share", "14.9"),
                ("ford", "units_sold", "1770000"),
                ("ford", "market_share", "12.8"),
            ],
        ),
        (
            "Kia kwam in 2022 met 2.262 registraties op een marktaandeel van 9,1 procent; daarna "
            "volgden Tesla met 2.176 wagens en BYD met 2.155 exemplaren.",
            [
                ("kia", "registrations", "2262"),
                ("kia", "market_share", "9.1"),
                ("tesla", "registrations", "2176"),
                ("byd", "registrations", "2155"),
            ],
        ),
        (
            "Im April 2022 lagen bei den Neuzulassungen VW (Anteil: 15,2%), Tesla "
            "(Anteil: 8,1%) und BYD (Anteil: 6,3%) vorn.",
            [
                ("volkswagen", "market_share", "15.2"),
                ("tesla", "market_share", "8.1"),
                ("byd", "market_share", "6.3"),
            ],
        ),
        (
            "Die Zulassungen der Marken stiegen 2022 bei Audi (+15,1 %/ Marktanteil 8,6 %) "
            "und BMW (+11,0 %/8,1 %).",
            [("audi", "market_share", "8.6"), ("bmw", "market_share", "8.1")],
        ),
        (
            "Nel 2022 le immatricolazioni della Renault sono state 71.400 unità, seguita da "
            "Nissan (31.500) e da Tesla (30.100).",
            [
                ("renault", "registrations", "71400"),
                ("nissan", "registrations", "31500"),
                ("tesla", "registrations", "30100"),
            ],
        ),
    ],
)
def test_rankings_pair_each_figure_with_its_name(extractor, text, expected) -> None:
    rows = _sales(extractor, text)
    assert [(r.company_id, r.metric, str(r.value)) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Unter den Importeuren lag 2023 bei den Neuzulassungen Tesla (+12,4 %) mit einem "
            "Anteil von 6,1 Prozent vorn, dahinter BYD (+9,6 %) mit 4,2 Prozent.",
            [("tesla", "6.1"), ("byd", "4.2")],
        ),
        (
            "A gennaio 2025 BYD ha venduto 1.200 auto in Italia e la sua quota è salita all'1,3%.",
            [("byd", "1.3")],
        ),
        ("Kia sold 52,000 cars in 2023 and took a share of 9.9 % of the market.", [("kia", "9.9")]),
    ],
)
def test_a_bare_share_word_in_a_market_text_is_a_market_share(extractor, text, expected) -> None:
    rows = [r for r in _sales(extractor, text) if r.metric == "market_share"]
    assert [(r.company_id, str(r.value)) for r in rows] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Honda hat sich 2023 mit 6,3 Prozent an Nissan beteiligt.",
        "Nissan ha rilevato una quota del 3,1% in Honda.",
        "Apple bought a 12 % share of Tesla in 2023.",
        "Nissan nam in 2023 een aandeel van 15 procent in Renault.",
        "Bei Nissan sanken die Verkäufe 2023 um 5,9 Prozent.",
        "Le consegne di Fiat nel 2023 sono scese del 2,2%.",
        "Tesla's share of the market rose by 0.5 percentage points in 2023.",
        "Reine E-Autos machten 2023 bei BMW 22 Prozent aller verkauften Fahrzeuge aus.",
        "At BMW, battery cars had a share of 16% of all deliveries in the 2023 market.",
    ],
)
def test_stakes_changes_and_mixes_are_no_market_share(extractor, text) -> None:
    assert [r for r in _sales(extractor, text) if r.metric == "market_share"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stellantis leverde in 2021 3.161.500 wagens af tegen 3.160.800 stuks van het "
            "Volkswagen-concern.",
            [("stellantis", "3161500"), ("volkswagen", "3160800")],
        ),
        (
            "In Deutschland wurden im Juli 2019 610 Fahrzeuge von Tesla neu zugelassen.",
            [("tesla", "610")],
        ),
        (
            "Hyundai (including Genesis) sold 812,400 cars across 2023.",
            [("hyundai", "812400")],
        ),
        (
            "Zeekr, a brand owned by Geely, said that it delivered 10,800 units in November 2024.",
            [("zeekr", "10800")],
        ),
        (
            "Con 4.330 vetture vendute nel 2023, Renault cresce del 22,1%.",
            [("renault", "4330")],
        ),
    ],
)
def test_the_owner_of_a_figure(extractor, text, expected) -> None:
    assert [(r.company_id, str(r.value)) for r in _sales(extractor, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hyundai und Kia haben 2023 zusammen mehr als sieben Millionen Autos verkauft.",
        "NIO, Tesla, and BYD disclosed their combined deliveries for July 2023, totaling 65,600 "
        "vehicles.",
        "Nissan e Honda hanno venduto insieme 4 milioni di auto nel 2023.",
        "Nio en Tesla leverden in 2023 samen 30.000 auto's.",
    ],
)
def test_a_figure_of_several_companies_is_none_of_theirs(extractor, text) -> None:
    assert _sales(extractor, text) == []


def test_a_brand_keeps_its_figure(real_extractor) -> None:
    rows = real_extractor.extract(
        doc("MINI sold 244,900 cars in 2024, while Rolls-Royce delivered 5,700 vehicles.")
    ).sales
    assert [(r.company_id, r.company_name, str(r.value)) for r in rows] == [
        ("mini", "MINI", "244900"),
        ("rolls-royce-motor-cars", "Rolls-Royce Motor Cars", "5700"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Im Jahr 2023 verkaufte Tesla das Model 3 und das Model Y in 40 Ländern.",
        "BYD (1211.HK) shares rose on Monday after BYD sold 300,500 cars in May 2024.",
        "Geely delivered its 5 millionth car in August 2024.",
        "Tesla liefert 1/5 seiner Autos nach Europa.",
        "Leapmotor lieferte 2024 erstmals mehr als die Marke von 60.000 Fahrzeugen aus.",
        "In 2024 Xiaomi's monthly deliveries passed the 15,000 mark for the first time.",
        "BYD erwartet für 2024 zwischen 3 Millionen und 3,5 Millionen verkaufte Autos.",
        "Lucid muss im Schnitt 2.250 Autos pro Quartal bauen.",
        "Nio lieferte seit seiner Markteinführung kumuliert 125.500 Fahrzeuge aus.",
        "Tesla produced 440,800 vehicles in the first quarter of 2023.",
        "MAN produceerde in 2023 zo'n 58.000 vrachtwagens.",
        "Dodge unveiled the 2023 Challenger, which delivers 1,025 horsepower.",
        "Tesla counts 640,000 open orders for 2024.",
        "Ford can produce 450,000 vehicles a year in Turkey.",
    ],
)
def test_numbers_that_are_no_sales(extractor, text) -> None:
    found = [(r.company_id, str(r.value)) for r in _sales(extractor, text)]
    assert found in ([], [("byd", "300500")])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Audi lieferte im November 2023 weltweit 25 600 Autos aus.", "25600"),
        ("Tata Motors sold 1,52,718 units in March 2024.", "152718"),
    ],
)
def test_numbers_grouped_by_spaces_and_lakh(extractor, text, value) -> None:
    assert [str(r.value) for r in _sales(extractor, text)] == [value]


def test_exports_are_units_sold_abroad(extractor) -> None:
    rows = _sales(
        extractor, "Tesla verkaufte im Mai 2022 32.100 Autos, davon 22.300 für den Export."
    )
    assert [(r.metric, str(r.value), r.market) for r in rows] == [
        ("units_sold", "32100", "global"),
        ("units_sold", "22300", "export"),
    ]


def test_text_scraped_without_spaces_after_stops(extractor) -> None:
    text = (
        "NIO delivered 41,900 cars in October 2024,a rise of 12 percent."
        "By Sunday,its cumulative deliveries came to 0.98 million units."
    )
    assert [str(r.value) for r in _sales(extractor, text)] == ["41900"]


def test_a_share_in_the_parentheses_of_an_unknown_name_is_not_the_earlier_company(
    extractor,
) -> None:
    text = (
        "Der Marktanteil von Honda lag 2023 unter fünf Prozent, anders als bei den Rivalen "
        "Zoravia (14 Prozent) und BYD (9 Prozent)."
    )
    rows = [(r.company_id, str(r.value)) for r in _sales(extractor, text)]
    assert rows == [("byd", "9")]


def test_the_company_the_sentence_before_names_is_no_sales_talk(extractor) -> None:
    # Owners of vehicles, with no sales word anywhere: the company the previous sentence is
    # about is no figure's company, so nothing says the paragraph speaks of sales.
    text = (
        "Nissan einigte sich 2023 mit den Behörden. Das meldete Honda am Montag. Nissan "
        "bietet 2023 den Besitzern von 1,2 Millionen Fahrzeugen den Rückkauf an."
    )
    assert _sales(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 Geely sold more of its Galaxy 8 SUVs than it had planned.",
        "Im Jahr 2024 verkaufte Tesla viele Autos. Im iDrive 11 werkt Teslas neue Software.",
    ],
)
def test_a_number_in_a_product_name_is_no_figure(extractor, text) -> None:
    assert _sales(extractor, text) == []


def test_a_figure_the_text_names_no_time_for_is_no_claim(extractor) -> None:
    assert _sales(extractor, "Tesla hatte einen Marktanteil von 12 Prozent.") == []
    rows = _sales(extractor, "Tesla hatte im Mai einen Marktanteil von 12 Prozent.")
    assert [str(r.value) for r in rows] == ["12"]


def test_english_may_is_a_month_when_capitalised(real_extractor) -> None:
    text = (
        "Title\n\nJune 4, 2025\n\n"
        "Polestar handed over 4,317 vehicles in May 2024, while Lucid delivered 2,140 cars. "
        "Analysts say demand may recover."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.value, r.period_grain) for r in rows] == [
        ("polestar", Decimal("4317"), "month"),
        ("lucid", Decimal("2140"), "month"),
    ]
    assert rows[0].period_start == date(2024, 5, 1)


def test_impersonal_subject_stands_for_the_company_before(real_extractor) -> None:
    text = (
        "Titel\n\n2. Juli 2025\n\n"
        "Lucid hat im Frühjahr eine zweite Schicht eingeführt. "
        "Im Mai konnte man 3.905 Fahrzeuge ausliefern."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.value, r.period_start) for r in rows] == [
        ("lucid", Decimal("3905"), date(2025, 5, 1))
    ]


def test_count_after_a_month_and_share_after_von(real_extractor) -> None:
    text = (
        "Titel\n\n3. Juli 2025\n\n"
        "In Österreich wurden im Juni 418 Fahrzeuge von Polestar neu zugelassen, "
        "womit die Marke einen Marktanteil von 1,4 Prozent erreichte. "
        "Am 12. Juni 2025 stellte Polestar ein neues Modell vor."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.metric, r.value) for r in rows] == [
        ("polestar", "registrations", Decimal("418")),
        ("polestar", "market_share", Decimal("1.4")),
    ]
    assert rows[0].period_start == date(2025, 6, 1)


def test_year_before_of_a_noun_is_the_base(real_extractor) -> None:
    text = (
        "Titolo\n\n2 settembre 2025\n\n"
        "Leapmotor ad agosto supera nettamente i volumi di un anno fa con 912 immatricolazioni."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.value, r.period_start) for r in rows] == [
        ("leapmotor", Decimal("912"), date(2025, 8, 1))
    ]


def test_month_named_with_a_year_in_the_sentence_before(real_extractor) -> None:
    text = (
        "Titel\n\n4. April 2025\n\n"
        "Lucid meldet für den Winter einen Dämpfer. Der Frost traf 2025 vor allem im Februar "
        "viele Kunden. In Kanada verkaufte Lucid nach eigenen Angaben nur 612 Fahrzeuge."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.value, r.period_start, r.period_grain) for r in rows] == [
        ("lucid", Decimal("612"), date(2025, 2, 1), "month")
    ]


def test_relative_clause_after_a_period_takes_that_period(real_extractor) -> None:
    text = (
        "Title\n\nJune 3, 2025\n\n"
        "Leapmotor delivered 9,100 cars in May, a gain on April, during which Lucid delivered "
        "2,658 units."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.value, r.period_start) for r in rows] == [
        ("leapmotor", Decimal("9100"), date(2025, 5, 1)),
        ("lucid", Decimal("2658"), date(2025, 4, 1)),
    ]


def test_bare_figure_after_a_separable_verb(real_extractor) -> None:
    text = (
        "Titel\n\n3. Juni 2025\n\n"
        "Im Mai meldeten mehrere Hersteller Zuwächse. Der Hersteller Nio lieferte 12.301 "
        "und Leapmotor 9.440 aus."
    )
    rows = _sales(real_extractor, text)
    assert [(r.company_id, r.value) for r in rows] == [
        ("nio", Decimal("12301")),
        ("leapmotor", Decimal("9440")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Titel\n\n3. Juni 2025\n\nNio hat ein gutes Frühjahr hinter sich. Die neuen Zahlen "
            "sind da.\n\nIm April lieferte man 21.450 Autos aus, im Mai dann schon "
            "23.910 Autos.",
            [("nio", Decimal("21450"), 4), ("nio", Decimal("23910"), 5)],
        ),
        (
            "Titel\n\n3 June 2025\n\nNio had a good spring, the new figures show.\n\n"
            "In Europe, 4,318 cars were sold in May.",
            [("nio", Decimal("4318"), 5)],
        ),
        (
            "Titel\n\n3 juni 2025\n\nNio verkocht in mei 23.910 auto's.\n\n"
            "In Duitsland werden 4.318 wagens verkocht.",
            [("nio", Decimal("23910"), 5), ("nio", Decimal("4318"), 5)],
        ),
        (
            "Titel\n\n3 giugno 2025\n\nNio ha avuto una buona primavera.\n\n"
            "In Europa a maggio sono state vendute 4.318 vetture.",
            [("nio", Decimal("4318"), 5)],
        ),
    ],
)
def test_figure_of_a_text_about_one_company_in_a_paragraph_not_naming_it(
    extractor, text, expected
) -> None:
    rows = _sales(extractor, text)
    assert [(r.company_id, r.value, r.period_start.month) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Two companies named: a figure naming none is nobody's.
        (
            "Titel\n\n3. Juni 2025\n\nNio und BYD legen zu.\n\nIm Mai wurden 23.910 Fahrzeuge "
            "verkauft.",
            "23910",
        ),
        # The whole market, a capacity, or no sales word in the paragraph.
        (
            "Titel\n\n3 June 2025\n\nNio had a good spring.\n\nOverall, 310,000 cars were sold "
            "in May.",
            "310000",
        ),
        (
            "Titel\n\n3 juni 2025\n\nNio verkocht in mei 23.910 auto's.\n\nDe fabriek heeft "
            "een capaciteit van 300.000 verkochte auto's per jaar.",
            "300000",
        ),
        (
            "Titel\n\n3 giugno 2025\n\nNio ha venduto 23.910 vetture a maggio.\n\nLo "
            "stabilimento di Hefei conta 4.318 vetture.",
            "4318",
        ),
    ],
)
def test_figure_naming_no_company_stays_unclaimed(extractor, text, value) -> None:
    assert Decimal(value) not in {r.value for r in _sales(extractor, text)}


def test_figures_of_two_markets_are_no_rounded_twins(extractor) -> None:
    text = (
        "Titel\n\n3. März 2025\n\nNio setzte im Februar in China 4.810 Autos ab. "
        "In den USA kamen die Verkäufe im Februar auf 4.830 Einheiten."
    )
    assert {(r.value, r.market) for r in _sales(extractor, text)} == {
        (Decimal("4810"), "CN"),
        (Decimal("4830"), "US"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Im Mai 2025 stiegen die kumulierten Verkäufe von Nio mit den Modellen A1, B2 und C3 "
        "auf 48.210 Autos.",
        "In May 2025 the cumulative sales of Nio with the models A1, B2 and C3 climbed to "
        "48,210 cars.",
        "In mei 2025 stegen de cumulatieve verkopen van Nio met de modellen A1, B2 en C3 tot "
        "48.210 auto's.",
        "A maggio 2025 le vendite cumulate di Nio con i modelli A1, B2 e C3 sono salite a "
        "48.210 auto.",
    ],
)
def test_running_total_named_before_a_list_is_no_sale(extractor, text) -> None:
    assert _sales(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nio setzte sich am 9. Juni 2025 an die Spitze.",
        "Nio sold out on 9 June 2025.",
        "Nio verkocht op 9 juni 2025 alles.",
        "Nio ha venduto il 9 giugno 2025 tutto.",
    ],
)
def test_day_of_a_date_is_no_figure(extractor, text) -> None:
    assert _sales(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Zeekr (eine Marke von Geely) lieferte im Mai 2025 20.118 Fahrzeuge aus.", "zeekr"),
        ("Zeekr (a brand owned by Geely) delivered 20,118 vehicles in May 2025.", "zeekr"),
        ("Zeekr (een merk van Geely) leverde in mei 2025 20.118 auto's af.", "zeekr"),
        ("Zeekr (marchio controllato da Geely) ha venduto 20.118 auto a maggio 2025.", "zeekr"),
    ],
)
def test_name_in_an_aside_in_parentheses_owns_no_figure(extractor, text, company) -> None:
    assert [r.company_id for r in _sales(extractor, text)] == [company]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Nio was in mei 2025 goed voor 1,8 procent van de Chinese markt met 4.318 "
            "verkochte auto's.",
            "1.8",
        ),
        ("A maggio 2025 Nio vale il 2,4% del mercato italiano, con 1.230 immatricolazioni.", "2.4"),
    ],
)
def test_share_verbs(extractor, text, value) -> None:
    rows = _sales(extractor, text)
    assert ("market_share", Decimal(value)) in {(r.metric, r.value) for r in rows}


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("Nio verkaufte im Mai 2025 10.000 Autos und 4.318 Plug-in-Hybride.", "PHEV"),
        ("Nio sold 10,000 cars and 4,318 plug-in hybrids in May 2025.", "PHEV"),
        (
            "Volgens de cijfers van het bedrijf verkocht Nio in mei 2025 10.000 auto's en "
            "daarnaast nog 4.318 plug-inhybrides.",
            "PHEV",
        ),
        ("Nio ha venduto a maggio 2025 10.000 auto e 4.318 auto elettriche.", "BEV"),
    ],
)
def test_segment_word_is_the_unit_of_a_listed_figure(extractor, text, segment) -> None:
    rows = {r.value: r.segment for r in _sales(extractor, text)}
    assert rows.get(Decimal("4318")) == segment


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "Im Mai 2025 hielt Nio 2,7 Prozent Marktanteil in China; mit Zeekr würde der "
            "Konzern auf 4,1 Prozent Marktanteil kommen.",
            "2.7",
            "4.1",
        ),
        (
            "In May 2025 Nio held a market share of 2.7 percent in China; counting Zeekr as "
            "well, the group would hold a market share of 4.1 percent.",
            "2.7",
            "4.1",
        ),
        (
            "In mei 2025 had Nio een marktaandeel van 2,7 procent in China; met Zeekr erbij "
            "zou de groep een marktaandeel van 4,1 procent hebben.",
            "2.7",
            "4.1",
        ),
        (
            "A maggio 2025 Nio aveva una quota di mercato del 2,7% in Cina; contando anche "
            "Zeekr il gruppo sarebbe al 4,1% di quota di mercato.",
            "2.7",
            "4.1",
        ),
    ],
)
def test_hypothetical_clause_leaves_the_figures_before_it(extractor, text, kept, dropped) -> None:
    values = {r.value for r in _sales(extractor, text)}
    assert Decimal(kept) in values and Decimal(dropped) not in values


def test_assumed_figure_is_no_sale(extractor) -> None:
    text = "Im Frühjahr ging Nio für 2025 noch von 120.000 verkauften Autos aus."
    assert _sales(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Titel\n\n1. Juni 2025\n\nNio lieferte im Mai 30.000 Fahrzeuge aus. Darunter waren "
        "21.000 E-Autos und 8.000 Plug-in-Hybride.",
        "Title\n\n1 June 2025\n\nNio delivered 30,000 vehicles in May. Of these, 21,000 were "
        "electric cars and 8,000 plug-in hybrids.",
        "Titel\n\n1 juni 2025\n\nNio leverde in mei 30.000 auto's af. Daarvan waren 21.000 "
        "elektrische auto's en 8.000 plug-inhybrides.",
        "Titolo\n\n1 giugno 2025\n\nNio ha consegnato a maggio 30.000 veicoli, di cui 21.000 "
        "auto elettriche e 8.000 ibride plug-in.",
    ],
)
def test_parts_listed_after_a_part_word(extractor, text) -> None:
    rows = {r.value: r.segment for r in _sales(extractor, text)}
    assert rows == {Decimal("30000"): "all", Decimal("21000"): "BEV", Decimal("8000"): "PHEV"}


def test_listed_parts_larger_than_the_whole_are_no_parts(extractor) -> None:
    text = (
        "Titel\n\n1. Juni 2025\n\nNio lieferte im Mai 30.000 Fahrzeuge aus. Darunter waren "
        "21.000 E-Autos und 18.000 Plug-in-Hybride."
    )
    assert [r.value for r in _sales(extractor, text)] == [Decimal("30000")]


@pytest.mark.parametrize(
    "text",
    [
        "Titel\n\n10. Januar 2025\n\nNio verkaufte 2024 mehr Autos. "
        "Der Absatz von Nio wuchs um sieben Prozent, verglichen mit den 4.560 "
        "im Jahr 2023 verkauften Autos.",
        "Title\n\n10 January 2025\n\nNio sold more cars in 2024. "
        "Nio's volume grew by 7 percent, compared with "
        "the 4,560 cars sold in 2023.",
        "Titel\n\n10 januari 2025\n\nNio verkocht in 2024 meer auto's. "
        "Het volume van Nio groeide met zeven procent, "
        "vergeleken met de 4.560 verkochte auto's in 2023.",
        "Titolo\n\n10 gennaio 2025\n\nNio ha venduto più auto nel 2024. "
        "Il volume di Nio è cresciuto del 7%, "
        "rispetto alle 4.560 auto vendute nel 2023.",
    ],
)
def test_base_figure_read_alone_keeps_its_base_period(extractor, text) -> None:
    rows = [r for r in _sales(extractor, text) if r.value == Decimal("4560")]
    assert rows and all(r.period_start == date(2023, 1, 1) for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Titel\n\n16. Oktober 2025\n\nChina ist für Nio und seinen Partner CATL wichtig. "
        "China bleibt der wichtigste Markt von Nio.\n\nDer chinesische Autobauer verkaufte "
        "dort 2024 insgesamt 221.970 Fahrzeuge.",
        "Title\n\n16 October 2025\n\nChina matters for Nio and its partner CATL. China is "
        "the largest market of Nio.\n\nThe Chinese carmaker delivered 221,970 cars in 2024.",
        "Titel\n\n16 oktober 2025\n\nChina is belangrijk voor Nio en partner CATL. China is "
        "de grootste markt van Nio.\n\nHet Chinese merk verkocht daar in 2024 221.970 auto's.",
        "Titolo\n\n16 ottobre 2025\n\nLa Cina conta per Nio e il partner CATL. La Cina è il "
        "primo mercato di Nio.\n\nLa casa cinese ha venduto 221.970 auto nel 2024.",
    ],
)
def test_description_opening_a_paragraph_refers_to_the_company_before(extractor, text) -> None:
    rows = [(r.company_id, r.value) for r in _sales(extractor, text)]
    assert rows == [("nio", Decimal("221970"))]


@pytest.mark.parametrize(
    "text",
    [
        "Nio verkaufte im Mai 2025 in China 20.000 Fahrzeuge. Der Export-Absatz lag bei 1.200 "
        "Fahrzeugen.",
        "Nio sold 20,000 vehicles in China in May 2025. Another 1,200 units were sold abroad.",
        "Nio verkocht in mei 2025 in China 20.000 auto's. De export bedroeg 1.200 verkochte "
        "auto's.",
        "Nio ha venduto a maggio 2025 in Cina 20.000 auto. Le vendite all'estero sono state "
        "1.200 auto.",
    ],
)
def test_export_figure_after_a_figure_is_the_same_company_abroad(extractor, text) -> None:
    rows = {r.value: (r.company_id, r.market, r.period_start) for r in _sales(extractor, text)}
    assert rows[Decimal("1200")] == ("nio", "export", date(2025, 5, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Der Marktanteil von Nio überschritt erstmals 10 Prozent im Jahr 2024.",
        "In 2024 the share of Nio in the market topped 10 percent for the first time.",
        "Het marktaandeel van Nio overschreed voor het eerst 10 procent in 2024.",
        "Nel 2024 la quota di mercato di Nio ha superato il 10% per la prima volta.",
    ],
)
def test_share_mark_passed_is_no_share(extractor, text) -> None:
    assert _sales(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Titel\n\n2. Dezember 2025\n\nNio setzte im November 18 300 Wagen ab.",
        "Title\n\n2 December 2025\n\nNio sold in November 18 300 cars.",
        "Titel\n\n2 december 2025\n\nNio verkocht in november 18 300 auto's.",
        "Titolo\n\n2 dicembre 2025\n\nNio ha venduto a novembre 18 300 auto.",
    ],
)
def test_figure_with_spaces_after_a_month_is_no_day(extractor, text) -> None:
    rows = [(r.value, r.period_start) for r in _sales(extractor, text)]
    assert rows == [(Decimal("18300"), date(2025, 11, 1))]
