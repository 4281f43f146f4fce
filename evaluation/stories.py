"""Precision and recall of story grouping on a labelled set built from real articles.

`python -m evaluation.stories` reads the German news articles of ../shared/corpus/10kgnad_de
(at run time; nothing is copied) and builds the set in memory, the same way on every run:

- each of the first ORIGINALS articles is a story of its own;
- some of them get copies as outlets and agencies publish them: another header or title line, a
  closing line added, a sentence or two dropped, a sentence of another article added, light
  word edits, a shortened copy, or several of these at once; each copy belongs to its
  original's story;
- the articles of the corpus that name the same people, places and organisations (the same
  event or topic told by different articles) stay in the set: they are different stories and
  must stay apart.

The documents go through the story step's own code (flows.stories.sign and group) in a
shuffled order, and pairs are scored: a pair of documents put in one story is right when both
belong to the same labelled story. Recall counts the labelled pairs found. The near-event
pairs are reported apart (how many were wrongly merged). Variants are generated from the
text with a seeded random generator; the header and closing lines below were written for this
evaluation.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from flows.settings import PROJECT_DIR
from flows.stories import DEFAULT_PARAMS, StoryParams, group, sign

CORPUS = PROJECT_DIR.parent / "shared" / "corpus" / "10kgnad_de" / "test.csv"
ORIGINALS = 400
SEED = 12
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"])")
_NAME_RE = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:\s[A-ZÄÖÜ][a-zäöüß]+)*\b")

HEADERS = (
    "Aktualisiert am 4. März, 10:15 Uhr",
    "EILMELDUNG",
    "Von unserem Korrespondenten",
    "Wirtschaft kompakt",
    "Lesezeit: 3 Minuten",
    "Meldung der Nachrichtenagentur",
)
FOOTERS = (
    "Mehr dazu in unserer morgigen Ausgabe.",
    "(red, Agenturen)",
    "Dieser Artikel wurde nach Redaktionsschluss aktualisiert.",
    "Sie haben Hinweise zu diesem Thema? Schreiben Sie der Redaktion.",
)


@dataclass(frozen=True)
class Doc:
    """A document of the set: its text and the labelled story it belongs to."""

    doc_id: str
    story: str
    text: str
    kind: str


def load_articles(path: Path = CORPUS) -> list[str]:
    """The corpus articles, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]


def sentences(text: str) -> list[str]:
    """A text cut into sentences."""
    return [s for s in _SENTENCE_RE.split(text.strip()) if s]


