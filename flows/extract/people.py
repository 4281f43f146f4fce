"""People: names the text ties to a role, the company of that role, and every later use.

No model reads names here (none works offline for these languages); a person is found where
the text itself says who someone is:

- a role word next to a capitalised name: before it (`Tesla-Chef Elon Musk`, `topman Elon
  Musk`, `l'amministratore delegato di Stellantis, Carlos Tavares`) or after it, set off by a
  comma (`Name, CEO der Firma`);
- a title before a name (`Dr. Herbert Diess`, `Mr Musk`), a person without a role.

The company of a role is the company mention glued to the role word (`Renault-CEO`,
`Teslachef`, `Teslas Chef`, `Tesla's chief executive`, `Tesla CEO`) or linked to it, or to
the name, by a preposition (`CEO der Geely-Gruppe`, `topman Elon Musk van Tesla`). Every
later use of a found name in the same document (`Van Dijk`, `Musks`) is a mention of the same
person, named by the fullest form. A name that is a company mention is never a person.

Role words and cue words are data, one row each: vocab/roles.csv and vocab/person_cues.csv.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import re._constants as sre_constants  # the parser's opcodes, to expand cue patterns
import re._parser as sre_parser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import ahocorasick

from flows.extract.companies import word_zipf
from flows.extract.constants import (
    DISCOVERY_STOPWORDS,
    FIRST_NAMES,
    GERMAN_NOUN_SUFFIXES,
    MONTH_NAMES,
    WEEKDAY_PREFIXES,
)
from flows.extract.models import CompanyMention, PersonMention
from flows.extract.sentences import Sentence, sentence_at
from flows.extract.text import is_boilerplate_line
from flows.extract.vocabulary import (
    ANY_LANGUAGE,
    LANGUAGES,
    RoleWord,
    VocabularyError,
)
from flows.extract.vocabulary import vocabulary as vocabulary_tables

# A capitalised word this common in the text's language is a word, not a name (`Anfang`,
# `Says`), unless it is a known first name.
NAME_COMMON_ZIPF = 5.0
# A name standing alone (`Tesla-Chef Musk`) must be rarer than this.
LONE_NAME_ZIPF = 4.0
# A German word this much longer than a noun ending (`Begründ|ung`) is a noun, not a name.
NOUN_STEM_MIN = 6
ROLE_TAIL_MIN = 4  # letters of a role word at the end of a compound (`…chef`, `…präsident`)
# At most this many words of a name (particles not counted), and of a unit description
# between a role word and its company (`Direktor für Einkauf und Zusammenarbeit bei`).
NAME_MAX_TOKENS = 4
UNIT_MAX_WORDS = 5
DESCRIPTOR_MAX_WORDS = 3
# Characters around a name read to find its sentence where no sentence was split yet.
SENTENCE_REACH = 250
COMPANY_WINDOW = 80  # characters from a role word to its company at most
APPOSITION_WINDOW = 80  # characters before `, CEO` searched for the name
APPOSITION_COMMA_REACH = 14  # the comma of `Name, the former CEO` stands this close
SURNAME_MIN_CHARS = 3

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# A word of a name: initials (`J.`, `J.D.`) or a capitalised word, hyphenated parts capitalised.
_NAME_TOKEN = rf"(?:(?:[{_UPPER}]\.)+|[{_UPPER}][\w'’]*(?:-[{_UPPER}][\w'’]*)*)"
_SEP = r"(?:(?<=['’])|[ \t]+)"  # after `l'` or `dell'` no space follows
_GAP_BEFORE_ROLE_RE = re.compile(r"(?:[-\u2010\u2011\u2013]|[ \t]|['’]s?[ \t])?")
_CLAUSE_BREAK_RE = re.compile(r"[,.;:!?()\[\]\"„“”«»\n]")
_WORD_RE = re.compile(r"[^\W\d][\w'’.-]*")
# A name may take a genitive ending (`Musks`, `Musk's`) and is then followed by no letter.
_GENITIVE_RE = re.compile(r"(?:['’]s|s|['’])?(?![\w'’-])")
_ALL_MONTHS = frozenset(name for names in MONTH_NAMES.values() for name in names)
_FIRST_NAMES = frozenset(FIRST_NAMES)
_NOUN_SUFFIXES = tuple(GERMAN_NOUN_SUFFIXES)
_DIGIT_NEAR_RE = re.compile(r"\d")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_UNIT_BEFORE_ROLE_RE = re.compile(r"[-\u2010\u2011][A-ZÄÖÜ][\w]+[-\u2010\u2011]$")
UNIT_REACH = 30  # characters of `-China-` between a company and its role word at most
# An acronym glued to a role word by a hyphen (`RTR-Geschäftsführer`, `ORF-Chef`).
ACRONYM_REACH = 12  # characters of such an acronym and its hyphen at most
_ACRONYM_BEFORE_ROLE_RE = re.compile(r"(?<![\w'’-])[A-ZÄÖÜ][A-ZÄÖÜ0-9]+[-\u2010\u2011]\Z")
# A role without a company takes the only company named in its sentence or this many before.
COMPANY_SENTENCES_BACK = 3
LED_BY_MAX_WORDS = 2  # words between `led by` (and its article) and the role word
LED_BY_REACH = 80  # characters before a role word searched for `led by`
_BRACKET_RE = re.compile(r"[ \t]*\([^()\n]{1,60}\)")
_CLOSING_COMMA_RE = re.compile(r"[ \t]*,")
_COMMA_OR_SPACE_RE = re.compile(r"[ \t]*,[ \t]+|[ \t]+")
# Languages that capitalise every noun, role words included (`Chef`, `Gründer`).
CAPITALISED_NOUN_LANGUAGES = ("de",)
# Languages that glue a role word to the noun before it (`Kammerpräsident`, `bondsvoorzitter`).
COMPOUNDING_LANGUAGES = ("de", "nl")
ACRONYM_MAX_LEN = 3
# A document is about one company when it names it this often, and more than any other.
TOPIC_MIN_MENTIONS = 2  # `CEO`: role words this short are also written in capitals


@dataclass(frozen=True, slots=True)
class Cue:
    """A role word or title found in a text: its span and what it states."""

    start: int
    end: int
    word: RoleWord | None  # None for a title (`Dr.`, `Mr`)


@dataclass(frozen=True, slots=True)
class Found:
    """A person name found next to a cue, before resolution."""

    start: int
    end: int
    # (role word, role as written) for each role word naming the person; one (None, None)
    # for a name without a role.
    roles: tuple[tuple[RoleWord | None, str | None], ...]
    company: CompanyMention | None
    # An organisation the list does not know is glued to the role word (`RTR-Geschäftsführer`):
    # the role is not one at a company named elsewhere.
    unlisted_organisation: bool = False
    # Companies joined to `company` by a truncated compound (`Seat-` of `Seat- und Cupra-Chef`):
    # the role is held at each.
    partners: tuple[CompanyMention, ...] = ()
    # The role word stands after `is led by` (`wordt geleid door de manager`): the person leads
    # the company the sentence is about.
    leads: bool = False


def expand(pattern: str) -> list[str]:
    """Every text a cue pattern matches (patterns are finite: no `*`, `+` or open ranges).

    The keys of the Aho-Corasick scan: a regular expression of every role word run over
    each text costs far more than the rest of the extractor (0.6 ms per article), a
    dictionary scan a few microseconds. Lookbehinds add nothing to the key; the pattern
    itself checks them on every hit.
    """
    return sorted(set(_expand(sre_parser.parse(pattern))))


def _expand(items) -> list[str]:
    """The texts a parsed (sub)pattern matches."""
    texts = [""]
    for op, av in items:
        if op is sre_constants.LITERAL:
            options = [chr(av)]
        elif op is sre_constants.IN:
            options = []
            for kind, value in av:
                if kind is sre_constants.LITERAL:
                    options.append(chr(value))
                elif kind is sre_constants.RANGE:
                    options.extend(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    raise VocabularyError(f"pattern element not expandable: {kind}")
        elif op is sre_constants.BRANCH:
            options = [text for branch in av[1] for text in _expand(branch)]
        elif op is sre_constants.SUBPATTERN:
            options = _expand(av[3])
        elif op is sre_constants.MAX_REPEAT and av[1] <= 1:
            options = ([""] if av[0] == 0 else []) + _expand(av[2])
        elif op is sre_constants.ASSERT:
            continue
        else:
            raise VocabularyError(f"pattern element not expandable: {op}")
        texts = [a + b for a, b in product(texts, options)]
    return texts


def _regex(pattern: str, case_sensitive: bool) -> str:
    """A pattern with its case rule inlined."""
    return f"(?-i:{pattern})" if case_sensitive else f"(?i:{pattern})"


@dataclass(frozen=True, eq=False)
class PeopleVocabulary:
    """The compiled people tables of one language."""

    automaton: ahocorasick.Automaton  # spelling -> rows (RoleWord, or None for a title)
    glued: dict[str, list[RoleWord]]  # one-word role words, lower-cased
    checks: dict[RoleWord | None, list[re.Pattern[str]]]
    role_word_re: re.Pattern[str]  # a whole token that is a role word
    link_re: re.Pattern[str]  # `der`, `van de`, `dell'`: a role word's tie to its company
    conjunction_re: re.Pattern[str]  # `und` between two role words of one person
    # `- und ` or `-, ` closing a truncated compound (`Seat- und Cupra-Chef`)
    truncated_re: re.Pattern[str]
    article_re: re.Pattern[str]
    honorific_re: re.Pattern[str]
    name_re: re.Pattern[str]  # a name run at a position
    name_before_re: re.Pattern[str]  # a name run closing `Name, ` before a role word
    appointment_re: re.Pattern[str]  # `als`, `zum`, `as`, `tot`, `a`: right before a role word
    unit_re: re.Pattern[str]  # ` Austria` of `Stellantis Austria`: a national unit of a company
    # `is led by the new`, `wordt geleid door de Chinese`: closing the text before a role word
    led_by_re: re.Pattern[str]
    particles: frozenset[str]  # `de`, `van`: lower-case words inside family names


@lru_cache(maxsize=8)
def people_vocabulary(language: str | None) -> PeopleVocabulary:
    """The people tables of one language (and the rows for every language), compiled once."""
    # Own language and `*` only: English role words that other languages borrow (`CEO`)
    # are `*` rows; the rest of English would slow the scan and mislead (`head`, `chair`).
    langs = (ANY_LANGUAGE, language) if language in LANGUAGES else (ANY_LANGUAGE, *LANGUAGES)
    tables = vocabulary_tables()
    words = [w for w in tables.roles if w.language in langs]
    cues = [
        (c.language, c.pattern, c.cue, c.case_sensitive)
        for c in tables.person_cues
        if c.language in langs
    ]

    def alternation(kind: str) -> str:
        return "|".join(_regex(p, cs) for _, p, k, cs in cues if k == kind) or "(?!)"

    entries: dict[str, list[RoleWord | None]] = {}
    glued: dict[str, list[RoleWord]] = {}
    checks: dict[RoleWord | None, list[re.Pattern[str]]] = {}
    nouns_capitalised = language in CAPITALISED_NOUN_LANGUAGES
    for word in words:
        for text in expand(word.pattern):
            for key in _case_variants(text, word.case_sensitive, nouns_capitalised):
                entries.setdefault(key, []).append(word)
            if text.isalpha():
                glued.setdefault(text.lower(), []).append(word)
        checks[word] = [re.compile(_regex(word.pattern, word.case_sensitive))]
    honorifics = [(p, cs) for _, p, k, cs in cues if k == "honorific"]
    for pattern, case_sensitive in honorifics:
        for text in expand(pattern):
            for key in _case_variants(text, case_sensitive, nouns_capitalised):
                entries.setdefault(key, []).append(None)
        checks.setdefault(None, []).append(re.compile(_regex(pattern, case_sensitive)))
    automaton = ahocorasick.Automaton()
    for key, rows in entries.items():
        automaton.add_word(key, (key, tuple(rows)))
    automaton.make_automaton()
    particle = alternation("particle")
    token = rf"(?:(?:{particle})[ \t]+)*{_NAME_TOKEN}"
    name = rf"{token}(?:[ \t]+{token}){{0,{NAME_MAX_TOKENS - 1}}}"
    roles = "|".join(_regex(w.pattern, w.case_sensitive) for w in words)
    return PeopleVocabulary(
        automaton=automaton,
        glued=glued,
        checks=checks,
        role_word_re=re.compile(rf"(?:{roles})"),
        link_re=re.compile(rf"(?:{alternation('link')}){_SEP}"),
        conjunction_re=re.compile(rf"[ \t]+(?:{alternation('conjunction')})[ \t]+"),
        truncated_re=re.compile(
            rf"[-\u2010\u2011](?:[ \t]*,[ \t]*|[ \t]+(?:{alternation('conjunction')})[ \t]+)\Z"
        ),
        article_re=re.compile(rf"(?:{alternation('article')}){_SEP}"),
        honorific_re=re.compile(rf"(?:{alternation('honorific')})[ \t]+"),
        name_re=re.compile(rf"(?<![\w'’-]){name}(?![\w'’-])"),
        name_before_re=re.compile(
            rf"(?:^|(?<=[\s(„“\"'«]))(?P<name>{name})"
            rf"(?:[ \t]*,[ \t]*|[ \t]+(?:{alternation('appointment')})[ \t]+)"
            rf"(?:(?:{alternation('article')}){_SEP})?$"
        ),
        appointment_re=re.compile(
            rf"(?<![\w])(?:{alternation('appointment')})[ \t]+"
            rf"(?:(?:{alternation('article')}){_SEP})?$"
        ),
        unit_re=re.compile(rf"[ \t]+(?:{alternation('unit')})(?![\w'’-])"),
        led_by_re=re.compile(
            rf"(?<![\w])(?:{alternation('led_by')}){_SEP}"
            rf"(?:(?:{alternation('article')}){_SEP})?"
            rf"(?:[^\W\d][\w-]*[ \t]+){{0,{LED_BY_MAX_WORDS}}}$"
        ),
        particles=frozenset(
            part.lower()
            for _, pattern, kind, _ in cues
            if kind == "particle"
            for text in expand(pattern)
            for part in text.split()
        ),
    )


def _case_variants(text: str, case_sensitive: bool, nouns_capitalised: bool) -> set[str]:
    """The spellings a scan of the text as written must know.

    Scanning the text as written spares folding a copy of it. A role word is written in
    lower case, capitalised (sentence start), in title case or in capitals; in a language
    that capitalises its nouns, only capitalised or in capitals (a noun glued to a company
    name, `Teslachef`, is looked up at the company's end instead). Every spelling more
    slows the scan down, so only these.
    """
    if case_sensitive:
        return {text}
    low = text.lower()
    capitalised = low[:1].upper() + low[1:]
    if nouns_capitalised:
        return {capitalised, low.upper()} if len(low) <= ACRONYM_MAX_LEN else {capitalised}
    return {low, capitalised, low.title(), low.upper()}


def find_people(
    text: str,
    language: str | None,
    sentences: list[Sentence],
    companies: list[CompanyMention],
    lines: list[tuple[int, int, int]],
    body_start: int = 0,
) -> list[PersonMention]:
    """The person mentions of a document, in text order.

    `sentences` may cover only some paragraphs (those with company mentions); the
    paragraphs of `lines` that hold a role word or a name are split here as well.
    """
    vocab = people_vocabulary(language)
    ends = {m.char_end: m for m in companies}
    cues = _cues(text, vocab, ends)
    if not cues:
        return []
    spans = sorted((m.char_start, m.char_end) for m in companies)
    starts = [s.start for s in sentences]
    line_starts = [line[0] for line in lines]
    cues = [
        c
        for c in cues
        if not _overlaps(c.start, c.end, spans)
        and _readable(text, c, sentences, starts, lines, line_starts)
    ]
    found: list[Found] = []
    for group in _groups(text, cues, vocab):
        hit = _read_cue(text, group, vocab, companies, ends, spans, language)
        if hit and not any(hit.start < f.end and f.start < hit.end for f in found):
            found.append(hit)
    if not found:
        return []
    names = {(f.start, f.end): text[f.start : f.end] for f in found}
    canonical = _canonical_names(list(names.values()))
    found += _repeats(text, canonical, found, spans)
    sentences = _with_paragraphs(text, language, sentences, lines, body_start, found)
    topic = _topic_company(companies)
    found.sort(key=lambda f: f.start)
    return _mentions(text, found, canonical, sentences, topic, companies)


def _with_paragraphs(
    text: str,
    language: str | None,
    sentences: list[Sentence],
    lines: list[tuple[int, int, int]],
    body_start: int,
    spans: Sequence[Cue | Found],
) -> list[Sentence]:
    """The sentences, plus the sentence around every span that none holds yet.

    Only a window around the span is split: splitting whole paragraphs that name no company
    (a minister's) cost more than reading the people in them.
    """
    sentences = list(sentences)
    starts = [s.start for s in sentences]
    line_starts = [line[0] for line in lines]
    for span in sorted(spans, key=lambda s: s.start):
        index = bisect.bisect_right(starts, span.start) - 1
        if (index >= 0 and span.end <= sentences[index].end) or span.start < body_start:
            continue
        line_start, line_end, paragraph = lines[bisect.bisect_right(line_starts, span.start) - 1]
        if is_boilerplate_line(text[line_start:line_end]):
            continue
        cut = max(line_start, body_start, span.start - SENTENCE_REACH)
        window = text[cut : min(line_end, span.end + SENTENCE_REACH)]
        sentence = sentence_at(window, cut, paragraph, language, span.start, span.end)
        if sentence is not None:
            position = bisect.bisect_left(starts, sentence.start)
            sentences.insert(position, sentence)
            starts.insert(position, sentence.start)
    return sentences


def _cues(text: str, vocab: PeopleVocabulary, ends: dict[int, CompanyMention]) -> list[Cue]:
    """Role words and titles standing in a text, the longest at each place."""
    best: dict[int, Cue] = {}
    size = len(text)
    for end in ends:  # `Teslachef`: a role word glued to a company name
        tail = _LETTERS_RE.match(text, end) if end < size and text[end].isalpha() else None
        for word in vocab.glued.get(tail.group(0).lower(), ()) if tail else ():
            best[end] = Cue(end, tail.end(), word)
            break
    for end_index, (key, rows) in vocab.automaton.iter(text):
        end = end_index + 1
        start = end - len(key)
        if end < size and text[end].isalnum():
            continue
        # Inside a word only when glued to a company name (`Teslachef`).
        if start > 0 and text[start - 1].isalnum() and start not in ends:
            continue
        for row in rows:
            if any(check.match(text, start, end) for check in vocab.checks[row]):
                known = best.get(start)
                if known is None or known.end < end:
                    best[start] = Cue(start, end, row)
                break
    cues = sorted(best.values(), key=lambda c: (c.start, -c.end))
    kept: list[Cue] = []
    for cue in cues:  # `Vorstandschef` holds `chef`: the longer word wins
        if kept and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept


def _readable(
    text: str,
    cue: Cue,
    sentences: list[Sentence],
    starts: list[int],
    lines: list[tuple[int, int, int]],
    line_starts: list[int],
) -> bool:
    """Whether a cue stands in a sentence already split, or at least on no boilerplate line
    (a caption or tag cloud names no company the extractor records, so anything goes there)."""
    index = bisect.bisect_right(starts, cue.start) - 1
    if index >= 0 and cue.end <= sentences[index].end:
        return True
    line = lines[bisect.bisect_right(line_starts, cue.start) - 1]
    return not is_boilerplate_line(text[line[0] : line[1]])


def _groups(text: str, cues: list[Cue], vocab: PeopleVocabulary) -> list[list[Cue]]:
    """Cues in text order; role words joined by a conjunction (`Gründer und CEO`) as one."""
    groups: list[list[Cue]] = []
    for cue in cues:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.word is not None
            and cue.word is not None
            and vocab.conjunction_re.fullmatch(text, last.end, cue.start)
        ):
            groups[-1].append(cue)
        else:
            groups.append([cue])
    return groups


def _read_cue(
    text: str,
    group: list[Cue],
    vocab: PeopleVocabulary,
    companies: list[CompanyMention],
    ends: dict[int, CompanyMention],
    spans: list[tuple[int, int]],
    language: str | None,
) -> Found | None:
    """The person a role word (or words joined by `und`) or a title names, with the company."""
    first, last = group[0], group[-1]
    if first.word is None:
        name = _name_after(text, first.end, vocab, spans, language, allow_comma=False)
        return Found(name[0], name[1], ((None, None),), None) if name else None
    before = _company_before(text, first.start, ends)
    unit_head = before is None and (before := _unit_company_before(text, first.start, ends))
    anchor = before.char_start if before else first.start
    name = _name_before(text, anchor, vocab, spans, language)
    # `CMO (Chief Marketing Officer) von ...`: an expansion in brackets belongs to the role.
    bracket = _BRACKET_RE.match(text, last.end)
    role_word_end = bracket.end() if bracket else last.end
    company, role_end = before, last.end
    if name is not None:
        if company is None:
            company, role_end = _company_after(text, role_word_end, vocab, companies)
            unit_head = unit_head or bool(company and vocab.unit_re.match(text, company.char_end))
    else:
        position = role_word_end
        if company is None:
            company, role_end = _company_after(text, role_word_end, vocab, companies)
            position = company.char_end if company else role_word_end
            unit = vocab.unit_re.match(text, position) if company else None
            if unit:  # `Managing Director von Stellantis Austria, Name`: the unit's head
                unit_head, position = True, unit.end()
        if vocab.link_re.match(text, _skip_blank(text, position)):
            return None  # `Leiter der EU-Kammer`: what follows is no name
        title = vocab.honorific_re.match(text, _skip_blank(text, position))
        if title:
            position = title.end() - 1
        name = _name_after(text, position, vocab, spans, language, allow_comma=company is not None)
        if name is None:
            return None
        if company is None:
            company, _ = _company_after(text, name[1], vocab, companies, unit=False)
    leads = (
        before is None
        and name[0] > last.end
        and vocab.led_by_re.search(text, max(0, first.start - LED_BY_REACH), first.start)
        is not None
    )
    roles = []
    for cue in group:
        stated = text[cue.start : max(cue.end, role_end) if cue is last else cue.end]
        word = cue.word
        if unit_head and word.role == "ceo":  # the chief of a unit heads that unit
            word = dataclasses.replace(word, role="head_of_unit", role_alone="head_of_unit")
        if leads and word.role == "other":  # `led by the manager X`: its chief executive
            word = dataclasses.replace(word, role="ceo")
        roles.append((word, " ".join(stated.split())))
    unlisted = (
        company is None
        and _ACRONYM_BEFORE_ROLE_RE.search(text, max(0, first.start - ACRONYM_REACH), first.start)
        is not None
    )
    partners = _truncated_before(text, before, vocab, ends) if before and not unit_head else ()
    return Found(name[0], name[1], tuple(roles), company, unlisted, partners, leads)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a span overlaps one of sorted, non-overlapping spans."""
    index = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, index - 3) : index + 1])


