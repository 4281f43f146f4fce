"""The extractor's word tables (`vocab/*.csv`): loaded once, checked, compiled for the matchers.

Every cue word lives in one row of one table; the code here only turns the rows into regular
expressions. `vocab/README.md` describes the format of every table.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from flows.extract.gate import gated, literals, lower_like_re
from flows.extract.models import PARTNERSHIP_TYPES, PERSON_ROLES
from flows.extract.reference import load_statuses

VOCAB_DIR = Path(__file__).with_name("vocab")
LANGUAGES = ("de", "nl", "en", "it")
ANY_LANGUAGE = "*"
TRIGGER_FLAGS = (
    "sale",
    "passive",
    "share",
    "transitive",
    "noun",
    "weak",
    "trailing",
    "verb_final",
    "compound",
    "relies_on",
    "together",
    "stative",
)
# Where a cue counts in the sentence of a relation word, narrowest first: right at the word,
# in its clause, anywhere in the sentence. Column `linked` says whether it also counts in a
# linked sentence that refers back to it.
SCOPES = ("trigger", "clause", "sentence")
NEGATION_KINDS = (
    "negation",
    "denial",
    "withdrawal",
    "cancellation",
    "failure",
    "ending",
    "divestment",
    "unrealized",
    "refusal",
    "ban",
)
MODALITIES = ("possibility", "conditional", "condition", "aspect")
MARKER_ROLES = (
    "passive",
    "passive_agent",
    "noun_agent",
    "holder",
    "target",
    "relative_subject",
    "between",
    "with",
    "refers_back",
    "definite",
    "clause_opener",
    "reporting",
    "holding",
    "job_title",
    "job_field",
    "comparison",
    "complement",
    "possessive",
    "adjunct",
    "relative",
    "coordination",
    "pronoun",
    "beneficiary",
    "market",
    "share_amount",
    "not_supply",
    "object_slot",
    "part_of",
)
# Roles of words that exist only in some languages (separable verbs of German and Dutch).
PARTIAL_MARKER_ROLES = ("not_supply",)
LEGAL_FORM_KINDS = ("legal", "group", "name_word")
REPORTING_BODY_KINDS = ("association", "authority", "data_provider", "news_agency")
_PUBLISHERS = ("association", "authority", "data_provider")
LEGAL_FORM_USES = ("tail", "discovery", "strip")
# What a row of person_cues.csv is: a role word's tie to its company (`der`, `of`), an
# article or modifier before a role word (`the former`), a conjunction of two role words, a
# word that appoints a named person to a role (`zum`, `as`), a title before a name, a
# lower-case part of a family name (`de`, `van`), a country or region after a company name
# that names its national unit (`Stellantis Austria`), words before a role word or name that
# say the person leads the company the sentence is about (`is led by`, `wordt geleid door`).
PERSON_CUE_KINDS = (
    "link",
    "article",
    "conjunction",
    "appointment",
    "honorific",
    "particle",
    "unit",
    "led_by",
)
# A German compound ends in a trigger when a lower-case letter stands right before it.
_COMPOUND_HEAD = r"(?<=[a-zäöüß])"
_COMPOUND_HEAD_RE = re.compile(r"[a-zäöüß]")
_WORD_START = r"(?<![\w])"
_WORD_END = r"(?![\w])"
# Literal letters at the start of a pattern, used as a cheap stem.
_STEM_RE = re.compile(r"[^\\()\[\]{}|?*+.^$]+")
_STEM_MIN = 4


class VocabularyError(ValueError):
    """A table of `vocab/` that cannot be used: its file and line say where."""


@dataclass(frozen=True, slots=True)
class TriggerWord:
    """A relation word: one row of `triggers.csv`."""

    language: str
    pattern: str
    type: str
    flags: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class Cue:
    """A status, negation or modality cue: one row of the three cue tables.

    `kind` is `status` for `status_cues.csv`, the negation kind (`denial`, `ban` …) for
    `negation_cues.csv` and the modality (`possibility` …) for `modality_cues.csv`.
    """

    language: str
    pattern: str
    status: str
    scope: str
    linked: bool
    kind: str
    table: str
    line: int

    @property
    def negative(self) -> bool:
        """Whether the cue says the relation is not happening."""
        return self.table == "negation_cues.csv"

    @property
    def modal(self) -> bool:
        """Whether the cue keeps a claim from being a fact."""
        return self.table == "modality_cues.csv"


@dataclass(frozen=True, slots=True)
class Marker:
    """A grammatical marker that tells a party's role (`durch`, `in which`, `zwischen`)."""

    language: str
    pattern: str
    role: str
    line: int


