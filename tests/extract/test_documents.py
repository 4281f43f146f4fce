"""HTML pages: the article is kept, the page around it (teasers, banners, footers) is not."""

from __future__ import annotations

from datetime import date

import pytest

from flows.extract.documents import html_to_text
from tests.pages import PAGE_DE, PAGE_EN, PAGE_NL

from .conftest import doc

AROUND_THE_ARTICLE = {
    "de": ("Google", "Meta", "BMW", "Toyota", "Leapmotor", "Tesla", "Autowelt", "Nordlicht"),
    "en": ("Google", "Microsoft", "Nvidia", "Foxconn", "BYD", "Tesla", "Harbour Media"),
    "nl": ("Google", "Volvo", "Renault", "Nissan", "Polder Uitgevers"),
}
ARTICLE_COMPANIES = {
    "de": {"volkswagen", "saic"},
    "en": {"infineon", "hyundai"},
    "nl": {"leapmotor", "stellantis"},
}
PAGES = {"de": PAGE_DE, "en": PAGE_EN, "nl": PAGE_NL}


@pytest.mark.parametrize("language", ["de", "en", "nl"])
def test_html_keeps_the_article_and_drops_the_page_around_it(language: str) -> None:
    text, title, _ = html_to_text(PAGES[language])
    assert title and title in text and "|" not in title and " - " not in title
    for word in AROUND_THE_ARTICLE[language]:
        assert word not in text, word
    for word in ("Cookies", "cookies", "akzeptieren", "Impressum", "teilen", "Lees ook"):
        assert word not in text


@pytest.mark.parametrize("language", ["de", "en", "nl"])
def test_html_page_chrome_makes_no_mentions_or_claims(language: str, real_extractor) -> None:
    extraction = real_extractor.extract(doc(PAGES[language], "html"))
    mentioned = {m.company_id for m in extraction.mentions}
    assert mentioned >= ARTICLE_COMPANIES[language]
    assert not mentioned & {"google", "alphabet", "microsoft", "bmw", "toyota", "tesla", "byd"}
    assert not mentioned & {"nvidia", "volvo-cars", "renault", "nissan", "meta-platforms"}
    parties = {c.company_a_id for c in extraction.partnerships} | {
        c.company_b_id for c in extraction.partnerships
    }
    assert parties <= ARTICLE_COMPANIES[language]
    assert {s.company_id for s in extraction.sales} <= ARTICLE_COMPANIES[language]
    text = extraction.meta.text_body
    for mention in extraction.mentions:
        assert text[mention.char_start : mention.char_end] == mention.surface_text


def test_html_title_and_date_come_from_the_page_metadata(real_extractor) -> None:
    expected = {
        "de": ("Volkswagen und SAIC gründen Batteriefirma", date(2024, 5, 14)),
        "en": ("Infineon to supply power chips to Hyundai", date(2023, 11, 2)),
        "nl": ("Leapmotor en Stellantis openen fabriek", date(2024, 9, 3)),
    }
    for language, (title, published) in expected.items():
        meta = real_extractor.extract(doc(PAGES[language], "html")).meta
        assert (meta.title, meta.published_date, meta.date_source) == (
            title,
            published,
            "html_meta",
        )
        assert meta.language == language


def test_html_without_metadata_date_falls_back_to_the_dateline(extractor) -> None:
    html = (
        "<html><body><div class='nav'>Start | Wirtschaft</div><article><h1>BYD legt zu</h1>"
        "<p>Shenzhen, 12.03.2024 – BYD hat im Februar mehr Elektroautos verkauft als ein Jahr "
        "zuvor, teilte der Hersteller am Dienstag mit.</p></article></body></html>"
    )
    meta = extractor.extract(doc(html, "html")).meta
    assert meta.published_date == date(2024, 3, 12) and meta.date_source == "dateline"


def test_html_page_without_an_article_keeps_its_words() -> None:
    text, title, found = html_to_text("<html><body><div>Nio Tesla</div></body></html>")
    assert "Nio Tesla" in text and title is None and found is None