def _header(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """Another first line: a header or a new title."""
    return [rng.choice(HEADERS), *parts]


def _title(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """Another title: the first words of the lead as the headline."""
    words = parts[0].split()
    return [" ".join(words[: rng.randint(4, 8)]), *parts]


def _footer(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """Another last line."""
    return [*parts, rng.choice(FOOTERS)]


def _drop(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """One or two sentences (a paragraph) dropped."""
    drop = set(rng.sample(range(1, len(parts)), k=min(len(parts) - 1, rng.randint(1, 2))))
    return [p for i, p in enumerate(parts) if i not in drop]


def _add(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """A sentence of another article added."""
    at = rng.randint(1, len(parts))
    return [*parts[:at], rng.choice(other), *parts[at:]]


def _edit(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """Light edits: about one word in forty deleted, doubled or swapped with its neighbour."""
    out = []
    for part in parts:
        words = part.split()
        for i in range(len(words)):
            if rng.random() < 1 / 40 and i + 1 < len(words):
                action = rng.choice(("delete", "swap", "double"))
                if action == "delete":
                    words[i] = ""
                elif action == "swap":
                    words[i], words[i + 1] = words[i + 1], words[i]
                else:
                    words[i] = f"{words[i]} {words[i]}"
        out.append(" ".join(w for w in words if w))
    return out


def _shorten(rng: random.Random, parts: list[str], other: list[str]) -> list[str]:
    """The first three quarters of the article."""
    return parts[: max(2, round(len(parts) * 0.75))]


VARIANTS: dict[str, Callable[[random.Random, list[str], list[str]], list[str]]] = {
    "header": _header,
    "title": _title,
    "footer": _footer,
    "drop": _drop,
    "add": _add,
    "edit": _edit,
    "shorten": _shorten,
}


def build_set(articles: list[str], originals: int = ORIGINALS, seed: int = SEED) -> list[Doc]:
    """Originals, their generated copies and the rest of the corpus as different stories."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    for index, article in enumerate(articles):
        story = f"a{index}"
        docs.append(Doc(f"{story}", story, article, "original"))
        parts = sentences(article)
        if index >= originals or len(parts) < 4:
            continue
        other = sentences(articles[(index + 7) % len(articles)])
        for copy in range(rng.choice((0, 1, 1, 2, 3))):
            kinds = rng.sample(sorted(VARIANTS), k=rng.choice((1, 1, 2, 3)))
            changed = parts
            for kind in kinds:
                changed = VARIANTS[kind](rng, changed, other)
            paragraphs = "\n".join(changed)
            docs.append(Doc(f"{story}-{copy}", story, paragraphs, "+".join(sorted(kinds))))
    rng.shuffle(docs)
    return docs


def near_event_pairs(docs: list[Doc], min_shared: int = 6) -> set[frozenset[str]]:
    """Pairs of different originals that share many capitalised names (same event or topic)."""
    originals = [d for d in docs if d.kind == "original"]
    names = {d.doc_id: set(_NAME_RE.findall(d.text)) for d in originals}
    by_name: dict[str, list[str]] = defaultdict(list)
    frequency = Counter(n for found in names.values() for n in found)
    for doc_id, found in names.items():
        for name in found:
            # Names in many articles (days, countries, sentence openers) tell no event.
            if frequency[name] <= 20:
                by_name[name].append(doc_id)
    shared: Counter[frozenset[str]] = Counter()
    for ids in by_name.values():
        for a, b in combinations(sorted(ids), 2):
            shared[frozenset((a, b))] += 1
    return {pair for pair, count in shared.items() if count >= min_shared}


@dataclass
class GroupingScore:
    """Pairwise counts of a grouping against the labels."""

    documents: int
    stories: int
    true_pairs: int
    predicted_pairs: int
    right_pairs: int
    near_event_pairs: int
    near_event_merged: int
    missed_by_kind: Counter
    copies_by_kind: Counter
    seconds: float

    @property
    def precision(self) -> float:
        """Share of predicted same-story pairs that are labelled so."""
        return self.right_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        """Share of labelled same-story pairs that were found."""
        return self.right_pairs / self.true_pairs if self.true_pairs else 1.0


def _pairs(groups: dict[str, list[str]]) -> set[frozenset[str]]:
    """Every unordered pair inside each group."""
    return {frozenset(p) for ids in groups.values() for p in combinations(sorted(ids), 2)}


def evaluate(docs: list[Doc], params: StoryParams = DEFAULT_PARAMS) -> GroupingScore:
    """Group the documents with the story step's code and count pairs against the labels."""
    started = time.process_time()
    signed = [sign(d.doc_id, d.text, params) for d in docs]
    group(signed, {}, {}, params)
    seconds = time.process_time() - started
    labelled: dict[str, list[str]] = defaultdict(list)
    predicted: dict[str, list[str]] = defaultdict(list)
    for doc, result in zip(docs, signed, strict=True):
        labelled[doc.story].append(doc.doc_id)
        predicted[result.story_key].append(doc.doc_id)
    true_pairs, found_pairs = _pairs(labelled), _pairs(predicted)
    near = near_event_pairs(docs)
    story_of = {r.document_id: r.story_key for r in signed}
    missed: Counter = Counter()
    copies: Counter = Counter()
    for doc in docs:
        if doc.kind != "original":
            copies[doc.kind] += 1
            if story_of[doc.doc_id] != story_of[doc.story]:
                missed[doc.kind] += 1
    return GroupingScore(
        documents=len(docs),
        stories=len(labelled),
        true_pairs=len(true_pairs),
        predicted_pairs=len(found_pairs),
        right_pairs=len(true_pairs & found_pairs),
        near_event_pairs=len(near),
        near_event_merged=len(near & found_pairs),
        missed_by_kind=missed,
        copies_by_kind=copies,
        seconds=seconds,
    )


def main(argv: list[str] | None = None) -> int:
    """Print the grouping figures (and, with --sweep, those of other thresholds)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also try other thresholds")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"story grouping: skipped, {CORPUS.name} is not present")
        return 0
    docs = build_set(load_articles())
    settings = [DEFAULT_PARAMS]
    if args.sweep:
        settings += [
            replace(DEFAULT_PARAMS, threshold=t, shingle_words=k)
            for k in (3, 4, 5)
            for t in (0.3, 0.4, 0.5, 0.6, 0.7)
            if (k, t) != (DEFAULT_PARAMS.shingle_words, DEFAULT_PARAMS.threshold)
        ]
    print("story grouping (10kGNAD originals, generated copies, near-event articles)")
    print("shingle  threshold  docs  stories  P       R       near-event merged  cpu s")
    for params in settings:
        s = evaluate(docs, params)
        print(
            f"{params.shingle_words:>7}  {params.threshold:>9.2f}  {s.documents:>4}  "
            f"{s.stories:>7}  {s.precision:.4f}  {s.recall:.4f}  "
            f"{s.near_event_merged:>3} of {s.near_event_pairs:<9}  {s.seconds:.1f}"
        )
        if params is DEFAULT_PARAMS:
            missed = ", ".join(
                f"{kind} {s.missed_by_kind[kind]}/{n}"
                for kind, n in sorted(s.copies_by_kind.items())
                if s.missed_by_kind[kind]
            )
            print(f"  copies missed by kind: {missed or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