def _skip_blank(text: str, position: int) -> int:
    """The first position at or after `position` that is no space or tab."""
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _company_before(
    text: str, start: int, ends: dict[int, CompanyMention]
) -> CompanyMention | None:
    """The company glued to a role word in front (`Renault-CEO`, `Teslas Chef`, `GM's CEO`)."""
    for end in range(start, max(-1, start - 4), -1):
        mention = ends.get(end)
        if mention is not None and _GAP_BEFORE_ROLE_RE.fullmatch(text, end, start):
            return mention
    return None


def _truncated_before(
    text: str, mention: CompanyMention, vocab: PeopleVocabulary, ends: dict[int, CompanyMention]
) -> tuple[CompanyMention, ...]:
    """The companies a truncated compound joins to a company glued to a role word: `Seat-` of
    `Seat- und Cupra-Chef`, `Audi-` and `Seat-` of `Audi-, Seat- und Cupra-Chef`."""
    partners: list[CompanyMention] = []
    position = mention.char_start
    while (
        joint := vocab.truncated_re.search(
            text, max(0, position - APPOSITION_COMMA_REACH), position
        )
    ) is not None and (partner := ends.get(joint.start())) is not None:
        partners.insert(0, partner)
        position = partner.char_start
    return tuple(partners)


def _unit_company_before(
    text: str, start: int, ends: dict[int, CompanyMention]
) -> CompanyMention | None:
    """The company in front of a unit glued to a role word (`VW-China-Chef`): its unit head."""
    unit = _UNIT_BEFORE_ROLE_RE.search(text, max(0, start - UNIT_REACH), start)
    return ends.get(unit.start()) if unit else None