@dataclass(frozen=True, slots=True)
class LegalForm:
    """A legal form or group word and where the extractor uses it."""

    form: str
    kind: str
    uses: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class RoleWord:
    """A word that states a person's role: one row of `roles.csv`."""

    language: str
    pattern: str
    role: str
    role_alone: str  # the role when no company is tied to the word
    case_sensitive: bool
    line: int


@dataclass(frozen=True, slots=True)
class PersonCue:
    """A word around person names and roles: one row of `person_cues.csv`."""

    language: str
    pattern: str
    cue: str
    case_sensitive: bool
    line: int


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every table of `vocab/`, as read."""

    triggers: tuple[TriggerWord, ...]
    cues: tuple[Cue, ...]
    markers: tuple[Marker, ...]
    legal_forms: tuple[LegalForm, ...]
    reporting_bodies: tuple[tuple[str, str, str], ...]
    roles: tuple[RoleWord, ...] = ()
    person_cues: tuple[PersonCue, ...] = ()


def _read(directory: Path, name: str, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    """The rows of one table with their line numbers; the header must be `columns`."""
    path = directory / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise VocabularyError(f"{name}: header {reader.fieldnames} is not {list(columns)}")
        rows = []
        for row in reader:
            if None in row or None in row.values():
                raise VocabularyError(
                    f"{name}:{reader.line_num}: not {len(columns)} fields"
                    " (a pattern with a comma needs double quotes)"
                )
            rows.append((reader.line_num, {k: v.strip() for k, v in row.items()}))
        return rows


def _check(name: str, line: int, column: str, value: str, allowed: tuple[str, ...]) -> str:
    """A value of a closed list, or a clear error naming the row."""
    if value not in allowed:
        raise VocabularyError(f"{name}:{line}: {column} {value!r} is not one of {list(allowed)}")
    return value


def _pattern(name: str, line: int, value: str) -> str:
    """A regular-expression fragment that compiles and captures nothing."""
    if not value:
        raise VocabularyError(f"{name}:{line}: empty pattern")
    try:
        compiled = re.compile(value, re.I)
    except re.error as error:
        raise VocabularyError(f"{name}:{line}: pattern {value!r}: {error}") from error
    if compiled.groups:
        raise VocabularyError(f"{name}:{line}: pattern {value!r} captures; write (?:...)")
    return value


def _language(name: str, line: int, value: str) -> str:
    """A table language: one of LANGUAGES or `*`."""
    return _check(name, line, "language", value, (*LANGUAGES, ANY_LANGUAGE))


def _bool(name: str, line: int, column: str, value: str) -> bool:
    """A `true`/`false` cell."""
    return _check(name, line, column, value, ("true", "false")) == "true"


@lru_cache(maxsize=2)
def vocabulary(directory: Path = VOCAB_DIR) -> Vocabulary:
    """Read and check every table of `vocab/` (once per process)."""
    statuses = tuple(s.status for s in load_statuses())
    negative = tuple(s.status for s in load_statuses() if s.is_negative)
    positive = tuple(s for s in statuses if s not in negative)
    triggers = []
    name = "triggers.csv"
    for line, row in _read(directory, name, ("language", "pattern", "type", "flags")):
        flags = frozenset(row["flags"].split())
        for flag in flags:
            _check(name, line, "flag", flag, TRIGGER_FLAGS)
        triggers.append(
            TriggerWord(
                _language(name, line, row["language"]),
                _pattern(name, line, row["pattern"]),
                _check(name, line, "type", row["type"], PARTNERSHIP_TYPES),
                flags,
                line,
            )
        )
    cues = []
    # Negation first: at one position of a text the first row that matches wins.
    tables = (
        ("negation_cues.csv", "kind", NEGATION_KINDS, negative),
        ("modality_cues.csv", "modality", MODALITIES, positive),
        ("status_cues.csv", None, None, positive),
    )
    for name, kind_column, kinds, allowed in tables:
        columns = ("language", "pattern", *((kind_column,) if kind_column else ()))
        for line, row in _read(directory, name, (*columns, "status", "scope", "linked")):
            kind = _check(name, line, kind_column, row[kind_column], kinds) if kinds else "status"
            cues.append(
                Cue(
                    _language(name, line, row["language"]),
                    _pattern(name, line, row["pattern"]),
                    _check(name, line, "status", row["status"], allowed),
                    _check(name, line, "scope", row["scope"], SCOPES),
                    _bool(name, line, "linked", row["linked"]),
                    kind,
                    name,
                    line,
                )
            )
    name = "markers.csv"
    markers = tuple(
        Marker(
            _language(name, line, row["language"]),
            _pattern(name, line, row["pattern"]),
            _check(name, line, "role", row["role"], MARKER_ROLES),
            line,
        )
        for line, row in _read(directory, name, ("language", "pattern", "role"))
    )
    name = "legal_forms.csv"
    legal_forms = tuple(
        LegalForm(
            row["form"],
            _check(name, line, "kind", row["kind"], LEGAL_FORM_KINDS),
            frozenset(use for use in LEGAL_FORM_USES if _bool(name, line, use, row[use])),
            line,
        )
        for line, row in _read(directory, name, ("form", "kind", *LEGAL_FORM_USES))
    )
    name = "reporting_bodies.csv"
    bodies = tuple(
        (
            row["name"],
            row["canonical"] or row["name"],
            _check(name, line, "kind", row["kind"], REPORTING_BODY_KINDS),
        )
        for line, row in _read(directory, name, ("name", "canonical", "kind"))
    )
    columns = ("language", "pattern", "role", "role_alone", "case_sensitive")
    roles = tuple(
        RoleWord(
            _language("roles.csv", line, row["language"]),
            _pattern("roles.csv", line, row["pattern"]),
            _check("roles.csv", line, "role", row["role"], PERSON_ROLES),
            _check("roles.csv", line, "role_alone", row["role_alone"] or row["role"], PERSON_ROLES),
            _bool("roles.csv", line, "case_sensitive", row["case_sensitive"]),
            line,
        )
        for line, row in _read(directory, "roles.csv", columns)
    )
    columns = ("language", "pattern", "cue", "case_sensitive")
    person_cues = tuple(
        PersonCue(
            _language("person_cues.csv", line, row["language"]),
            _pattern("person_cues.csv", line, row["pattern"]),
            _check("person_cues.csv", line, "cue", row["cue"], PERSON_CUE_KINDS),
            _bool("person_cues.csv", line, "case_sensitive", row["case_sensitive"]),
            line,
        )
        for line, row in _read(directory, "person_cues.csv", columns)
    )
    return Vocabulary(
        tuple(triggers), tuple(cues), markers, legal_forms, bodies, roles, person_cues
    )


def cue_languages(language: str | None) -> tuple[str, ...]:
    """The table languages that apply to a document: its own, English and `*`.

    A document of unknown language uses every language.
    """
    if language not in LANGUAGES:
        return (*LANGUAGES, ANY_LANGUAGE)
    return tuple(dict.fromkeys((language, "en", ANY_LANGUAGE)))


def own_and_english(language: str | None, *, only_none_unknown: bool = False) -> tuple[str, ...]:
    """A text's cue languages for the sales and share tables: its own plus English.

    A text of unknown language uses all four. Unknown is any language outside the four, or,
    with `only_none_unknown`, only None (another code then keeps itself and English).
    """
    unknown = language is None if only_none_unknown else language not in LANGUAGES
    if unknown:
        return LANGUAGES
    return (language,) if language == "en" else (language, "en")


def _alternation(patterns: list[str]) -> str:
    """One alternation of regex fragments, in order (the first that matches at a place wins)."""
    return "|".join(f"(?:{p})" for p in patterns)


def _which(rows: tuple[tuple[re.Pattern[str], object], ...], text: str, start: int) -> object:
    """The first row whose pattern matches at an offset: the row an alternation took there.

    The alternation itself has no named groups: Python's `re` runs an alternation with one
    group per row about 2.5 times slower, and rows are only looked up for the few hits.
    """
    for pattern, row in rows:
        if pattern.match(text, start):
            return row
    raise LookupError(f"no row matches at {start}")  # pragma: no cover - union and rows agree


def _row_regex(pattern: str) -> re.Pattern[str]:
    """One row's pattern as it stands in the alternation (ending on a word boundary)."""
    return re.compile(f"(?:{pattern}){_WORD_END}", re.I)


