"""Company mentions: dictionary matching of names and aliases (brands too), then discovery.

Products (reference_products.csv) are never companies and are not recorded as mentions:
their names only keep discovery from turning a product into a company, and a company name
used as part of a product (`Xiaomi SU7`, `Porsche 911`, `Apple-branded`) is recorded as a
mention of the company flagged `product_use`, which keeps it out of purchases, stakes and
sales figures.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from wordfreq import zipf_frequency

from flows.extract.constants import (
    ACRONYM_MAX_LEN,
    AMBIGUOUS_NAME_DOMAINS,
    AMBIGUOUS_NAMES,
    APOSTROPHES,
    COMPOUND_CONTEXT_HEADS,
    DISCOVERY_COMMON_ZIPF,
    DISCOVERY_CONTEXT_WORDS,
    DISCOVERY_HYPHEN_FORMS,
    DISCOVERY_LEADING_WORDS,
    DISCOVERY_MAX_REPEATED_NAMES,
    DISCOVERY_MAX_SEARCHED_WORDS,
    DISCOVERY_MAX_TOKENS,
    DISCOVERY_RARE_ZIPF,
    DISCOVERY_STOPWORDS,
    DOMAIN_CUE_PATTERN,
    FIRST_NAMES,
    FOUNDER_FIRST_NAMES,
    GENERIC_NAME_WORDS,
    GERMAN_ADJECTIVE_SUFFIXES,
    GERMAN_NOUN_SUFFIXES,
    HANDLE_SUFFIXES,
    HYPHENS,
    MEDIA_CITATION_PATTERN,
    MEDIA_CITATION_WINDOW,
    MEDIA_SECTOR,
    MODEL_DESIGNATION_PATTERN,
    MONTH_NAMES,
    ORIGIN_ADJECTIVE_SUFFIXES,
    ORIGIN_ADJECTIVE_ZIPF,
    PLATFORM_BRANDS,
    PRODUCT_COMPOUND_PATTERN,
    REFERENCE_COMPOUND_MIN_LEN,
    REFERENCE_COMPOUND_TAILS,
    RIVAL_COMPOUND_PATTERN,
    WEEKDAY_PREFIXES,
)
from flows.extract.gate import opening_search, scan
from flows.extract.reference import Name, Reference
from flows.extract.text import Spans, fold, fold_name
from flows.extract.vocabulary import (
    legal_forms,
    marker_alternation,
    trigger_matcher,
    trigger_prefilter,
)

METHOD_RANK = {"alias": 0, "product": 1}
_HYPHEN_TABLE = str.maketrans({h: " " for h in HYPHENS})
_LEGAL_ALT = "|".join(re.escape(s) for s in sorted(legal_forms("tail"), key=len, reverse=True))
# A legal form or group word right after a name belongs to the mention.
_LEGAL_TAIL_RE = re.compile(rf"(?:[ \t]|[{re.escape(HYPHENS)}]|,[ \t])(?:{_LEGAL_ALT})(?![\w])")
# Names stripped of these for the derived short form and for discovered ids.
_STRIP_FORMS = legal_forms("strip")
_STRIP_RE = re.compile(
    r"(?:[\s,-]+(?:"
    + "|".join(re.escape(s) for s in sorted(_STRIP_FORMS, key=len, reverse=True))
    + r")\.?)+$",
    re.I,
)
# A name token: capitalised (`Bosch`, `Co-op`), a short abbreviation with its period
# (`Warner Bros.`), or a web domain (`finanzen.net`).
_ABBREVIATION_TOKEN = r"(?:Bros|Co|Corp|Inc|Int|Intl|Dr|St|Ing)\."
_DOMAIN_TOKEN = r"[a-z][\w-]*\.(?:de|com|net|org|eu|io|ai|at|ch|nl|it|co\.uk)"
_NAME_TOKEN = (
    rf"(?:{_ABBREVIATION_TOKEN}|{_DOMAIN_TOKEN}(?![\w.])"
    r"|[A-ZÄÖÜ0-9][\w&.'’+-]*[\w&+]|[A-ZÄÖÜ])"
)
_WEB_DOMAIN_RE = re.compile(_DOMAIN_TOKEN)
# Discovery looks for the cheap anchor first (a legal form, a context word) and reads the
# name next to it; one regex over the whole text with the name in front backtracks badly.
_COMPOUND_HEADS = COMPOUND_CONTEXT_HEADS
_COMPOUND_HEAD_ENDINGS = tuple(e for head in _COMPOUND_HEADS for e in (head, f"{head}s"))


_Anchor = tuple[str, str, tuple[str, ...], tuple[str, ...]]  # key, kind, languages, forms
# Characters `fold` writes for others (hyphens become spaces, apostrophes one apostrophe).
_FOLDED_CHARS = frozenset(HYPHENS + APOSTROPHES + " '")


@lru_cache(maxsize=1)
def _anchor_automaton() -> ahocorasick.Automaton:
    """One automaton over every legal form and context word, built once per process."""
    automaton = ahocorasick.Automaton()
    for key, payload in _anchor_payloads().items():
        automaton.add_word(key, payload)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _anchor_payloads() -> dict[str, _Anchor]:
    """Every legal form, context word, hyphen form and compound head, by folded key."""
    anchors: dict[str, _Anchor] = {}
    for form in legal_forms("discovery"):
        key = fold_name(form)
        old = anchors.get(key)
        anchors[key] = (key, "legal", (), (*old[3], form) if old else (form,))
    for lang, words in DISCOVERY_CONTEXT_WORDS.items():
        for word in words:
            key = fold_name(word)
            old = anchors.get(key)
            if old and old[1] == "legal":
                continue
            langs = (*old[2], lang) if old else (lang,)
            forms = (*old[3], word) if old else (word,)
            anchors[key] = (key, "context", langs, forms)
    for form in DISCOVERY_HYPHEN_FORMS:
        key = fold_name(form)
        if key not in anchors:
            anchors[key] = (key, "hyphen", (), (form,))
    for head in _COMPOUND_HEADS:
        anchors.setdefault(head, (head, "compound", ("de", "nl", "en"), (head,)))
    return anchors


_NAME_RUN_BEFORE_RE = re.compile(
    rf"(?:(?<=[\s(„“\"'])|^)(?:{_NAME_TOKEN}|&)(?:[ \t]+(?:{_NAME_TOKEN}|&))"
    rf"{{0,{DISCOVERY_MAX_TOKENS - 1}}}[ \t]+$"
)
_NAME_RUN_AFTER_RE = re.compile(
    rf"[ \t]+(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,{DISCOVERY_MAX_TOKENS - 1}}})"
)
_LEGAL_WINDOW = 80
_WORD_CHARS_RE = re.compile(r"\w+")
_FREE_WORD_RE = re.compile(r"(?<![\w-])\w+")
_MODEL_RE = re.compile(MODEL_DESIGNATION_PATTERN)
_CAPITALISED_NEXT_RE = re.compile(r"[ \t]+([A-ZÄÖÜ][a-zäöü]\w*)")
_COMPANY_WORD_PREFIXES = ("auto", "motor", "group", "gruppe", "europe", "holding")
_PRODUCT_COMPOUND_RE = re.compile(PRODUCT_COMPOUND_PATTERN, re.I)
_FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w-])([A-Z][a-zé]+)[ \t]$")
_DOMAIN_RE = re.compile(rf"(?<![\w])(?:{DOMAIN_CUE_PATTERN})\w*", re.I)
_NAME_DOMAINS = {
    name: re.compile(rf"(?<![\w])(?:{pattern})", re.I)
    for name, pattern in AMBIGUOUS_NAME_DOMAINS.items()
}
_MODIFIER_RE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w&.]*[\w&]$")
_CONTEXT_WORDS = frozenset(w.lower() for ws in DISCOVERY_CONTEXT_WORDS.values() for w in ws)
_CAMEL_RE = re.compile(r"[a-zäöü][A-Z]|^[A-Z0-9]{2,}$|\d")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_TRANSLITERATION = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
_WORD_TAIL_RE = re.compile(r"\w+")
_ADJECTIVE_HEAD_RE = re.compile(r"^([A-ZÄÖÜ]\w*(?:sch|al|er))e[ ]")
_CITATION_RE = re.compile(MEDIA_CITATION_PATTERN, re.I)
_RIVAL_COMPOUND_RE = re.compile(RIVAL_COMPOUND_PATTERN, re.I)
_HANDLE_RE = re.compile(r"(?<![\w@#/])[@#]([A-Za-z][A-Za-z0-9_]{1,29})(?![\w@])")
# Words of a handle: capital runs, capitalised words, lower-case runs, digits; a capital
# run before lower case is read both ways (`DHLPaket` DHL+Paket, `IBMfeuert` IBM+feuert).
_HANDLE_PART_RES = (
    re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+"),
    re.compile(r"[A-Z]{2,}|[A-Z]?[a-z]+|\d+"),
)
_MONTHS = frozenset(name for names in MONTH_NAMES.values() for name in names)
# The object of a relation word (`Vereinbarung mit Zorvatek`, `controllata dai soci
# Quendrix e Morlavi Capital`): a preposition, a few lower-case words, then names listed.
_OBJECT_NAME = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,{DISCOVERY_MAX_TOKENS - 1}}}"
# A sale names its buyer after `an`/`to` a few words on (`verkauft … an`, `passa a`).
_SOLD_TO_RE = re.compile(r"(?:\s+\S+){0,8}?(?=\s+(?:an|aan|to|a|al|alla|ad)\s)")
# A name of several words in the object slot needs one word that is no common word there.
_OBJECT_RARE_ZIPF = 3.0
# How far before its preposition a relation word is looked for.
_RELATION_WINDOW = 80
# A lower-case letter followed by a capital inside a word (`NexaDrive`): a coined name.
_MIXED_CASE_RE = re.compile(r"[a-zäöü][A-Z]")
# German and Dutch glue nouns together: two common words make a noun, not a name.
_COMPOUNDING_LANGUAGES = ("de", "nl")
_COMPOUND_PART_ZIPF = 3.0
_COMPOUND_MIN_HEAD = 3
_COMPOUND_MIN_TAIL = 4
# Discovery weighs single words against the language's word frequencies (wordfreq's
# lists, offline): a rare capitalised word is a name, a common one is a noun.
_WORDFREQ_LANGUAGES = frozenset({"de", "nl", "en", "it"})


@dataclass(frozen=True, slots=True)
class Match:
    """One company mention found in a text."""

    start: int
    end: int
    company_id: str
    company_name: str
    method: str  # alias | product | discovered
    is_reference: bool = True
    # The name stands for a product here (`Porsche 911`, inside `Xiaomi SU7`): it is still a
    # mention of the company but takes no part in partnerships or sales figures.
    product_use: bool = False
    # Named, but no party to partnerships or sales figures: a media outlet cited as the
    # source (`so die FAZ`), a platform used as a channel (`auf LinkedIn`), or the company
    # a rival is measured against (`Spotify-Konkurrent`).
    passive: bool = False


def strip_legal(name: str) -> str:
    """A name without trailing legal forms and group words (`Alibaba Group` -> `Alibaba`)."""
    return _STRIP_RE.sub("", name).strip()


def slug(name: str) -> str:
    """A lower-case ASCII slug of a name (`Škoda Auto` -> `skoda-auto`)."""
    folded = fold(name).replace("&", " and ")
    for umlaut, plain in _TRANSLITERATION.items():
        folded = folded.replace(umlaut, plain)
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _SLUG_RE.sub("-", ascii_text).strip("-")


def _is_acronym(name: str) -> bool:
    """A short all-capitals alias such as `MAN` or `VW`."""
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= ACRONYM_MAX_LEN and all(c.isupper() for c in letters)


class CompanyMatcher:
    """An Aho-Corasick automaton over every reference name, built once per reference."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        entries: dict[str, list[Name]] = {}
        for name in reference.names:
            key = fold_name(name.text)
            if len(key) >= 2:
                entries.setdefault(key, []).append(name)
        # German declines a leading adjective: `der Deutschen Bahn`, `der Süddeutschen Zeitung`.
        for name in list(reference.names):
            declined = _ADJECTIVE_HEAD_RE.sub(r"\1en ", name.text, count=1)
            key = fold_name(declined)
            if declined != name.text and key not in entries:
                entries[key] = [Name(declined, name.company_id, name.method, name.case_sensitive)]
        # Short forms without legal suffixes, unless another name already uses them.
        for name in list(reference.names):
            if name.method == "product":
                continue
            short = strip_legal(name.text)
            key = fold_name(short)
            if (
                short != name.text
                and len(key) >= 3
                and key not in entries
                and key not in GENERIC_NAME_WORDS
                and key not in DISCOVERY_STOPWORDS
            ):
                entries[key] = [Name(short, name.company_id, name.method, name.case_sensitive)]
        self.automaton = ahocorasick.Automaton()
        for key, names in entries.items():
            names.sort(key=lambda n: (METHOD_RANK[n.method], n.company_id))
            self.automaton.add_word(key, (key, tuple(names)))
        self.automaton.make_automaton()
        # The names, discovery's anchors and the relation stems in one automaton: one pass
        # over a folded text finds them all. Only stems that folding leaves alone (no space,
        # hyphen or apostrophe) are in it: found in the folded text, they stand in the
        # lowered text the prefilter reads.
        anchors = _anchor_payloads()
        stems = {
            stem
            for stem in trigger_prefilter().stem_words
            if not any(c in _FOLDED_CHARS for c in stem)
        }
        self._with_anchors = ahocorasick.Automaton()
        for key in {*entries, *anchors, *stems}:
            names = entries.get(key)
            entry = (key, tuple(names)) if names else None
            self._with_anchors.add_word(key, (entry, anchors.get(key), key in stems))
        self._with_anchors.make_automaton()
        # Discovery never turns a listed name or product into a new company.
        self.stop_keys = frozenset(entries)

    def _surface_ok(self, surface: str, name: Name) -> bool:
        """Case rules: exact for case-sensitive aliases and acronyms, capital for names."""
        if name.case_sensitive or _is_acronym(name.text):
            return surface.translate(_HYPHEN_TABLE) == name.text.translate(_HYPHEN_TABLE)
        if name.text[:1].isupper() or name.text[:1].isdigit():
            return not surface[:1].islower()
        return True

    def candidates(self, text: str, folded: str) -> list[tuple[int, int, Name, bool]]:
        """Every dictionary hit on word boundaries: start, end, name, inflected."""
        return self.scan(text, folded)[0]

    def scan(
        self, text: str, folded: str
    ) -> tuple[list[tuple[int, int, Name, bool]], list[tuple[int, _Anchor]], bool]:
        """The dictionary hits (as `candidates`), the anchors of discovery standing in a
        text (as the anchor automaton reports them) and whether a relation stem stands in it
        (True: the trigger prefilter is true on the text), from one pass."""
        hits, anchors, relation, _ = self.scan_within(text, folded, None)
        return hits, anchors, relation

    def scan_within(
        self, text: str, folded: str, limit: int | None
    ) -> tuple[list[tuple[int, int, Name, bool]], list[tuple[int, _Anchor]], bool, int]:
        """As `scan`, stopping where the ``limit``-th dictionary hit (word parts included)
        begins; also where it stopped (the text's length when it did not)."""
        out: list[tuple[int, int, Name, bool]] = []
        anchors: list[tuple[int, _Anchor]] = []
        relation = False
        size = len(folded)
        seen = 0
        for end_index, (entry, anchor, stem) in self._with_anchors.iter(folded):
            relation = relation or stem
            if anchor is not None:
                anchors.append((end_index, anchor))
            if entry is None:
                continue
            key, names = entry
            start = end_index - len(key) + 1
            seen += 1
            if limit is not None and seen >= limit:
                return out, anchors, relation, start
            end = end_index + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            inflected = False
            if end < size and folded[end].isalnum():
                # Genitive and plural: `Volkswagens`, `BYDs`, `Teslas`.
                if key in AMBIGUOUS_NAMES:
                    continue
                if folded[end] != "s" or (end + 1 < size and folded[end + 1].isalnum()):
                    if not self._compound_tail(folded, key, end):
                        continue
                else:
                    inflected = True
            surface = text[start:end]
            for name in names:
                if self._surface_ok(surface, name):
                    out.append((start, end + inflected, name, inflected))
                    break
        return out, anchors, relation, size

    @staticmethod
    def _compound_tail(folded: str, key: str, end: int) -> bool:
        """A listed name glued to a company noun (`Boschwerk`, `Teslachef`)."""
        tail = _WORD_TAIL_RE.match(folded, end)
        return (
            tail is not None
            and tail.group(0) in REFERENCE_COMPOUND_TAILS
            and sum(c.isalpha() for c in key) >= REFERENCE_COMPOUND_MIN_LEN
        )

    def find(
        self,
        text: str,
        folded: str | None = None,
        hits: list[tuple[int, int, Name, bool]] | None = None,
    ) -> tuple[list[Match], list[tuple[int, int]]]:
        """Reference mentions (longest match wins) and the spans of product names."""
        folded = fold(text) if folded is None else folded
        hits = self.candidates(text, folded) if hits is None else hits
        products = [(h[0], h[1]) for h in hits if h[2].method == "product"]
        chosen: list[tuple[int, int, Name, bool]] = []
        taken = Spans(len(text))
        for hit in sorted(
            (h for h in hits if h[2].method != "product"), key=lambda h: (h[0] - h[1], h[0])
        ):
            start, end = hit[0], hit[1]
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            chosen.append(hit)
        matches = []
        inside_product = _Containment(products)
        product_starts = {s for s, _ in products}
        ambiguity = _Ambiguity(text, chosen)
        for start, end, name, inflected in sorted(chosen, key=lambda h: h[0]):
            key = fold_name(text[start : end - inflected])
            if key in AMBIGUOUS_NAMES and not self._ambiguous_ok(text, end, name, ambiguity):
                continue
            if _is_person(text, start, end):
                continue
            if not inflected:
                end = self._legal_tail(text, end, taken)
            company = self.reference.companies[name.company_id]
            product_use = (
                bool(_MODEL_RE.match(text, end) or _PRODUCT_COMPOUND_RE.match(text, end))
                or inside_product.holds(start, end)
                or end in product_starts  # `Tesla Model Y`
                or end + 1 in product_starts
            )
            matches.append(
                Match(
                    start,
                    end,
                    company.company_id,
                    company.company_name,
                    name.method,
                    product_use=product_use,
                    passive=_passive(text, start, end, company.sector, name),
                )
            )
        matches.extend(self._handles(text, matches))
        matches.sort(key=lambda m: m.start)
        return matches, products

    def product_stand_ins(
        self,
        text: str,
        folded: str | None = None,
        candidates: list[tuple[int, int, Name, bool]] | None = None,
    ) -> list[Match]:
        """Product names (`Doubao`, `ERNIE Bot`) as stand-ins for their makers.

        They are no mentions; they let a company that integrates another company's product
        ("integriert Doubao") cooperate with its maker. A product whose maker is named next
        to it (`DeepSeek-R1`, `Baidus ERNIE Bot`) is already that maker's mention.
        """
        folded = fold(text) if folded is None else folded
        candidates = self.candidates(text, folded) if candidates is None else candidates
        hits = sorted(
            (h for h in candidates if h[2].method == "product"), key=lambda h: (h[0] - h[1], h[0])
        )
        named = Spans(len(text))
        for h in candidates:
            if h[2].method != "product":
                named.add(h[0], h[1])
        taken = Spans(len(text))
        out: list[Match] = []
        for start, end, name, _ in hits:
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            # A name that overlaps the product or touches it, a character between them at most.
            if named.overlaps(max(0, start - 2), end + 1):
                continue
            company = self.reference.companies[name.company_id]
            out.append(
                Match(
                    start,
                    end,
                    company.company_id,
                    company.company_name,
                    "product",
                    product_use=True,
                )
            )
        return sorted(out, key=lambda m: m.start)

    def _handles(self, text: str, matches: list[Match]) -> list[Match]:
        """Listed companies behind social-media handles and hashtags (`@faznet`, `#IBMfeuert`)."""
        found: list[Match] = []
        if "@" not in text and "#" not in text:
            return found
        taken = Spans(len(text))
        for match in matches:
            taken.add(match.start, match.end)
        for handle in _HANDLE_RE.finditer(text):
            start, end = handle.span()
            if taken.overlaps(start, end):
                continue
            for key in _handle_keys(handle.group(1)):
                entry = self.automaton.get(key, None)
                names = [n for n in entry[1] if n.method != "product"] if entry else []
                if names and key not in AMBIGUOUS_NAMES:
                    company = self.reference.companies[names[0].company_id]
                    found.append(
                        Match(
                            start,
                            end,
                            company.company_id,
                            company.company_name,
                            names[0].method,
                            passive=company.sector == MEDIA_SECTOR,
                        )
                    )
                    break
        return found

    def _ambiguous_ok(self, text: str, end: int, name: Name, ambiguity: _Ambiguity) -> bool:
        """An everyday-word name counts only outside compounds and in car news or with its owner."""
        if end < len(text) and text[end] in HYPHENS:
            return False
        following = _CAPITALISED_NEXT_RE.match(text, end)
        if following and not following.group(1).lower().startswith(_COMPANY_WORD_PREFIXES):
            return False  # `Smart Cockpit`, `Mini Cooper`: an adjective before a noun
        domain = _NAME_DOMAINS.get(fold_name(name.text))
        if domain is not None:
            return ambiguity.search(domain)
        return name.company_id in ambiguity.owners() or ambiguity.search(_DOMAIN_RE)

    @staticmethod
    def _legal_tail(text: str, end: int, taken: Spans) -> int:
        """Extend a mention over a following legal form (`Brenntag AG`, `Renault-Gruppe`)."""
        tail = _LEGAL_TAIL_RE.match(text, end)
        if not tail:
            return end
        # Another name starting within the tail (taken spans never overlap the mention's own).
        if taken.overlaps(end, tail.end()):
            return end
        return tail.end()


