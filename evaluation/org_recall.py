"""Organisation recall on BIO-tagged sentences: GermEval 2014 (de) and CoNLL-2002 (nl).

These sets tag every organisation (parties, clubs, media, authorities), so only the share of
gold ORG spans a company mention overlaps is a reference; precision is not meaningful.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evaluation.output import Output
from evaluation.scoring import Score, Span, fmt
from evaluation.sets import CONLL_NL, GERMEVAL, shown
from flows.extract import Extractor

COLUMNS = ("set", "lang", "sentences", "gold ORG", "found on ORG", "recall", "mentions elsewhere")


@dataclass(frozen=True)
class BioSet:
    """A BIO file: where it is, its language, and which columns hold the token and the tag."""

    name: str
    path: Path
    language: str
    token_col: int
    tag_col: int
    comment: str = "#"


SETS = (
    BioSet("GermEval 2014 dev", GERMEVAL, "de", token_col=1, tag_col=2),
    BioSet(f"CoNLL-2002 {CONLL_NL.name}", CONLL_NL, "nl", token_col=0, tag_col=2),
)


def org_spans(tokens: list[tuple[str, str]]) -> tuple[str, list[Span]]:
    """A sentence's text (tokens joined by spaces) and the spans of its ORG entities."""
    spans: list[list[int]] = []
    offset, current = 0, None
    for token, tag in tokens:
        start = offset
        offset += len(token) + 1
        if tag.startswith("B-ORG") or (tag.startswith("I-ORG") and current is None):
            current = [start, start + len(token)]
            spans.append(current)
        elif tag.startswith("I-ORG") and current is not None:
            current[1] = start + len(token)
        else:
            current = None
    return " ".join(token for token, _ in tokens), [(s[0], s[1]) for s in spans]


def bio_sentences(bio: BioSet) -> Iterator[tuple[str, list[Span]]]:
    """The sentences of a BIO file with their gold ORG spans."""
    tokens: list[tuple[str, str]] = []
    for line in bio.path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(bio.comment) or line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if tokens:
                yield org_spans(tokens)
                tokens = []
            continue
        parts = line.split("\t") if "\t" in line else line.split(" ")
        if len(parts) > max(bio.token_col, bio.tag_col):
            tokens.append((parts[bio.token_col], parts[bio.tag_col]))
    if tokens:
        yield org_spans(tokens)


def evaluate(extractor: Extractor, bio: BioSet) -> tuple[int, Score]:
    """The number of sentences, and company mentions matched one to one against ORG spans."""
    score, count = Score(), 0
    for text, gold in bio_sentences(bio):
        count += 1
        found = [(m.start, m.end) for m in extractor.find_mentions(text, bio.language)]
        score.add_spans(gold, found)
    return count, score


def run(extractor: Extractor, out: Output) -> None:
    """Print the recall table of every set that is present."""
    rows = []
    for bio in SETS:
        if not bio.path.exists():
            out.note(f"{bio.name}: {shown(bio.path)} is absent, skipped.")
            continue
        count, score = evaluate(extractor, bio)
        rows.append(
            [
                bio.name,
                bio.language,
                str(count),
                str(score.tp + score.fn),
                str(score.tp),
                fmt(score.recall),
                str(score.fp),
            ]
        )
    if rows:
        out.table(
            "Organisation recall (all ORG are gold; precision is not meaningful)", COLUMNS, rows
        )