def _char_start(mention: CompanyMention) -> int:
    """Where a company mention starts (the key of a bisection over mentions in text order)."""
    return mention.char_start


def _company_after(
    text: str,
    position: int,
    vocab: PeopleVocabulary,
    companies: list[CompanyMention],
    unit: bool = True,
) -> tuple[CompanyMention | None, int]:
    """The company a preposition ties to a role word or name (`CEO der Geely-Gruppe`).

    Between them may stand a unit (`Direktor für Einkauf bei Renault`, only after a role
    word) and a short description (`CEO des chinesischen Autobauers BYD`). Returns the
    company and where the stated role ends (before its preposition).
    """
    index = bisect.bisect_left(companies, position, key=_char_start)
    if index == len(companies):
        return None, position
    mention = companies[index]
    if mention.char_start - position > COMPANY_WINDOW:
        return None, position
    between = text[position : mention.char_start]
    if _CLAUSE_BREAK_RE.search(between) or vocab.role_word_re.search(between):
        return None, position
    words = list(_WORD_RE.finditer(between))
    # A unit starts with a lower-case word (`für Einkauf`); a capital starts a name.
    if not words or not words[0].group(0)[:1].islower():
        unit = False
    for count in range(0, (UNIT_MAX_WORDS if unit else 0) + 1):
        if count >= len(words):
            break
        link_at = position + words[count].start()
        link = vocab.link_re.match(text, link_at)
        if link is None:
            continue
        rest = text[link.end() : mention.char_start]
        article = vocab.article_re.match(rest)
        rest = rest[article.end() :] if article else rest
        if len(rest.split()) <= DESCRIPTOR_MAX_WORDS:
            return mention, (position + words[count - 1].end() if count else position)
    return None, position


