"""The entry points: document formats, offsets, meta data, batches in worker processes."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal

from flows.extract import EXTRACTOR_VERSION, Extractor, extract_batch, load_reference
from flows.extract.models import Extraction, RawDocument

from .conftest import doc


def test_plain_text_meta(extractor) -> None:
    body = (
        " date 2021-03 Ook Nio wil nu zijn eigen chips voor de nieuwe modellen ontwerpen. "
        "Het merk groeit snel.\n\n"
        "Naar verluidt werkt Nio daarvoor samen met Geely."
    )
    extraction = extractor.extract(doc(body))
    meta = extraction.meta
    assert (meta.language, meta.published_date, meta.published_precision) == (
        "nl",
        date(2021, 3, 1),
        "month",
    )
    assert meta.date_source == "header" and meta.title is None and meta.text_body is None
    assert extraction.extractor_version == EXTRACTOR_VERSION
    for mention in extraction.mentions:
        assert body[mention.char_start : mention.char_end] == mention.surface_text


def test_html_offsets_point_into_text_body(extractor) -> None:
    html = (
        "<html><head><title>BYD überholt Tesla</title><script>var x='Tesla';</script></head>"
        "<body><nav>Tesla Home</nav><h1>BYD überholt Tesla</h1><p>Düsseldorf, 20.04.2023</p>"
        "<p>BYD <b>verkaufte</b> im Januar 296.446 Fahrzeuge.</p></body></html>"
    )
    extraction = extractor.extract(doc(html, "html"))
    text = extraction.meta.text_body
    assert text is not None and "var x" not in text and "Tesla Home" not in text
    assert extraction.meta.published_date == date(2023, 4, 20)
    assert extraction.meta.title == "BYD überholt Tesla"
    assert extraction.mentions
    for item in [*extraction.mentions]:
        assert text[item.char_start : item.char_end] == item.surface_text
    (row,) = extraction.sales
    assert text[row.char_start : row.char_end] == row.sentence_text


def test_json_record(extractor) -> None:
    record = {
        "title": "Stellantis neemt belang in Leapmotor",
        "maintext": "Stellantis verwierf een belang van 21 procent in Leapmotor.",
        "date_publish": "2023-10-26 08:00:00",
        "language": "nl",
        "url": "https://example.org/a",
    }
    extraction = extractor.extract(doc(json.dumps(record), "json"))
    meta = extraction.meta
    assert (meta.language, meta.published_date, meta.title) == (
        "nl",
        date(2023, 10, 26),
        record["title"],
    )
    assert meta.text_body.startswith(record["title"])
    assert ("stellantis", "leapmotor") in [
        (c.company_a_id, c.company_b_id) for c in extraction.partnerships
    ]
    for mention in extraction.mentions:
        assert meta.text_body[mention.char_start : mention.char_end] == mention.surface_text


def _extract_in_fresh_interpreter(
    docs: list[RawDocument], reference_dir, hash_seed: str, monkeypatch
) -> list[Extraction]:
    """extract_batch in a new interpreter whose string hashes use ``hash_seed``."""
    monkeypatch.setenv("PYTHONHASHSEED", hash_seed)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(extract_batch, docs, str(reference_dir)).result()


def test_extract_is_deterministic(reference_dir, monkeypatch) -> None:
    """The same text gives the same extraction in every process, although the order of sets
    and of hashed keys differs from one interpreter to the next."""
    body = (
        "BYD und Tesla kooperieren. VW, Audi und SEAT melden neue Zahlen. "
        "BYD verkaufte 2024 rund 4,27 Millionen Autos, Tesla 1,79 Millionen. "
        "Stellantis übernimmt 21 Prozent an Leapmotor."
    )
    docs = [doc(body)]
    here = extract_batch(docs, str(reference_dir))
    first = _extract_in_fresh_interpreter(docs, reference_dir, "1", monkeypatch)
    second = _extract_in_fresh_interpreter(docs, reference_dir, "2", monkeypatch)
    assert here == first == second
    (extraction,) = here
    assert len(extraction.mentions) >= 7
    assert len(extraction.partnerships) >= 2
    assert len(extraction.sales) == 2


def test_extract_batch_in_worker_processes(reference_dir) -> None:
    docs = [
        RawDocument(str(i), "x.txt", f"Tesla kooperiert mit BYD. Nummer {i}.") for i in range(4)
    ]
    pickle.dumps(extract_batch)
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(extract_batch, [docs[:2], docs[2:]], [str(reference_dir)] * 2))
    flat = [e for batch in results for e in batch]
    assert [e.document_id for e in flat] == ["0", "1", "2", "3"]
    assert all(e.partnerships for e in flat)


def test_load_reference_reads_companies_aliases_and_products(reference) -> None:
    assert reference.companies["saic-gm-wuling"].parents == ("saic", "gm")
    assert reference.companies["cupra"].company_kind == "brand"
    assert reference.ancestors("cupra") == {"seat", "volkswagen"}
    methods = {(n.text, n.method, n.case_sensitive) for n in reference.names}
    assert ("MAN", "alias", True) in methods
    assert ("Cupra", "alias", False) in methods
    assert ("Model Y", "product", False) in methods


def test_real_reference_on_a_seed_like_text(real_extractor) -> None:
    text = "Volkswagen steigt bei Xpeng ein. Audi vertieft die Zusammenarbeit mit SAIC."
    ids = {m.company_id for m in real_extractor.extract(doc(text)).mentions}
    assert {"volkswagen", "xpeng", "audi", "saic"} <= ids


def test_extractor_can_be_built_twice(reference_dir) -> None:
    first = Extractor(load_reference(reference_dir))
    second = Extractor(load_reference(reference_dir))
    body = "Tesla verkaufte 2024 weltweit 1,79 Millionen Autos."
    for extractor in (first, second, first):
        (claim,) = extractor.extract(doc(body)).sales
        assert (claim.company_id, claim.metric, claim.value) == (
            "tesla",
            "units_sold",
            Decimal("1790000"),
        )
        assert (claim.period_start, claim.period_grain) == (date(2024, 1, 1), "year")


def test_seed_articles_keep_offsets_on_the_surface(real_extractor) -> None:
    """Runs on the third-party seed texts when they are next to the project, else skips."""
    import pytest

    from flows.settings import PROJECT_DIR

    folder = PROJECT_DIR.parent / "shared" / "corpus" / "seeds"
    if not folder.exists():
        pytest.skip("../shared is absent")
    for path in sorted(folder.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        extraction = real_extractor.extract(RawDocument(path.stem, path.name, body))
        assert extraction.mentions
        for mention in extraction.mentions:
            assert body[mention.char_start : mention.char_end] == mention.surface_text
        for claim in [*extraction.partnerships, *extraction.sales]:
            assert body[claim.char_start : claim.char_end] == claim.sentence_text