@dataclass(frozen=True)
class TriggerMatcher:
    """The trigger words of one document language: one regex per type, in table order."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    words: dict[str, tuple[tuple[re.Pattern[str], TriggerWord], ...]]
    tails: dict[str, tuple[tuple[re.Pattern[str], TriggerWord], ...]]

    def finditer(self, text: str) -> Iterator[tuple[str, re.Match[str], TriggerWord]]:
        """Every trigger in a text: its type, the match and the row that matched."""
        for kind, pattern in self.patterns:
            for match in pattern.finditer(text):
                start = match.start()
                tail = start > 0 and _COMPOUND_HEAD_RE.match(text[start - 1]) is not None
                rows = self.tails[kind] if tail else self.words[kind]
                yield kind, match, _which(rows, text, start)  # type: ignore[misc]


@lru_cache(maxsize=8)
def trigger_matcher(language: str | None) -> TriggerMatcher:
    """Compile the trigger table for a document language (`compound` rows also as the tail
    of a German compound: `Technologiekooperation`)."""
    langs = cue_languages(language)
    patterns = []
    words: dict[str, tuple] = {}
    tails: dict[str, tuple] = {}
    for kind in PARTNERSHIP_TYPES:
        rows = [r for r in vocabulary().triggers if r.type == kind and r.language in langs]
        compound = [r for r in rows if "compound" in r.flags] if "de" in langs else []
        if not rows:
            continue
        pattern = f"{_WORD_START}(?:{_alternation([r.pattern for r in rows])})"
        if compound:
            tail = _alternation([r.pattern for r in compound])
            pattern = f"(?:{pattern}|{_COMPOUND_HEAD}(?:{tail}))"
        # Each type's union runs on every sentence naming two companies: behind the gate.
        patterns.append((kind, gated(re.compile(pattern + _WORD_END, re.I))))
        words[kind] = tuple((_row_regex(r.pattern), r) for r in rows)
        tails[kind] = tuple((_row_regex(r.pattern), r) for r in compound)
    return TriggerMatcher(tuple(patterns), words, tails)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One cue found in a text (offsets into that text)."""

    start: int
    end: int
    cue: Cue