def _name_after(
    text: str,
    position: int,
    vocab: PeopleVocabulary,
    spans: list[tuple[int, int]],
    language: str | None,
    allow_comma: bool,
) -> tuple[int, int] | None:
    """The name right after a role word (`CEO Pieter van Dijk`), cut at the first non-name."""
    space = _COMMA_OR_SPACE_RE.match(text, position)
    if space is None or space.end() >= len(text) or not text[space.end()].isupper():
        return None  # a name after a role word starts with a capital (`zu Neujahr` is none)
    run = vocab.name_re.match(text, space.end())
    if run is None:
        return None
    # After a comma only where a company closed the role (`CEO of Tesla, Elon Musk`) or a
    # second comma closes the name (`the deputy premier, Zhang Guoqing, said`).
    if "," in space.group(0) and not (allow_comma or _CLOSING_COMMA_RE.match(text, run.end())):
        return None
    tokens = _tokens(text, run.start(), run.end())
    kept = []
    for start, end in tokens:
        if not _name_token(text, start, end, vocab, spans, language):
            break
        kept.append((start, end))
    return _name_span(text, kept, vocab, language)


def _name_before(
    text: str,
    anchor: int,
    vocab: PeopleVocabulary,
    spans: list[tuple[int, int]],
    language: str | None,
) -> tuple[int, int] | None:
    """The name closing `Name, ` (`Pieter van Dijk, CEO der ...`) or an appointment (`named Antonio
    Filosa as CEO`, `Antonio Filosa zum Vorstandschef`) right before a role word."""
    near = text[max(0, anchor - APPOSITION_COMMA_REACH) : anchor]
    if "," not in near and not vocab.appointment_re.search(near):
        return None  # no apposition, no appointment: the cheap tests spare the search
    window_start = max(0, anchor - APPOSITION_WINDOW)
    line_start = text.rfind("\n", 0, anchor) + 1
    run = vocab.name_before_re.search(text[max(window_start, line_start) : anchor])
    if run is None:
        return None
    offset = max(window_start, line_start)
    tokens = _tokens(text, offset + run.start("name"), offset + run.end("name"))
    kept: list[tuple[int, int]] = []
    for start, end in reversed(tokens):
        if not _name_token(text, start, end, vocab, spans, language):
            break
        kept.insert(0, (start, end))
    return _name_span(text, kept, vocab, language)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a name run, as spans."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def _is_particle(word: str, vocab: PeopleVocabulary) -> bool:
    """A lower-case part of a family name (`de`, `van`)."""
    return word.lower() in vocab.particles