class _Containment:
    """Whether one of a set of spans holds a span, by bisection on the sorted spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def holds(self, start: int, end: int) -> bool:
        """Whether a span starting at or before `start` ends at or after `end`."""
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.reach[index] >= end


class _Ambiguity:
    """What the everyday-word names of one text are checked against, each read once: the
    companies named by an unambiguous name and the cue patterns found in the text."""

    def __init__(self, text: str, chosen: list[tuple[int, int, Name, bool]]) -> None:
        self.text = text
        self.chosen = chosen
        self._owners: set[str] | None = None
        self._found: dict[re.Pattern[str], bool] = {}

    def owners(self) -> set[str]:
        """Companies named in the text by a name that is no everyday word."""
        if self._owners is None:
            self._owners = {
                other.company_id
                for s, e, other, infl in self.chosen
                if fold_name(self.text[s : e - infl]) not in AMBIGUOUS_NAMES
            }
        return self._owners

    def search(self, pattern: re.Pattern[str]) -> bool:
        """Whether the pattern occurs in the text."""
        if pattern not in self._found:
            self._found[pattern] = pattern.search(self.text) is not None
        return self._found[pattern]


def _is_person(text: str, start: int, end: int) -> bool:
    """A family name that is also a company, after a first name: `Ferdinand Porsche`."""
    before = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 20), start)
    if before is None or before.group(1) not in FOUNDER_FIRST_NAMES:
        return False
    return not _LEGAL_TAIL_RE.match(text, end)  # `Robert Bosch GmbH` is the company


def _handle_keys(handle: str) -> list[str]:
    """Names a handle may stand for, longest first: `SPIEGELONLINE` -> `spiegel online`."""
    low = handle.lower()
    keys = [low.replace("_", " ")]
    for pattern in _HANDLE_PART_RES:
        parts = [p.lower() for chunk in handle.split("_") for p in pattern.findall(chunk)]
        for count in range(len(parts), 0, -1):
            keys += [" ".join(parts[:count]), "".join(parts[:count])]
    for suffix in HANDLE_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            keys += [f"{low[: -len(suffix)]} {suffix}", low[: -len(suffix)].rstrip("_")]
    short_ok = handle[:2].isupper()  # `@DB_Bahn`: a capital acronym may be two letters
    return [k for k in dict.fromkeys(keys) if len(k) >= 3 or (short_ok and len(k) == 2)]


def _passive(text: str, start: int, end: int, sector: str | None, name: Name) -> bool:
    """Whether a mention names a source, a channel or a yardstick rather than a party."""
    if fold_name(name.text) in PLATFORM_BRANDS:
        return True
    if _RIVAL_COMPOUND_RE.match(text, end):
        return True
    return sector == MEDIA_SECTOR and _cited(text, start, end)


def _cited(text: str, start: int, end: int) -> bool:
    """Whether a media outlet stands as the source of the news (`so die FAZ`, `(dpa)`)."""
    # Line breaks are looked for within the window only (a search to the line's ends made
    # a long line with many mentions quadratic).
    line_start = text.rfind("\n", max(0, start - MEDIA_CITATION_WINDOW), start) + 1
    line_end = text.find("\n", end, end + MEDIA_CITATION_WINDOW)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - MEDIA_CITATION_WINDOW) : start]
    after = text[end : min(line_end, end + MEDIA_CITATION_WINDOW)]
    if before.rstrip().endswith(("(", "©", ":", "/")) or after.lstrip().startswith((")", "/")):
        return True
    return bool(_CITATION_RE.search(before) or _CITATION_RE.search(after))


@lru_cache(maxsize=65536)
def word_zipf(word: str, language: str | None) -> float:
    """How common a word is in a language, on the Zipf scale (0 unknown, 7 `the`)."""
    if language not in _WORDFREQ_LANGUAGES:
        return 0.0
    return zipf_frequency(word, language)


def _clean_candidate(tokens: list[str], language: str | None = None) -> list[str]:
    """Drop leading function words, context nouns and adjectives of origin (`Finse`,
    `Swedish`) from a discovered name."""
    while tokens and (
        tokens[0].lower().strip(".,") in DISCOVERY_LEADING_WORDS
        or tokens[0].lower().rstrip("s") in _CONTEXT_WORDS
        or _is_compound_head(tokens[0].lower())
        or (len(tokens) > 1 and _is_origin_adjective(tokens[0], language))
    ):
        tokens = tokens[1:]
    return tokens


def _is_origin_adjective(token: str, language: str | None) -> bool:
    """A common adjective of origin in a language (`Finse`, `Britse`, `Swedish`, `svedese`)."""
    low = token.lower()
    langs = ORIGIN_ADJECTIVE_SUFFIXES if language is None else (language,)
    return any(
        low.endswith(ORIGIN_ADJECTIVE_SUFFIXES.get(lang, ()))
        and word_zipf(low, lang) >= ORIGIN_ADJECTIVE_ZIPF
        for lang in langs
    )


def _is_compound_head(word: str) -> bool:
    """A compound ending in a context noun (`Flugzeugbauer`, `Autokonzerns`), not the noun."""
    if not word.endswith(_COMPOUND_HEAD_ENDINGS):
        return False  # one C call settles the words that end in no head at all
    return any(
        word.endswith(ending) and len(word) > len(ending)
        for head in _COMPOUND_HEADS
        for ending in (head, f"{head}s")
    )


def _is_non_name(token: str, language: str | None, alone: bool) -> bool:
    """A token that cannot start a company name (a person's first name, a weekday), or be one."""
    low = token.lower().strip(".,")
    if alone and (low in DISCOVERY_STOPWORDS or low.rstrip("s") in DISCOVERY_STOPWORDS):
        return True
    if low in FIRST_NAMES or low.startswith(WEEKDAY_PREFIXES):
        return True
    return language == "de" and low.endswith(GERMAN_ADJECTIVE_SUFFIXES)


def _plausible(name: str, text: str, language: str | None, legal: bool) -> bool:
    """Whether a discovered name can be a company: no stop word, place, person or noun."""
    tokens = name.split()
    if tokens and _WEB_DOMAIN_RE.fullmatch(tokens[0]):
        return True
    if not tokens or not tokens[0][:1].isupper() and not tokens[0][:1].isdigit():
        return False
    if len(name) < 2 or name.isdigit() or _is_non_name(tokens[0], language, len(tokens) == 1):
        return False
    if all(t.lower().strip(".,") in DISCOVERY_STOPWORDS for t in tokens):
        return False
    if all(t.lower().strip(".,") in GENERIC_NAME_WORDS for t in tokens):
        return False
    if len(tokens) > 1:
        return True
    word = tokens[0]
    low = word.lower()
    if _CAMEL_RE.search(word):
        return True
    if language == "de" and low.endswith(GERMAN_NOUN_SUFFIXES):
        return False
    if legal:
        return True
    if _occurrences(low, text):
        return False  # also written in lower case: a common word, not a name
    zipf = word_zipf(low, language)
    if zipf >= DISCOVERY_COMMON_ZIPF:
        return False  # an everyday word (`Kunden`), whatever its case
    if zipf < DISCOVERY_RARE_ZIPF and word_zipf(low, "en") < DISCOVERY_RARE_ZIPF:
        return True  # a rare word next to a company cue (`Eventagentur Zappzoom`)
    # German capitalises every noun: a lone word counts only when named again.
    return language != "de" or _occurrences(word, text) >= 2


def _occurrences(word: str, text: str) -> int:
    """How often a word stands on its own in a text (case-sensitive; no hyphen before it).

    A word of letters and digits is counted in the text's word index, built once per text;
    only other words are searched for, each once and at most `DISCOVERY_MAX_SEARCHED_WORDS`
    per text (a search per candidate made long texts quadratic).
    """
    words, searched = _word_index(text)
    if _WORD_CHARS_RE.fullmatch(word):
        return words[word]
    if word not in searched:
        if len(searched) >= DISCOVERY_MAX_SEARCHED_WORDS:
            return 0
        searched[word] = len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w])", text))
    return searched[word]


