"""The spaCy baseline for company mentions, and how its output compares with the extractor's."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

# Languages the project reads; anything else (or unknown) is tokenised as German, the
# language of most of the benchmark corpus.
LANGUAGES = ("de", "nl", "en", "it")
FALLBACK_LANGUAGE = "de"
# Name kinds that stand for a company (products never do).
COMPANY_METHODS = ("alias",)
PIPE_BATCH = 256


@dataclass(frozen=True)
class NameEntry:
    """One company name or alias the matchers look for."""

    text: str
    company_id: str
    case_sensitive: bool


def reference_names() -> list[NameEntry]:
    """The company names and aliases (brands too) of the extractor's reference list."""
    from flows.extract import load_reference

    reference = load_reference()
    return [
        NameEntry(name.text, name.company_id, bool(name.case_sensitive))
        for name in reference.names
        if name.method in COMPANY_METHODS and name.text.strip()
    ]


class SpacyMatcher:
    """spacy.blank(lang) + sentencizer + a PhraseMatcher (attr LOWER) per language."""

    def __init__(self, names: list[NameEntry], languages: list[str]) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        wanted = {self.language(lang) for lang in languages} | {FALLBACK_LANGUAGE}
        self.name_count = len(names)
        self.pipelines: dict[str, tuple[Any, Any]] = {}
        by_company: dict[str, list[str]] = {}
        for name in names:
            by_company.setdefault(name.company_id, []).append(name.text)
        for lang in sorted(wanted):
            nlp = spacy.blank(lang)
            nlp.add_pipe("sentencizer")
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            for company_id, texts in by_company.items():
                matcher.add(company_id, list(nlp.tokenizer.pipe(texts)))
            self.pipelines[lang] = (nlp, matcher)

    @staticmethod
    def language(lang: str | None) -> str:
        """The spaCy language used for a detected language."""
        return lang if lang in LANGUAGES else FALLBACK_LANGUAGE

    def mentions(self, texts: list[str], languages: list[str | None]) -> list[list[list[Any]]]:
        """Per text: [start, end, company_id, surface, sentence length] of each mention."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        found: list[list[list[Any]]] = [[] for _ in texts]
        groups: dict[str, list[int]] = {}
        for index, lang in enumerate(languages):
            groups.setdefault(self.language(lang), []).append(index)
        for lang, indexes in groups.items():
            nlp, matcher = self.pipelines[lang]
            docs = nlp.pipe((texts[i] for i in indexes), batch_size=PIPE_BATCH)
            for index, doc in zip(indexes, docs, strict=True):
                spans = [Span(doc, s, e, label=key) for key, s, e in matcher(doc)]
                for span in filter_spans(spans):
                    found[index].append(
                        [
                            span.start_char,
                            span.end_char,
                            span.label_,
                            span.text,
                            len(span.sent.text),
                        ]
                    )
        return found


def _overlaps(span: list[Any], others: list[list[Any]]) -> list[Any] | None:
    """The first of ``others`` whose character span overlaps ``span``."""
    for other in others:
        if span[0] < other[1] and other[0] < span[1]:
            return other
    return None


def compare(
    ours: list[dict[str, Any]], spacy_found: list[list[list[Any]]], names: list[NameEntry]
) -> dict[str, Any]:
    """Company-mention overlap of the extractor and the spaCy baseline on the same texts."""
    exact = {n.text for n in names}
    sensitive_lower = {n.text.lower() for n in names if n.case_sensitive}
    docs_ours = docs_spacy = docs_both = 0
    ours_total = spacy_total = spacy_found_by_ours = ours_found_by_spacy = same_company = 0
    spacy_exact = spacy_exact_found = discovered = 0
    only_spacy: Counter[str] = Counter()
    only_ours: Counter[str] = Counter()
    for doc, theirs in zip(ours, spacy_found, strict=False):
        reference = [m for m in doc["mentions"] if m[3] in COMPANY_METHODS]
        discovered += len(doc["mentions"]) - len(reference)
        docs_ours += bool(reference)
        docs_spacy += bool(theirs)
        docs_both += bool(reference) and bool(theirs)
        ours_total += len(reference)
        spacy_total += len(theirs)
        for mention in theirs:
            match = _overlaps(mention, reference)
            # A name found only by lower-casing a case-sensitive alias ("Smart", "SEAT"...).
            case_exact = mention[3] in exact or mention[3].lower() not in sensitive_lower
            spacy_exact += case_exact
            if match is None:
                only_spacy[mention[3]] += 1
                continue
            spacy_found_by_ours += 1
            spacy_exact_found += case_exact
            same_company += match[2] == mention[2]
        for mention in reference:
            if _overlaps(mention, theirs) is not None:
                ours_found_by_spacy += 1
            else:
                only_ours[mention[4]] += 1
    return {
        "documents": min(len(ours), len(spacy_found)),
        "documents_with_mentions": {"ours": docs_ours, "spacy": docs_spacy, "both": docs_both},
        "mentions": {
            "ours": ours_total,
            "spacy": spacy_total,
            "spacy_found_by_ours": spacy_found_by_ours,
            "ours_found_by_spacy": ours_found_by_spacy,
            "same_company": same_company,
            "ours_discovered": discovered,
        },
        "share_of_spacy_found_by_ours": _share(spacy_found_by_ours, spacy_total),
        "share_of_ours_found_by_spacy": _share(ours_found_by_spacy, ours_total),
        "share_of_case_exact_spacy_found_by_ours": _share(spacy_exact_found, spacy_exact),
        "top_only_spacy": only_spacy.most_common(15),
        "top_only_ours": only_ours.most_common(15),
    }


def _share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide."""
    return round(part / whole, 4) if whole else None