def _name_token(
    text: str,
    start: int,
    end: int,
    vocab: PeopleVocabulary,
    spans: list[tuple[int, int]],
    language: str | None,
) -> bool:
    """Whether one word of a run can be part of a person's name."""
    word = text[start:end]
    low = word.lower().rstrip(".")
    if word[:1].islower():
        return _is_particle(word, vocab)
    if _overlaps(start, end, spans):
        return False  # a company, never a person
    if vocab.role_word_re.fullmatch(word) or (
        language in COMPOUNDING_LANGUAGES and _ends_in_role_word(low, vocab)
    ):
        return False
    # A function word of the text's language (`Der`, `Am`), not one of another (`He`).
    if low in DISCOVERY_STOPWORDS and word_zipf(low, language) >= LONE_NAME_ZIPF:
        return False
    if low.startswith(WEEKDAY_PREFIXES):
        return False  # `Montagmittag`
    if low in _ALL_MONTHS and _DIGIT_NEAR_RE.search(text, max(0, start - 3), end + 3):
        return False  # `Jun 2024`, but `Lei Jun`
    if vocab.honorific_re.fullmatch(word + " "):
        return False
    if len(word) == 2 and word.endswith("."):
        return True  # an initial
    if low in _FIRST_NAMES:
        return True
    if (
        language == "de"
        and low.endswith(_NOUN_SUFFIXES)
        and any(
            low.endswith(suffix) and len(low) >= len(suffix) + NOUN_STEM_MIN
            for suffix in _NOUN_SUFFIXES
        )
    ):
        return False  # `Begründung`: a German noun; `Jung`, `Johannis` are too short to tell
    return word_zipf(low, language) < NAME_COMMON_ZIPF