@lru_cache(maxsize=1)
def _word_index(text: str) -> tuple[Counter[str], dict[str, int]]:
    """The words of a text that no hyphen joins to a word before them, counted, and the
    counts of other words searched for so far (the last text's only)."""
    return Counter(_FREE_WORD_RE.findall(text)), {}


def _common_word(name: str, language: str | None) -> bool:
    """A single everyday word in lower or title case, which `_object_plausible` refuses."""
    tokens = name.rstrip(".,;:").split()
    if len(tokens) != 1 or _MIXED_CASE_RE.search(tokens[0]):
        return False
    low = tokens[0].lower()
    return (
        word_zipf(low, language or "en") >= DISCOVERY_RARE_ZIPF
        or word_zipf(low, "en") >= DISCOVERY_RARE_ZIPF
    )


def _object_plausible(name: str, text: str, language: str | None) -> bool:
    """Whether a name in the object slot of a relation word is a company: no first name,
    month or everyday word; one word only when rare or written in mixed case (`NexaDrive`),
    several words when one of them is no common word of the language (`Morlavi Capital`)."""
    tokens = name.rstrip(".,;:").split()
    if not tokens or _is_non_name(tokens[0], language, len(tokens) == 1):
        return False
    if any(t.lower() in _MONTHS or t.lower() in FIRST_NAMES for t in tokens):
        return False
    lang = language or "en"
    if len(tokens) > 1:
        return any(word_zipf(t.lower(), lang) < _OBJECT_RARE_ZIPF for t in tokens)
    word = tokens[0]
    if re.search(rf"[{re.escape(HYPHENS)}][a-zäöü]", word):
        return False  # `LFP-cellen`: a noun compound
    if _MIXED_CASE_RE.search(word):
        return True
    low = word.lower()
    if word_zipf(low, lang) >= DISCOVERY_RARE_ZIPF or word_zipf(low, "en") >= DISCOVERY_RARE_ZIPF:
        return False
    return not _is_compound_noun(low, lang) and not _occurrences(low, text)


