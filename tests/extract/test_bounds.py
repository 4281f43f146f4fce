"""Bounded work per document: generated worst cases are read in time linear in their size.

The inputs come from `bench.worst_case`, which `python -m bench worst-case` measures at sizes
up to 12 MB. Times are CPU seconds of this process, with generous factors for a busy machine.
"""

from __future__ import annotations

import random
import sys
import time

import pytest
import trafilatura

from bench import worst_case
from flows.extract import Extractor
from flows.extract.constants import (
    MAX_DOCUMENT_MENTIONS,
    MAX_SENTENCE_CHARS,
    MAX_SENTENCE_MENTIONS,
)
from flows.extract.extractor import _extract_one
from flows.extract.models import Extraction, RawDocument
from flows.extract.sentences import split_sentences

KB = 1024
MB = 1024 * KB
# Time per KB at the larger size may be at most this many times that at the smaller one:
# linear work keeps the ratio near 1 (the caps make large inputs cheaper per KB), work
# growing with the square of the size makes it about 8.
LINEAR_FACTOR = 3.0
SMALL_KB, LARGE_KB = 40, 320
# Generous ceilings for one huge document, in CPU seconds.
HUGE_SECONDS = 30.0


def _seconds(extractor: Extractor, doc: RawDocument) -> tuple[float, Extraction]:
    """CPU seconds of one extraction, and the extraction."""
    started = time.process_time()
    extraction = extractor.extract(doc)
    return time.process_time() - started, extraction


@pytest.mark.parametrize(
    "shape", ["repeated name", "no sentence end", "company list", "numbers only", "JSON Lines"]
)
def test_time_per_kb_does_not_grow_with_the_size(real_extractor: Extractor, shape: str) -> None:
    make = worst_case.SHAPES[shape]
    real_extractor.extract(make(4 * KB))  # word lists a shape needs first are loaded here
    small = min(_seconds(real_extractor, make(SMALL_KB * KB))[0] for _ in range(2)) / SMALL_KB
    large = _seconds(real_extractor, make(LARGE_KB * KB))[0] / LARGE_KB
    assert large <= LINEAR_FACTOR * max(small, 1e-4), (shape, small, large)


def test_twelve_megabytes_of_one_company_name(real_extractor: Extractor) -> None:
    seconds, extraction = _seconds(real_extractor, worst_case.repeated_name(12 * MB))
    assert extraction.error is None
    assert len(extraction.mentions) == MAX_DOCUMENT_MENTIONS
    assert {m.company_id for m in extraction.mentions} == {"byd"}
    assert [m.mention_index for m in extraction.mentions] == list(range(MAX_DOCUMENT_MENTIONS))
    assert seconds < HUGE_SECONDS


def test_words_without_a_sentence_end_are_read_in_windows(real_extractor: Extractor) -> None:
    doc = worst_case.no_sentence_end(3 * MB)
    seconds, extraction = _seconds(real_extractor, doc)
    assert extraction.error is None
    assert extraction.mentions
    assert max(len(m.sentence_text) for m in extraction.mentions) <= MAX_SENTENCE_CHARS
    assert len(extraction.mentions) <= MAX_DOCUMENT_MENTIONS
    assert len(extraction.people) <= MAX_DOCUMENT_MENTIONS
    assert seconds < HUGE_SECONDS


def test_a_long_line_is_cut_at_blanks_and_after_commas() -> None:
    line = "wort " * 700 + "Zeile, " * 300 + "x" * 2500
    sentences = split_sentences(line, "de")
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    # Only the blanks between windows are left out.
    assert "".join(line[s.start : s.end] for s in sentences).replace(" ", "") == line.replace(
        " ", ""
    )
    for sentence in sentences:
        if sentence.end < len(line) - 2500:
            # A window ends at a word's end: after a comma where one is near, else at a blank.
            assert line[sentence.end] == " "
    assert any(line[s.end - 1] == "," for s in sentences)


def test_a_sentence_short_enough_is_never_cut() -> None:
    line = "Die Firma liefert " + "viele Teile, " * 140 + "heißt es."
    assert len(line) < MAX_SENTENCE_CHARS
    assert len(split_sentences(line, "de")) == 1


def test_a_list_of_company_names_is_no_partnership(real_extractor: Extractor) -> None:
    seconds, extraction = _seconds(real_extractor, worst_case.company_list(2 * MB))
    assert extraction.error is None
    assert len(extraction.mentions) == MAX_DOCUMENT_MENTIONS
    assert extraction.partnerships == []
    assert extraction.sales == []
    assert seconds < HUGE_SECONDS