def _ends_in_role_word(low: str, vocab: PeopleVocabulary) -> bool:
    """A compound that ends in a role word (`Wirtschaftskammerpräsident`) is no name."""
    return any(low[i:] in vocab.glued for i in range(1, len(low) - ROLE_TAIL_MIN + 1))


def _name_span(
    text: str, kept: list[tuple[int, int]], vocab: PeopleVocabulary, language: str | None
) -> tuple[int, int] | None:
    """A name from its kept words: no particle at its end, a lone word only when rare."""
    while kept and text[kept[-1][0] : kept[-1][1]][:1].islower():
        kept.pop()
    while kept and text[kept[0][0] : kept[0][1]][:1].islower():
        kept.pop(0)  # `nomina di Antonio Filosa`: a name starts with a capital
    if not kept:
        return None
    start, end = kept[0][0], kept[-1][1]
    if len(kept) == 1:
        word = text[start:end].lower()
        if (
            word in _FIRST_NAMES
            or len(word) < SURNAME_MIN_CHARS
            or word_zipf(word, language) >= LONE_NAME_ZIPF
            or word_zipf(word, "en") >= LONE_NAME_ZIPF  # `Survey`, `European`
            or (language == "de" and word.endswith("s"))  # `Präsident Polens`: a genitive
            or (language == "de" and word.endswith(GERMAN_NOUN_SUFFIXES))
        ):
            return None
    return start, end


