"""Language of a document: de, nl, en or it."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from flows.extract.constants import (
    LANGUAGE_SAMPLE_CHARS,
    STOPWORD_MIN_HITS,
    STOPWORD_MIN_RATIO,
    STOPWORD_SAMPLE_CHARS,
    STOPWORDS,
)

_LINGUA_CODES = {
    Language.GERMAN: "de",
    Language.DUTCH: "nl",
    Language.ENGLISH: "en",
    Language.ITALIAN: "it",
}
_WORD_RE = re.compile(r"[a-zäöüßàèéìòù']+")
_STOPWORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _word in _words.split():
        _STOPWORD_LANGS[_word] = (*_STOPWORD_LANGS.get(_word, ()), _lang)


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The lingua detector restricted to our four languages, built once per process."""
    return LanguageDetectorBuilder.from_languages(*_LINGUA_CODES).build()


def stopword_vote(text: str) -> str | None:
    """Decide the language by function words when the vote is clear, else None."""
    counts = dict.fromkeys(STOPWORDS, 0)
    # Count every word in C, then visit only the function words among them.
    words = Counter(_WORD_RE.findall(text[:STOPWORD_SAMPLE_CHARS].lower()))
    for word in words.keys() & _STOPWORD_LANGS.keys():
        for lang in _STOPWORD_LANGS[word]:
            counts[lang] += words[word]
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits >= STOPWORD_MIN_HITS and hits >= STOPWORD_MIN_RATIO * max(second, 1):
        return best
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language among de/nl/en/it, None for empty text."""
    if not text.strip():
        return None
    # Function words decide long news texts at a fraction of lingua's cost; lingua reads
    # a sample only when the vote is close (short texts, mixed languages).
    voted = stopword_vote(text)
    if voted:
        return voted
    found = detector().detect_language_of(text[:LANGUAGE_SAMPLE_CHARS])
    return _LINGUA_CODES.get(found) if found else None