@dataclass(frozen=True)
class CueMatcher:
    """Negation, modality and status cues of one document language in one regex."""

    pattern: re.Pattern[str]
    rows: tuple[tuple[re.Pattern[str], Cue], ...]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Evidence]:
        """Every cue between two offsets of a text (the first row wins at one place)."""
        stop = len(text) if end is None else end
        return [
            Evidence(m.start(), m.end(), _which(self.rows, text, m.start()))  # type: ignore[arg-type]
            for m in self.pattern.finditer(text, start, stop)
        ]


@lru_cache(maxsize=8)
def cue_matcher(language: str | None) -> CueMatcher:
    """Compile the three cue tables for a document language."""
    langs = cue_languages(language)
    cues = [cue for cue in vocabulary().cues if cue.language in langs]
    union = _alternation([cue.pattern for cue in cues])
    return CueMatcher(
        gated(re.compile(f"{_WORD_START}(?:{union}){_WORD_END}", re.I)),
        tuple((_row_regex(cue.pattern), cue) for cue in cues),
    )


def marker_alternation(role: str, language: str | None) -> str:
    """The markers of one role for a document language, as one alternation."""
    langs = cue_languages(language)
    fragments = [m.pattern for m in vocabulary().markers if m.role == role and m.language in langs]
    if not fragments:
        raise VocabularyError(f"markers.csv: no {role} marker for {language}")
    return _alternation(fragments)


@lru_cache(maxsize=64)
def marker_pattern(role: str, language: str | None, anchor: str = "end") -> re.Pattern[str]:
    """The markers of one role: anchored at the `end` (they stand right before a name),
    at the `start` of a text, or `none` (searched anywhere, on word boundaries)."""
    union = marker_alternation(role, language)
    if anchor == "end":
        return re.compile(f"(?:{union})$", re.I)
    if anchor == "start":
        return re.compile(rf"\s*(?:{union}){_WORD_END}", re.I)
    return re.compile(f"{_WORD_START}(?:{union}){_WORD_END}", re.I)


@dataclass(frozen=True)
class Prefilter:
    """A cheap test that a text may hold a relation word: the literal stems of the trigger
    table in one Aho-Corasick automaton (linear in the text; Python's `re` tries a long
    alternation of words one by one), and the few rows without a usable stem each as its
    own regex, run only when one of its fixed letter runs (`jv`, `owned by`) stands in the
    text. `automaton` holds both: a stem's payload is None, a letter run's the rows it gates."""

    automaton: ahocorasick.Automaton | None
    stems: ahocorasick.Automaton | None
    gates: ahocorasick.Automaton | None
    rows: tuple[re.Pattern[str], ...]
    ungated: tuple[int, ...]
    # The stems themselves: any of them standing in a text settles the test.
    stem_words: tuple[str, ...] = ()

    def search(self, text: str) -> bool:
        """Whether any trigger of any language may stand in a text."""
        if not text.isascii() and ("ı" in text or "İ" in text or "ſ" in text):
            # `str.lower` and the gates' lowering differ on these letters: two passes.
            for _ in self.stems.iter(text.lower()) if self.stems else ():
                return True
            hits = self.gates.iter(lower_like_re(text)) if self.gates else ()
        else:
            hits = self.automaton.iter(text.lower()) if self.automaton else ()
        rows = set(self.ungated)
        for _, gated_rows in hits:
            if gated_rows is None:
                return True
            rows.update(gated_rows)
        return any(self.rows[i].search(text) for i in sorted(rows))


