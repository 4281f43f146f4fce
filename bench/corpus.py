"""Benchmark corpora: N unique .txt files built from the shared articles, cached per N."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evaluation.sets import GNAD, SEEDS_DIR, SHARED_DIR, SMARTDATA

# The shared articles the corpora are built from (see evaluation/sets.py).
ARTICLES_CSV = GNAD
# Labelled German news: gold company mentions to score both matchers on.
GOLD_MENTIONS = SMARTDATA
BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".corpus"
WORK_DIR = BENCH_DIR / ".work"
# Files per sub-folder: keeps directories small at a million files.
FILES_PER_FOLDER = 1000
# Bump when the way documents are built changes, so that cached corpora are rebuilt.
LAYOUT_VERSION = "1"


class CorpusMissing(RuntimeError):
    """The shared articles the corpora are built from are not on this machine."""


@dataclass(frozen=True)
class Corpus:
    """A built corpus: ``documents`` files of ``total_bytes`` bytes under ``folder``."""

    documents: int
    total_bytes: int
    folder: Path

    @property
    def megabytes(self) -> float:
        """Size of the files in MB (10^6 bytes)."""
        return self.total_bytes / 1e6


def check_inputs() -> None:
    """Raise CorpusMissing unless the shared articles and seed texts are present."""
    missing = [str(p) for p in (ARTICLES_CSV, SEEDS_DIR) if not p.exists()]
    if missing:
        raise CorpusMissing(
            "the benchmark corpus is built from the shared articles, which are not here "
            f"(looked for {', '.join(p.replace(str(SHARED_DIR), '../shared') for p in missing)})"
        )


def source_texts() -> list[str]:
    """The base texts: the 1,028 test articles of 10kGNAD, then the five seed texts."""
    check_inputs()
    with ARTICLES_CSV.open(encoding="utf-8", newline="") as handle:
        texts = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    return texts


def texts_digest(texts: list[str]) -> str:
    """A short fingerprint of the base texts and the layout, to validate a cache."""
    digest = hashlib.sha256(LAYOUT_VERSION.encode())
    for text in texts:
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


def document_text(texts: list[str], number: int) -> str:
    """Document ``number``: a base text made unique by a numbered last line."""
    return f"{texts[number % len(texts)].rstrip()}\n\nNr. {number + 1}\n"


def relative_path(number: int) -> str:
    """Where document ``number`` lives inside a corpus folder."""
    return f"{number // FILES_PER_FOLDER:04d}/{number:07d}.txt"


def write_documents(folder: Path, texts: list[str], start: int, count: int) -> int:
    """Write documents ``start`` .. ``start + count - 1`` under ``folder``; return their bytes."""
    total = 0
    made: set[Path] = set()
    for number in range(start, start + count):
        path = folder / relative_path(number)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = document_text(texts, number).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def build(documents: int, texts: list[str]) -> tuple[Corpus, bool]:
    """The corpus of ``documents`` files, from the cache when valid; also whether it was built."""
    folder = CACHE_DIR / f"n{documents}"
    marker = CACHE_DIR / f"n{documents}.json"
    digest = texts_digest(texts)
    if marker.exists() and folder.is_dir():
        meta = json.loads(marker.read_text())
        if meta.get("digest") == digest and meta.get("documents") == documents:
            return Corpus(documents, meta["bytes"], folder), False
    marker.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    partial = CACHE_DIR / f"n{documents}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    total = write_documents(partial, texts, 0, documents)
    partial.rename(folder)
    marker.write_text(json.dumps({"documents": documents, "bytes": total, "digest": digest}))
    return Corpus(documents, total, folder), True


def files_under(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, in a stable order."""
    for directory, subdirs, names in os.walk(folder):
        subdirs.sort()
        for name in sorted(names):
            yield Path(directory) / name


def run_folder(corpus: Corpus, name: str) -> Path:
    """A private copy of the corpus for one run: hard links to the cache (copies if impossible)."""
    target = WORK_DIR / name
    shutil.rmtree(target, ignore_errors=True)
    for path in files_under(corpus.folder):
        link = target / path.relative_to(corpus.folder)
        link.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, link)
        except OSError:
            shutil.copy2(path, link)
    return target


def remove_folder(folder: Path) -> None:
    """Delete a run folder."""
    shutil.rmtree(folder, ignore_errors=True)