def _canonical_names(names: list[str]) -> dict[str, str]:
    """Each name form -> the fullest form of the same person in the document.

    A form is another form's tail (`Van Dijk` of `Pieter van Dijk`, `Musk` of `Elon Musk`),
    compared without case; a tail shared by two different full names stays itself.
    """
    keyed = {name: tuple(name.casefold().split()) for name in names}
    canonical = {}
    for name, key in keyed.items():
        fuller = sorted(
            (o for o, k in keyed.items() if len(k) > len(key) and k[-len(key) :] == key),
            key=lambda o: -len(keyed[o]),
        )
        longest = keyed[fuller[0]] if fuller else key
        same = all(longest[-len(keyed[f]) :] == keyed[f] for f in fuller)
        canonical[name] = fuller[0] if fuller and same else name
    return canonical


def _name_char(char: str) -> bool:
    """A character that continues a word (a name found inside a longer word is none)."""
    return char.isalnum() or char in "'’-"


def _surname_forms(name: str) -> set[str]:
    """The ways a document refers back to a person (`Pieter van Dijk` -> `van Dijk`, `Dijk`...)."""
    words = name.split()
    forms = {name}
    if len(words) >= 2:
        tail = words[1:]
        forms.add(" ".join(tail))
        forms.add(" ".join(w[:1].upper() + w[1:] for w in tail))
        if tail[-1] != " ".join(tail):
            forms.add(tail[-1])
    return {f for f in forms if len(f) >= SURNAME_MIN_CHARS and f.lower() not in _ALL_MONTHS}


def _repeats(
    text: str,
    canonical: dict[str, str],
    found: list[Found],
    spans: list[tuple[int, int]],
) -> list[Found]:
    """Later uses of a found name in the same text (`Van Dijk`, `Musks`), without a role."""
    forms: dict[str, str] = {}
    by_last: dict[str, list[str]] = {}
    # In text order: a form two found names share (`Maier` of `Jan Peter Maier` and
    # `Jan-Peter Maier`) goes to the first, in every run (a set's order follows the hash seed).
    for person in dict.fromkeys(canonical.values()):
        for form in _surname_forms(person):
            if forms.setdefault(form, person) == person:
                by_last.setdefault(form.split()[-1], []).append(form)
    taken = sorted([(f.start, f.end) for f in found] + spans)
    extra = []
    # One str.find loop per last word; a longer form ending there (`Pieter van Dijk`, `van Dijk`)
    # takes the occurrence. Compiling a pattern of each document's names costs more.
    for last, last_forms in by_last.items():
        last_forms.sort(key=len, reverse=True)
        index = text.find(last)
        while index >= 0:
            end = index + len(last)
            for form in last_forms:
                start = end - len(form)
                if (
                    start >= 0
                    and text.startswith(form, start)
                    and (start == 0 or not _name_char(text[start - 1]))
                    and _GENITIVE_RE.match(text, end)
                    and not _overlaps(start, end, taken)
                ):
                    bisect.insort(taken, (start, end))
                    extra.append(Found(start, end, ((None, None),), None))
                    break
            index = text.find(last, end)
    for form, person in forms.items():
        canonical.setdefault(form, person)
    return extra


