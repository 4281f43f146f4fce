"""Where every labelled set lives: the project's own labels here, third-party sets in ../shared."""

from __future__ import annotations

from pathlib import Path

from flows.settings import PROJECT_DIR

LABELS_DIR = Path(__file__).resolve().parent / "labels"
SAMPLES_LABELS = LABELS_DIR / "samples.json"
# Third-party sets are only read, never copied into the project; each is skipped when absent.
SHARED_DIR = PROJECT_DIR.parent / "shared"
SEEDS_DIR = SHARED_DIR / "corpus" / "seeds"
SEEDS_LABELS = LABELS_DIR / "seeds.json"
# People and roles of the news_dev texts, labelled for this project (names and ids only).
PEOPLE_NEWS_DEV_LABELS = LABELS_DIR / "people_news_dev.json"
NEWS_DEV = SHARED_DIR / "eval" / "news_dev"
SMARTDATA = SHARED_DIR / "eval" / "smartdata_de" / "dev.jsonl"
GERMEVAL = SHARED_DIR / "eval" / "germeval2014_de" / "NER-de-dev.tsv"
CONLL_NL = SHARED_DIR / "eval" / "conll2002_nl" / "ned.testa"
CORE = SHARED_DIR / "eval" / "core_en" / "train.json"
GNAD = SHARED_DIR / "corpus" / "10kgnad_de" / "test.csv"


def shown(path: Path) -> str:
    """A path as the project speaks of it: relative to the project or to its parent."""
    for base, prefix in ((PROJECT_DIR, ""), (PROJECT_DIR.parent, "../")):
        if path.is_relative_to(base):
            return prefix + str(path.relative_to(base))
    return path.name