def _stem(pattern: str) -> str | None:
    """The literal letters a pattern always starts with, when they stand for the row."""
    stem = _STEM_RE.match(pattern)
    literal = stem.group(0) if stem else ""
    rest = pattern[len(literal) :]
    # A stem directly followed by an optional part is not literal to its last letter.
    if literal and rest[:1] in ("?", "*", "{"):
        literal, rest = literal[:-1], literal[-1] + rest
    if len(literal) < _STEM_MIN:
        return None
    return literal.lower()


@lru_cache(maxsize=1)
def trigger_prefilter() -> Prefilter:
    """The prefilter over every trigger row that is not weak, of every language."""
    stems: list[str] = []
    rest: list[str] = []
    for row in vocabulary().triggers:
        if "weak" in row.flags:
            continue
        stem = _stem(row.pattern)
        if stem is None:
            rest.append(row.pattern)
        else:
            stems.append(stem)
    rows = tuple(re.compile(f"{_WORD_START}(?:{p})", re.I) for p in dict.fromkeys(rest))
    # The rows without a stem still have fixed letters (`jv`, `owned by`): gate on them.
    gated_rows: dict[str, tuple[int, ...]] = {}
    ungated = []
    for index, regex in enumerate(rows):
        words = literals(regex.pattern, regex.flags)
        if not words:
            ungated.append(index)
        for word in words or ():
            gated_rows[word] = (*gated_rows.get(word, ()), index)
    both: dict[str, object] = {**gated_rows, **dict.fromkeys(stems)}  # a stem settles it
    return Prefilter(
        _automaton(both),
        _automaton(dict.fromkeys(stems)),
        _automaton(gated_rows),
        rows,
        tuple(ungated),
        tuple(dict.fromkeys(stems)),
    )


def _automaton(payloads: dict[str, object]) -> ahocorasick.Automaton | None:
    """An Aho-Corasick automaton over the keys, each found with its payload; None when
    there are no keys (an empty automaton cannot be searched)."""
    if not payloads:
        return None
    automaton = ahocorasick.Automaton()
    for word, payload in payloads.items():
        automaton.add_word(word, payload)
    automaton.make_automaton()
    return automaton


def legal_forms(use: str) -> tuple[str, ...]:
    """The legal forms and group words of one use (`tail`, `discovery`, `strip`)."""
    if use not in LEGAL_FORM_USES:
        raise VocabularyError(f"legal_forms.csv: no use {use!r}")
    return tuple(f.form for f in vocabulary().legal_forms if use in f.uses)


def reporting_bodies() -> tuple[str, ...]:
    """Associations, authorities and data providers that publish market figures."""
    return tuple(name for name, _, kind in vocabulary().reporting_bodies if kind in _PUBLISHERS)


def reporting_body_canonical() -> dict[str, str]:
    """The short name of a reporting body written out (`kraftfahrt-bundesamt` → `KBA`)."""
    return {name.lower(): canonical for name, canonical, _ in vocabulary().reporting_bodies}


@lru_cache(maxsize=1)
def sources() -> frozenset[str]:
    """Folded names of every reporting body and news agency: sources of a text, never a
    party of the relations it reports."""
    return frozenset(" ".join(name.lower().split()) for name, _, _ in vocabulary().reporting_bodies)


def is_market_share(
    text: str, start: int, end: int, language: str | None, names: tuple[int, ...] = ()
) -> bool:
    """Whether the share word at start..end of a text (`Anteil`, `quota`, `aandeel`) is a
    share of a market, not a stake: a percentage follows it (`kam auf einen Anteil von 3,4
    %`, `una quota pari al 7%`), or the text speaks of a market, registrations or sales
    and no company the share would be held in follows it (`names`: where the company names
    of the text start)."""
    if _after(language, "share_amount").match(text, end):
        return True
    if marker_pattern("market", language, "none").search(text) is None:
        return False
    target = _after(language, "target").match(text, end)
    return target is None or target.end() not in names


@lru_cache(maxsize=16)
def _after(language: str | None, role: str) -> re.Pattern[str]:
    """The markers of one role right after a word (white space before them)."""
    return re.compile(rf"\s*(?:{marker_alternation(role, language)})", re.I)


def statuses_by_evidence() -> tuple[str, ...]:
    """The statuses in the order evidence decides them: the first found wins."""
    return tuple(s.status for s in sorted(load_statuses(), key=lambda s: s.evidence_rank))