def test_a_sentence_of_many_companies_is_read_as_a_list(real_extractor: Extractor) -> None:
    short = [n for n in worst_case.reference_names() if n.isalpha() and len(n) <= 5]
    names = short[: MAX_SENTENCE_MENTIONS + 2]
    text = "BYD übernimmt Tesla und arbeitet mit " + ", ".join(names) + " zusammen."
    extraction = real_extractor.extract(RawDocument("list", "list.txt", text))
    assert len(extraction.mentions) > MAX_SENTENCE_MENTIONS
    assert extraction.partnerships == []


def test_a_document_of_numbers_only(real_extractor: Extractor) -> None:
    seconds, extraction = _seconds(real_extractor, worst_case.numbers_only(3 * MB))
    assert extraction.error is None
    assert extraction.mentions == [] and extraction.sales == []
    assert seconds < HUGE_SECONDS


def test_json_lines_handed_over_as_one_json_document(real_extractor: Extractor) -> None:
    doc = worst_case.json_lines_records(200_000)
    seconds, extraction = _seconds(real_extractor, doc)
    # Not one JSON record: read as its raw text, like any other invalid JSON.
    assert extraction.error is None
    assert extraction.meta.char_count == len(doc.body)
    assert len(extraction.mentions) == MAX_DOCUMENT_MENTIONS
    assert seconds < HUGE_SECONDS


def test_json_nested_too_deep_is_read_as_text(real_extractor: Extractor) -> None:
    body = "[" * 100_000 + '{"maintext": "BYD liefert."}' + "]" * 100_000
    extraction = real_extractor.extract(RawDocument("deep", "deep.json", body, "json"))
    assert extraction.error is None
    assert [m.company_id for m in extraction.mentions] == ["byd"]


def test_html_nested_ten_thousand_levels_keeps_its_words(real_extractor: Extractor) -> None:
    limit = sys.getrecursionlimit()
    doc = worst_case.nested_html_depth(10_000, "<p>BYD liefert mehr Fahrzeuge aus als Tesla.</p>")
    seconds, extraction = _seconds(real_extractor, doc)
    assert extraction.error is None
    assert [m.company_id for m in extraction.mentions] == ["byd", "tesla"]
    assert sys.getrecursionlimit() == limit
    assert seconds < HUGE_SECONDS


def test_html_dropped_tags_skip_scripts_and_styles(real_extractor: Extractor) -> None:
    inner = (
        "<script>var x = '<p>Tesla</p>';</script><style>p { }</style>"
        "<p>BYD &amp; Partner liefern.</p>"
    )
    extraction = real_extractor.extract(worst_case.nested_html_depth(1_000, inner))
    assert extraction.error is None
    assert "BYD & Partner liefern." in (extraction.meta.text_body or "")
    assert [m.company_id for m in extraction.mentions] == ["byd"]


def test_a_parser_that_raises_fails_that_document_only(
    real_extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deep(*_args: object, **_kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", deep)
    page = worst_case.nested_html_depth(10_000)
    text = RawDocument("plain", "plain.txt", "BYD liefert mehr Fahrzeuge aus.")
    # What extract_batch does for each document, with the extractor built once for the tests.
    failed, read = (_extract_one(real_extractor, d) for d in (page, text))
    assert failed.error is not None and failed.error.startswith("RecursionError")
    assert failed.mentions == [] and failed.meta.char_count == 0
    assert read.error is None and [m.company_id for m in read.mentions] == ["byd"]


def _invented_name(number: int) -> str:
    """A made-up capitalised word, the same for the same number."""
    rng = random.Random(number)
    return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title()


def _hyphenated_names(size: int) -> RawDocument:
    """Sentences naming ever new hyphenated names after a company word."""
    parts, total, number = [], 0, 0
    while total < size:
        part = f"Der Hersteller {_invented_name(number)}-{_invented_name(number + 3)} wächst. "
        parts.append(part)
        total += len(part)
        number += 1
    return RawDocument("hyphenated", "hyphenated.txt", "".join(parts)[:size])


def test_ever_new_hyphenated_names_are_read_in_linear_time(real_extractor: Extractor) -> None:
    real_extractor.extract(_hyphenated_names(4 * KB))
    small = min(_seconds(real_extractor, _hyphenated_names(SMALL_KB * KB))[0] for _ in range(2))
    large = _seconds(real_extractor, _hyphenated_names(LARGE_KB * KB))[0]
    assert large / LARGE_KB <= LINEAR_FACTOR * max(small / SMALL_KB, 1e-4)
