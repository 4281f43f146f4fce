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
        "Im Jahr 2024 produzierte China 12 Millionen E-Fahrzeuge.",
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
            "Electric car sales in Norway\n\nTesla sold 2,000 units in May, ahead of Volkswagen "
            "with 1,500 units.",
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
            "in May.",
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
        "Bevor der Winter kam, verkaufte Tesla 5.000 Fahrzeuge.",
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