def _is_compound_noun(word: str, language: str) -> bool:
    """A German or Dutch compound of two common words (`Rundzellen`), not a name."""
    if language not in _COMPOUNDING_LANGUAGES:
        return False
    return any(
        word_zipf(word[:cut], language) >= _COMPOUND_PART_ZIPF
        and word_zipf(word[cut:], language) >= _COMPOUND_PART_ZIPF
        for cut in range(_COMPOUND_MIN_HEAD, len(word) - _COMPOUND_MIN_TAIL + 1)
    )


class Discoverer:
    """Finds companies that are not on the reference list, by legal form or context word."""

    def __init__(self, language: str | None) -> None:
        self.language = language
        self.context_langs = None if language is None else (language, "en")
        coordination = marker_alternation("coordination", language)
        self._slot_re = re.compile(
            rf"(?<![\w])(?:{marker_alternation('object_slot', language)})"
            r"(?:[a-zäöüß][\w-]*[ \t]+){0,2}?(?=[A-ZÄÖÜ0-9])"
        )
        # Slots are read only where one of their prepositions stands (`mit`, `to`).
        self._slot_opening = opening_search(self._slot_re)
        self._object_name_re = re.compile(_OBJECT_NAME)
        self._object_list_re = re.compile(rf"[ \t]*,[ \t]*|[ \t]+(?:{coordination})[ \t]+")

    def _anchors(
        self, text: str, folded: str, hits: list[tuple[int, _Anchor]] | None = None
    ) -> list[tuple[int, int, str]]:
        """Legal forms and context words standing in a text: (start, end, kind); `hits` are
        the anchor automaton's hits in the folded text when they are already known."""
        out: list[tuple[int, int, str]] = []
        size = len(folded)
        found = _anchor_automaton().iter(folded) if hits is None else hits
        for end_index, (key, kind, langs, forms) in found:
            start, end = end_index - len(key) + 1, end_index + 1
            if end < size and folded[end].isalnum():
                continue
            if (
                start > 0
                and text[start - 1] in HYPHENS
                and text[start:end] in DISCOVERY_HYPHEN_FORMS
            ):
                out.append((start, end, "hyphen"))
                continue
            if kind == "hyphen":
                continue
            if kind == "compound" or (
                # A context word that is also a compound head (`Bremsenhersteller`).
                key in _COMPOUND_HEADS and start > 0 and folded[start - 1].isalpha()
            ):
                # Only as the head of a compound (`Flugzeugbauer`, `Softwareriese`).
                if start > 0 and folded[start - 1].isalpha():
                    out.append((start, end, "context"))
                continue
            if start > 0 and folded[start - 1].isalnum():
                continue
            surface = text[start:end]
            if kind == "legal":
                if surface in forms:
                    out.append((start, end, kind))
            elif (self.context_langs is None or set(langs) & set(self.context_langs)) and (
                # German context words are nouns: capitalised, exactly as listed.
                "de" not in langs or surface in forms or len(langs) > 1
            ):
                out.append((start, end, kind))
        return out

    def find(
        self,
        text: str,
        blocked: list[tuple[int, int]],
        stop_keys: frozenset[str],
        folded: str | None = None,
        anchor_hits: list[tuple[int, _Anchor]] | None = None,
        relation: bool = False,
    ) -> list[Match]:
        """Discovered company mentions that do not overlap blocked spans (`anchor_hits`: the
        anchors in `folded`, and `relation`: whether a relation stem stands in it, from
        `CompanyMatcher.scan`)."""
        found: list[Match] = []
        spans = Spans(len(text), indexed=True)
        for s_blocked, e_blocked in blocked:
            spans.add(s_blocked, e_blocked)

        def add(start: int, end: int, legal: bool) -> None:
            # A candidate that begins inside a taken span begins after it.
            for s_blocked, e_blocked in spans.crossing(start, end):
                if s_blocked <= start < e_blocked < end:
                    start = e_blocked
            tokens = text[start:end].split()
            cleaned = _clean_candidate(tokens, self.language)
            if not cleaned:
                return
            start = start + text[start:end].index(cleaned[0])
            name = text[start:end].rstrip(".,;:")
            end = start + len(name)
            if fold_name(name) in stop_keys or fold_name(strip_legal(name)) in stop_keys:
                return
            if not any(ch.isalpha() for ch in name):
                return  # `der Autobauer 8.428`: a figure, never a name
            if spans.overlaps(start, end):
                return
            if not _plausible(strip_legal(name) if legal else name, text, self.language, legal):
                return
            if legal and not strip_legal(name):
                return
            core = strip_legal(name) or name
            spans.add(start, end)
            found.append(Match(start, end, "d-" + slug(core), core, "discovered", False))

        folded = fold(text) if folded is None else folded
        for start, end, kind in self._anchors(text, folded, anchor_hits):
            if kind == "hyphen":
                modifier = _MODIFIER_RE.search(text, max(0, start - _LEGAL_WINDOW), start - 1)
                if modifier:
                    add(modifier.start(), modifier.end(), legal=False)
                continue
            if kind == "legal":
                run = _NAME_RUN_BEFORE_RE.search(text, max(0, start - _LEGAL_WINDOW), start)
                if run:
                    add(run.start(), end, legal=True)
                continue
            match = _NAME_RUN_AFTER_RE.match(text, end)
            if not match:
                continue
            kept: list[str] = []
            for token in match.group("name").split():
                if token.lower() in DISCOVERY_STOPWORDS and kept:
                    break
                kept.append(token)
            name_start = match.start("name")
            add(name_start, name_start + len(" ".join(kept)), legal=False)
        for start, end in self._objects(text, relation):
            if _object_plausible(text[start:end], text, self.language):
                add(start, end, legal=False)
        found.extend(self._repeats(text, found, spans))
        return sorted(found, key=lambda m: m.start)

    def _objects(self, text: str, relation: bool = False) -> list[tuple[int, int]]:
        """Names in the object slot of a relation word, after its preposition (`Vereinbarung
        mit Zorvatek`, `controllata dai soci Quendrix e Morlavi`, `sold to X`), the names
        listed with the first one too. The plausible names are found first, and only then is
        a relation word looked for right before their preposition. `relation`: the caller
        knows that the trigger prefilter is true on the text."""
        out: list[tuple[int, int]] = []
        prefilter = trigger_prefilter()
        if not relation and not prefilter.search(text):
            return out  # no relation word anywhere: no slot can have one before it
        for slot in scan(self._slot_re, self._slot_opening, text):
            start, end = slot.span()
            # Most slots have no relation word within reach: settled by the prefilter first.
            if not prefilter.search(text[max(0, start - _RELATION_WINDOW) : end]):
                continue
            names = self._listed_names(text, end)
            # Most capitalised words after a preposition are common nouns (German `mit Blick`):
            # settled by two word-frequency lookups before the relation word is looked for.
            if (
                names
                and not all(_common_word(text[s:e], self.language) for s, e in names)
                and self._relation_before(text, start, end)
            ):
                out += names
        return out

    def _listed_names(self, text: str, position: int) -> list[tuple[int, int]]:
        """The names listed from an offset on (`A, B e C`)."""
        out: list[tuple[int, int]] = []
        while True:
            name = self._object_name_re.match(text, position)
            if name is None:
                break
            kept: list[str] = []
            for token in name.group(0).split():
                if token.lower() in DISCOVERY_STOPWORDS and kept:
                    break
                kept.append(token)
            end = position + len(" ".join(kept))
            out.append((position, end))
            listed = self._object_list_re.match(text, end)
            if listed is None or end != name.end():
                break
            position = listed.end()
        return out

    def _relation_before(self, text: str, start: int, end: int) -> bool:
        """Whether a relation word governs the preposition at `start`: right before it, a
        passive word that carries it (`controllata dai`), or a sale a few words before.
        The caller has found the prefilter true on the text from the window's head to `end`."""
        head = max(0, start - _RELATION_WINDOW)
        window = text[head : end + _RELATION_WINDOW]  # room for the lookaheads of a row
        for _, match, row in trigger_matcher(self.language).finditer(window):
            stop = head + match.end()
            if "sale" in row.flags:
                sold = _SOLD_TO_RE.match(text, stop)
                if sold is not None and not text[sold.end() : start].strip():
                    return True
            elif ("passive" in row.flags and head + match.start() < start <= stop) or (
                stop <= start and not text[stop:start].strip()
            ):
                return True
        return False

    @staticmethod
    def _repeats(text: str, found: list[Match], spans: Spans) -> list[Match]:
        """Other occurrences of a discovered name in the same text.

        Each name is looked for once (a second search finds only what the first took), and
        only the first `DISCOVERY_MAX_REPEATED_NAMES` names: each search reads the whole text.
        """
        extra: list[Match] = []
        searched: set[str] = set()
        for match in list(found):
            if match.company_name in searched:
                continue
            if len(searched) >= DISCOVERY_MAX_REPEATED_NAMES:
                break
            searched.add(match.company_name)
            # A name with a generic tail (`Valmet Automotive`) is named again without it.
            tokens = match.company_name.split()
            while len(tokens) > 1 and tokens[-1].lower() in GENERIC_NAME_WORDS:
                tokens = tokens[:-1]
            names = {match.company_name}
            core = " ".join(tokens)
            if core.lower() not in DISCOVERY_STOPWORDS and all(
                word_zipf(t.lower(), lang) < DISCOVERY_COMMON_ZIPF
                for t in tokens
                for lang in ("de", "nl", "en", "it")
            ):
                names.add(core)  # never an everyday word (`Deutsche`, `General`)
            short = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            for other in re.finditer(rf"(?<![\w-])(?:{short})(?![\w-])", text):
                start, end = other.span()
                if spans.overlaps(start, end):
                    continue
                spans.add(start, end)
                extra.append(
                    Match(start, end, match.company_id, match.company_name, "discovered", False)
                )
        return extra