def _topic_company(companies: list[CompanyMention]) -> CompanyMention | None:
    """The company a document is about: named most often, and more often than any other."""
    counts: dict[str, int] = {}
    for mention in companies:
        counts[mention.company_id] = counts.get(mention.company_id, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < TOPIC_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return next(m for m in companies if m.company_id == ranked[0][0])


def _company_of(
    word: RoleWord,
    person: str,
    hit: Found,
    tied: dict,
    topic: CompanyMention | None,
    nearby: Callable[[], tuple[CompanyMention | None, CompanyMention | None]],
    led: Callable[[], CompanyMention | None],
) -> CompanyMention | None:
    """The company of a role: the one tied to it here, the one the same person has in that
    role elsewhere in the document, or, for a word that only names a company role
    (`CEO`, `Vorstandschefin`, not `Chef` or `Minister`), the company the document is about,
    else the only company named before the person in the sentence, else in the sentences just
    before it (not where an organisation the list does not know is glued to the word); for a
    company role without a rank (`manager`), only the one company named before in the
    sentence. A person who leads (`is led by the manager X`) leads the company the sentence
    is about."""
    if hit.company is not None:
        return hit.company
    if (person, word.role) in tied:
        return tied[(person, word.role)]
    if hit.leads and (subject := led()) is not None:
        return subject
    if word.role == word.role_alone and word.role != "politician":
        if word.role == "other":  # `manager`: only the one company named before in the sentence
            return None if hit.unlisted_organisation else nearby()[0]
        if topic is not None:
            return topic
        if hit.unlisted_organisation:
            return None
        in_sentence, recent = nearby()
        return in_sentence or recent
    return None


def _named_before(
    companies: list[CompanyMention],
    sentences: list[Sentence],
    starts: list[int],
    sentence: Sentence,
    position: int,
) -> tuple[CompanyMention | None, CompanyMention | None]:
    """The company named before `position` in its sentence, and in it and the sentences just
    before it in its paragraph, each where it is the only company named there (its last
    mention)."""
    own = bisect.bisect_right(starts, sentence.start) - 1
    in_sentence: dict[str, CompanyMention] = {}
    recent: dict[str, CompanyMention] = {}
    for mention in companies:
        if mention.char_start >= position:
            break
        if mention.char_start >= sentence.start:
            in_sentence[mention.company_id] = mention
        index = bisect.bisect_right(starts, mention.char_start) - 1
        if (
            own - COMPANY_SENTENCES_BACK <= index
            and sentences[index].paragraph == sentence.paragraph
        ):
            recent[mention.company_id] = mention
    return (
        next(iter(in_sentence.values())) if len(in_sentence) == 1 else None,
        next(iter(recent.values())) if len(recent) == 1 else None,
    )


def _subject_before(
    companies: list[CompanyMention],
    sentences: list[Sentence],
    starts: list[int],
    sentence: Sentence,
    position: int,
) -> CompanyMention | None:
    """The company a sentence is about, for `is led by`: the last one named before `position`
    in the sentence, else (`The new company is led by`) the last one of the sentence before
    it in its paragraph."""
    index = bisect.bisect_left(companies, position, key=_char_start) - 1
    if index >= 0 and companies[index].char_start >= sentence.start:
        return companies[index]
    own = bisect.bisect_right(starts, sentence.start) - 1
    if own < 1 or sentences[own - 1].paragraph != sentence.paragraph:
        return None
    previous = sentences[own - 1]
    index = bisect.bisect_left(companies, previous.end, key=_char_start) - 1
    if index >= 0 and companies[index].char_start >= previous.start:
        return companies[index]
    return None


def _mentions(
    text: str,
    found: list[Found],
    canonical: dict[str, str],
    sentences: list[Sentence],
    topic: CompanyMention | None,
    companies: list[CompanyMention],
) -> list[PersonMention]:
    """Person mentions from found names, each inside a sentence, with the role's company."""
    starts = [s.start for s in sentences]
    tied: dict[tuple[str, str], CompanyMention] = {}
    for hit in found:
        person = canonical.get(text[hit.start : hit.end], text[hit.start : hit.end])
        for word, _ in hit.roles:
            if word and hit.company:
                tied.setdefault((person, word.role), hit.company)
    out: list[PersonMention] = []
    for hit in found:
        index = bisect.bisect_right(starts, hit.start) - 1
        if index < 0 or hit.end > sentences[index].end:
            continue
        sentence = sentences[index]
        surface = text[hit.start : hit.end]
        person = " ".join(canonical.get(surface, surface).split())
        for word, role_text in hit.roles:
            nearby = functools.partial(
                _named_before, companies, sentences, starts, sentence, hit.start
            )
            led = functools.partial(
                _subject_before, companies, sentences, starts, sentence, hit.start
            )
            company = _company_of(word, person, hit, tied, topic, nearby, led) if word else None
            role = (word.role if company else word.role_alone) if word else None
            held_at = [*hit.partners, company] if word and company is hit.company else [company]
            for held in held_at:
                out.append(
                    PersonMention(
                        mention_index=len(out),
                        person_name=person,
                        surface_text=surface,
                        char_start=hit.start,
                        char_end=hit.end,
                        sentence_text=text[sentence.start : sentence.end],
                        role=role,
                        role_text=role_text,
                        company_id=held.company_id if held else None,
                        company_name=held.company_name if held else None,
                        company_mention_index=held.mention_index if held else None,
                    )
                )
    return out
