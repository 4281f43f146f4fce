"""Partnership claims: two companies, a relation trigger, a status and a direction per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from flows.extract.companies import Match
from flows.extract.constants import (
    ASSET_WORDS,
    EQUITY_STAKE_LIMIT,
    EXAMPLE_LIST_OWNER_PATTERN,
    EXAMPLE_LIST_PATTERN,
    HYPHENS,
    PARTNERSHIP_MAX_SENTENCE_CHARS,
    PARTNERSHIP_TYPE_PRIORITY,
    PRODUCTION_VERB_PATTERN,
    RELIES_ON_OBJECT,
    TRAILING_TRIGGER_GAP,
    WEAK_TRIGGER_DISTANCE,
)
from flows.extract.models import DIRECTED_PARTNERSHIP_TYPES as DIRECTED_TYPES
from flows.extract.numbers import find_quantities
from flows.extract.reference import Reference
from flows.extract.status import claim_status, clause_bounds
from flows.extract.text import fold
from flows.extract.vocabulary import (
    is_market_share,
    marker_alternation,
    marker_pattern,
    sources,
    trigger_matcher,
)

_BETWEEN_RE = marker_pattern("between", None, "none")
_SEGMENT_RE = re.compile(r"[:;]\s")
# Companies joined only by a comma, a coordinating word (`vocab/markers.csv`, every
# language: lists mix them) or both (`A, B, and C`) act side by side.
_COORDINATION_WORDS = marker_alternation("coordination", None)
_COORDINATION_RE = re.compile(
    rf"\s*(?:,\s*(?:(?:{_COORDINATION_WORDS})(?![\w])\s*)?|(?:{_COORDINATION_WORDS})(?![\w])|&|/)\s*",
    re.I,
)
_TOGETHER_WITH_RE = re.compile(r"\s+(?:mit|met|with|con|a)\s+(?:der|dem|de|het|the)?\s*", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[,;:]")
_CLAUSE_END_RE = re.compile(
    r"\s*(?:hat|haben|wurde|worden|ist|sind|heeft|hebben)?\s*(?:[.,;:!?]|$)"
)
_UNNAMED_PARTNERS_BEFORE_RE = re.compile(
    r"\b(?:mit|with|met|con)\s+(?:(?:seinen|ihren|neuen|anderen|other|new|its|their|nuovi)\s+)?$",
    re.I,
)
_UNNAMED_PARTNERS_REACH = 12
# A relation word that names a job (`Geschäftsführerin Kooperationen`, `Head of
# Partnerships`, `Direktor für Einkauf und Zusammenarbeit`) is no relation.
_JOB_TITLE_BEFORE_RE = re.compile(
    rf"\b(?:{marker_alternation('job_title', None)})"
    rf"(?:\s+(?:{marker_alternation('job_field', None)})"
    r"(?:(?:\s+[\w-]+){1,3}?\s+(?:und|and|en|e|&))?)?\s+$",
    re.I,
)
_JOB_TITLE_REACH = 60
_WITH_RE = marker_pattern("with", None, "none")
_OBJECT_DISTANCE = 40
_DESCRIBED_OBJECT_DISTANCE = 80
_CLAUSE_MARK_RE = re.compile(r"[,;:()]|\b(?:which|that|who|from|for|with)\b", re.I)
_NAME_TAIL_RE = re.compile(r"^(?:\s+[A-Z][\w&.-]*){1,3}(?=\s*(?:,|und|and|en|e|sowie|&)\s)")
_STAKE_WORD_RE = re.compile(r"stakes?|anteil|beteiligung|belang|aandelen|quota|partecipazion", re.I)
_COMPANY_ONLY_TYPES = ("acquisition", "equity_investment", "joint_venture", "merger")
_PARTNER_REACH = 30
_COMPARED_REACH = 40
# Two names listed with a description between them (`A und der bayerischen Firma B`).
_LISTED_WITH_RE = re.compile(r"\s*,?\s*(?:und|and|en|e|sowie)\s+(?:[\w'-]+\s+){0,4}", re.I)
# Capitalised names joined by hyphens (`Proton-Geely`, `Renault-Nissan-Mitsubishi`).
_NAME_COMPOUND = r"([A-ZÄÖÜ][\w&.]*(?:[-\u2010\u2011][A-ZÄÖÜ][\w&.]*)+)"
_NAME_COMPOUND_BEFORE_RE = re.compile(rf"(?<![\w-]){_NAME_COMPOUND}(?:\s+|[-\u2010\u2011])$")
_NAME_COMPOUND_AFTER_RE = re.compile(rf"\s+{_NAME_COMPOUND}(?![\w-])")
# An apposition says more than a list item: a lower-case word that joins no names.
_APPOSITION_WORD_RE = re.compile(r"\b(?!(?:und|and|en|e|sowie|oder|or|of|o)\b)[a-zäöüß]\w+")
# The buyer of a sale is named after this (`verkauft … an`, `sold … to`).
_SOLD_TO_RE = re.compile(r"\s(?:an|aan|to|a|al|alla|ad)\s", re.I)
# Between two names of a `zwischen`/`between` phrase: a comma or `and`, and a description
# (`between the Dutch firm A and the French firm B`).
_BETWEEN_GAP_RE = re.compile(
    r"\s*,?\s*(?:und|and|en|e|&|sowie)\s+(?:[\w'-]+\s+){0,4}|\s*,\s+(?:[\w'-]+\s+){0,4}", re.I
)
_STRONG_BREAK_RE = re.compile(r"[;:](?:\s|$)|\s[\u2013\u2014-]\s")
_APOSTROPHE_S_RE = re.compile(r"['\u2019]s\b")
# Between a genitive name and the name it describes: a few words, no punctuation.
_GENITIVE_GAP_RE = re.compile(r"\s+(?:[\w-]+\s+){1,3}")
_GERMAN_GENITIVE_GAP_RE = re.compile(r"\s+(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*\s+")
_COORDINATION_WORD_RE = re.compile(
    r"\b(?:und|and|en|e|sowie|oder|or|of|o|mit|with|met|con|an|to|aan|a|bei|bij|from|von|van"
    r"|da|di|in|im|auf|on|op|su|für|for|voor|per|vor|than|als|dan)\b",
    re.I,
)
# A deal noun with a definite article or possessive this near before it, and no name this
# near after it, speaks of a deal named before.
_DEFINITE_REACH = 24
_NAMED_AFTER_REACH = 3
_VERB_FINAL_LANGUAGES = ("de", "nl")
_EXAMPLE_LIST_RE = re.compile(EXAMPLE_LIST_PATTERN, re.I)
_EXAMPLE_LIST_REACH = 120
_EXAMPLE_OWNER_RE = re.compile(EXAMPLE_LIST_OWNER_PATTERN, re.I)
_NAME_LIST_RE = re.compile(
    r"\s*(?:[A-ZÄÖÜ][\w&.'-]*(?:\s+[A-ZÄÖÜ&][\w&.'-]*){0,3}\s*(?:,|und|and|en|e|sowie|&)\s*)*",
)
_PRODUCTION_VERB_RE = re.compile(PRODUCTION_VERB_PATTERN, re.I)
_TRAILING_GAP_RE = re.compile(TRAILING_TRIGGER_GAP)
_RELIES_ON_OBJECT_RE = re.compile(RELIES_ON_OBJECT, re.I)
# Relations that bind the names listed together with their word to each other (`A und B
# kooperieren`, `the merger of A and B`); a trigger flagged `transitive` does not.
_RECIPROCAL_TYPES = ("technology", "joint_venture", "merger", "research", "other")
_ASSET_RE = re.compile(rf"[{re.escape(HYPHENS)}](?:{ASSET_WORDS})", re.I)

# A plant of another company where a maker's vehicles are built (`in einer Stellantis-Fabrik`,
# `in Boschwerk`, `at a Stellantis plant`, `in de fabriek van Stellantis`).
_PLANT_WORDS = r"werk\w*|fabrik\w*|plant|factory|fabriek|stabiliment\w*|fabbrica"
_PLANT_AFTER_RE = re.compile(
    rf"(?:[{re.escape(HYPHENS)}]?(?:{_PLANT_WORDS})|'s\s+(?:plant|factory)|\s+(?:plant|factory))\b",
    re.I,
)
_AT_RE = r"\b(?:in|im|at|nel|nello|nella|nelle|negli|op)\s+(?:[\w'-]+\s+){0,3}"
_AT_PLANT_HEAD_RE = re.compile(rf"{_AT_RE}$", re.I)
_PLANT_BEFORE_RE = re.compile(
    rf"{_AT_RE}?(?:{_PLANT_WORDS})\s+(?:von|vom|des|der|of|van|di|della|del)\s+"
    r"(?:the\s+|de\s+|het\s+)?$",
    re.I,
)
_FORMER_RE = re.compile(
    r"\b(?:ehemalig\w*|frühere?[nmrs]?|former|voormalig\w*|vroegere?|ex)[\s-]+"
    r"(?:\w+[\s-]+){0,2}$",
    re.I,
)
# Made by someone else: a plant host with a passive production verb, or `lässt bei Y bauen`.
_BUILT_RE = re.compile(
    r"\b(?:montiert|gebaut|gefertigt|produziert|hergestellt|assembled|built|produced"
    r"|manufactured|geassembleerd|gebouwd|geproduceerd|gefabriceerd"
    r"|assemblat[aeio]|prodott[aeio]|costruit[aeio]|fabbricat[aeio])\b",
    re.I,
)
_COMMISSION_RE = re.compile(
    r"\b(?:lässt|ließ|lassen|laat|liet|laten|fa|fanno|ha fatto)\b(?=.*\b(?:fertigen|bauen"
    r"|produzieren|montieren|herstellen|bouwen|produceren|assembleren|maken|produrre|costruire"
    r"|assemblare)\b)",
    re.I,
)
_MAKER_AT_RE = re.compile(r"\b(?:bei|bij|presso|da)\s+(?:\w+\s+){0,2}$", re.I)
# A company that is only the platform of a statement (`gab auf LinkedIn bekannt`).
_PLATFORM_RE = re.compile(
    r"\b(?:gab|gibt|teilte|schrieb|schreibt|postete|sagte|erklärte|wrote|writes|posted|posts"
    r"|said|says|announced|shared|schreef|schrijft|zei|meldde|deelde|maakte|scrive|scritto"
    r"|annunciato|pubblicato)\s+(?:\w+\s+){0,2}?(?:auf|on|op|su|via)\s+$",
    re.I,
)
# A deal noun owned by a relative possessive (`dessen Übernahme von Nokia`)
# belongs to a party named elsewhere; the company after it is the seller, not the target.
_OWNED_DEAL_KINDS = ("acquisition", "merger", "equity_investment")
_OWNED_DEAL_RE = re.compile(r"\b(?:dessen|deren|wiens|diens)\s+(?:\w+\s+)?$", re.I)
_FROM_SELLER_RE = re.compile(r"\s+(?:von|vom|van)\b", re.I)
# Money received from a funder: `X hat 600 Millionen Euro von der Förderbank Y erhalten`.
_RECEIVED_RE = re.compile(
    r"\b(?:erhalten|erhielt|erhält|bekommen|bekam|bekommt|received|receives|secured|obtained"
    r"|raised|raises|raising|eingesammelt|sammelte|sammelt|opgehaald|haalde|haalt|raccolto"
    r"|raccoglie"
    r"|ontvangen|ontving|ontvangt|kreeg|krijgt|gekregen|ricevuto|riceve|ricevut[aei]|ottenuto"
    r"|ottiene|incassato)\b",
    re.I,
)
_FUNDER_RE = re.compile(
    r"\b(?:von|vom|from|van|da|dalla|dal|dallo|dai|led by|co-led by|backed by|angeführt von"
    r"|geleid door|guidat[oa] da)\s+(?:der|dem|den|des|the|de|het)?\s*"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
_FUNDER_LIST_GAP_RE = re.compile(
    r"\s*(?:,|and|und|en|e|&|sowie|as well as|with participation from|with contributions from"
    r"|unter beteiligung von|mit beteiligung von)?\s*(?:,\s*)?(?:and\s+|und\s+)?",
    re.I,
)
_EQUITY_ROUND_RE = re.compile(
    r"series [a-f]\b|\bseed\b|funding|financing round|investment|investor|venture|equity"
    r"|finanzierungsrunde|investor\w*|wagniskapital|risikokapital|financieringsronde"
    r"|investeerder\w*|durfkapitaal|round of financing|round di finanziamento|investitor\w*"
    r"|finanziamento",
    re.I,
)
# A stake held, stated with its holder only: the company held is the one named just before.
_HOLDER_STAKE_RE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,60},\s*)?"
    r"(?:(?:ist|bleibt|war|is|remains|was|blijft|è|resta|rimane)\s+(?:mit\s+[^,.;]{1,40}?\s+)?"
    r"(?:(?:der|die|ein|eine|the|a|an|de|een|il|lo|un|l')\s*)?(?:[\w-]+\s+){0,2}?"
    r"(?:anteilseigner|aktionär|großaktionär|hauptaktionär|ankeraktionär|gesellschafter"
    r"|shareholder|stakeholder|aandeelhouder|grootaandeelhouder|azionista|socio)\w*"
    r"|(?:hält|holds|houdt|detiene)\s+(?:rund\s+|etwa\s+|about\s+|around\s+|circa\s+)?"
    r"(?:\d[\d,.]*\s*(?:%|prozent|percent|per cent|procent|per cento))"
    r"(?:\s+(?:der\s+anteile|der\s+aktien|of\s+the\s+shares|van\s+de\s+aandelen))?)"
    r"(?!\s+(?:von|vom|an|am|bei|in|of|at|van|bij|di|del|della|dell|nel|nella)\b)",
    re.I,
)
# A held stake stated with a copula is a partnership that lasts (`ist an X beteiligt`).
_COPULA_RE = re.compile(r"\b(?:ist|sind|is|are|è|sono)\b", re.I)
_COPULA_REACH = 80


@dataclass(frozen=True, slots=True)
class Trigger:
    """A relation word found in a sentence."""

    type: str
    start: int
    end: int
    text: str
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Pair:
    """One partnership read from one sentence (offsets relative to the sentence)."""

    a: Match
    b: Match
    type: str
    status: str
    directed: bool
    trigger: str
    stake_percent: Decimal | None
    amount_value: Decimal | None
    amount_currency: str | None


@lru_cache(maxsize=8)
def _role_patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Compiled passive, agent, relative-holder and target markers of a language."""
    return {
        "passive": marker_pattern("passive", language, "none"),
        "agent": marker_pattern("passive_agent", language),
        "noun_agent": marker_pattern("noun_agent", language),
        "holder": marker_pattern("holder", language),
        "target": marker_pattern("target", language),
        "relsubj": marker_pattern("relative_subject", language),
    }


@lru_cache(maxsize=8)
def _not_supply(language: str | None) -> re.Pattern[str]:
    """Supply words that belong to another verb (German and Dutch separable verbs)."""
    langs = [lang for lang in ("de", "nl") if language in (None, lang)]
    fragments = [marker_alternation("not_supply", lang) for lang in langs]
    return re.compile("|".join(f"(?:{f})" for f in fragments) or r"(?!)", re.I)


def _refers_back(
    sentence: str, match: re.Match[str], blocked: list[tuple[int, int]], language: str | None
) -> bool:
    """A deal noun in an adjunct with no complement and no name right after it (`nach der
    Übernahme einen Umsatz`): it speaks of a deal named before."""
    head = sentence[max(0, match.start() - _DEFINITE_REACH) : match.start()]
    if not _determiner_before(language).search(head):
        return False
    if marker_pattern("complement", language, "start").match(sentence, match.end()):
        return False
    if any(0 <= s - match.end() <= _NAMED_AFTER_REACH for s, _ in blocked):
        return False
    return not any(0 <= match.start() - e <= 1 for _, e in blocked)  # `Wabco-Übernahme`


@lru_cache(maxsize=8)
def _determiner_before(language: str | None) -> re.Pattern[str]:
    """A preposition and a definite article or possessive ending a text (`nach der`)."""
    adjunct = marker_alternation("adjunct", language)
    words = (
        f"{marker_alternation('definite', language)}|{marker_alternation('possessive', language)}"
    )
    return re.compile(rf"(?<![\w])(?:{adjunct})\s+(?:{words})\s+$", re.I)


def find_triggers(
    sentence: str, language: str | None, blocked: list[tuple[int, int]]
) -> list[Trigger]:
    """Relation triggers of a sentence that are not part of a company name."""
    out = []
    for kind, match, row in trigger_matcher(language).finditer(sentence):
        if any(match.start() < e and s < match.end() for s, e in blocked):
            continue
        if kind == "supply" and _not_supply(language).match(sentence, match.start()):
            continue  # `liefert … aus`, `leverde … af`: delivered, not supplied
        if "noun" in row.flags and _refers_back(sentence, match, blocked, language):
            continue  # `nach der Übernahme`: a deal named before, no claim of its own
        if (
            kind in _OWNED_DEAL_KINDS
            and _OWNED_DEAL_RE.search(sentence, 0, match.start())
            and _FROM_SELLER_RE.match(sentence, match.end())
        ):
            continue  # `dessen Übernahme von Nokia`: the target is not named here
        if "together" in row.flags and not _together_with_named(sentence, match, blocked):
            continue
        if (
            kind == "other"
            and _UNNAMED_PARTNERS_BEFORE_RE.search(sentence, 0, match.start())
            and not any(0 <= s - match.end() <= _UNNAMED_PARTNERS_REACH for s, _ in blocked)
        ):
            continue  # `gemeinsam mit Partnern eine Fabrik`: partners nobody names
        if _JOB_TITLE_BEFORE_RE.search(
            sentence, max(0, match.start() - _JOB_TITLE_REACH), match.start()
        ):
            continue  # a job, not a relation
        if "relies_on" in row.flags:
            target = _RELIES_ON_OBJECT_RE.match(sentence, match.end())
            if target is None or not any(s == target.end() for s, _ in blocked):
                continue
        if "trailing" in row.flags and not any(
            e <= match.start() and _TRAILING_GAP_RE.match(sentence[e : match.start()])
            for _, e in blocked
        ):
            continue
        if (
            "weak" in row.flags
            and not any(
                0 <= s - match.end() <= WEAK_TRIGGER_DISTANCE
                or 0 <= match.start() - e <= WEAK_TRIGGER_DISTANCE
                for s, e in blocked
            )
            and not (
                language in _VERB_FINAL_LANGUAGES
                and "verb_final" in row.flags
                and _CLAUSE_END_RE.match(sentence, match.end()) is not None
            )
        ):
            continue
        out.append(Trigger(kind, match.start(), match.end(), match.group(0), row.flags))
    return sorted(out, key=lambda t: (PARTNERSHIP_TYPE_PRIORITY.index(t.type), t.start))


def _together_with_named(
    sentence: str, match: re.Match[str], blocked: list[tuple[int, int]]
) -> bool:
    """`X und Y ... gemeinsam`, `gemeinsam mit Y`: who builds together is named with the word."""
    spans = sorted(blocked)
    for (_, end_a), (start_b, end_b) in zip(spans, spans[1:], strict=False):
        if (
            end_b <= match.start()
            and _COORDINATION_RE.fullmatch(sentence[end_a:start_b])
            and not _CLAUSE_BREAK_RE.search(sentence[end_b : match.start()])
        ):
            return True
    follow = _TOGETHER_WITH_RE.match(sentence, match.end())
    return bool(follow) and any(s == follow.end() for s, _ in spans)


def _preceded_by(sentence: str, start: int, pattern: re.Pattern[str]) -> bool:
    """Whether the words right before an offset match a marker pattern."""
    return bool(pattern.search(sentence[max(0, start - 40) : start]))


def directed_roles(
    sentence: str, companies: list[Match], trigger: Trigger, language: str | None
) -> tuple[Match, Match, bool]:
    """Buyer or investor, target, and whether a grammatical cue (not word order) said so."""
    before = [c for c in companies if c.end <= trigger.start]
    after = [c for c in companies if c.start >= trigger.end]
    if "passive" in trigger.flags and before and after:
        return after[0], before[-1], True  # `Y, owned by X`: the agent holds
    if "sale" in trigger.flags:
        # The last `an`/`to` with a name after it (`verkauft seine Beteiligung an X an Y`).
        markers = [
            m
            for m in _SOLD_TO_RE.finditer(sentence, trigger.end)
            if any(0 <= c.start - m.end() <= _PARTNER_REACH for c in after)
        ]
        sold_to = markers[-1] if markers else None
        buyers = [c for c in after if sold_to and c.start >= sold_to.end()]
        sold = [c for c in after if sold_to and c.end <= sold_to.start()] or before
        if sold_to and buyers and sold:
            return buyers[0], sold[-1], True  # `sells Y to X`: X buys Y
        return companies[0], companies[1], False  # a sale to a buyer not named
    roles = _role_patterns(language)
    for company in companies:
        if company.start < trigger.start and _preceded_by(
            sentence, company.start, roles["relsubj"]
        ):
            target = [c for c in companies if c.end <= company.start]
            if target:
                return company, target[-1], True
        if _preceded_by(sentence, company.start, roles["holder"]):
            target = [c for c in companies if c.end <= company.start]
            if target:
                return company, target[-1], True
    passive = roles["passive"].search(sentence)
    for company in after:
        if (passive and _preceded_by(sentence, company.start, roles["agent"])) or _preceded_by(
            sentence, company.start, roles["noun_agent"]
        ):
            return company, next(c for c in companies if c is not company), True
    if passive:
        agents = [c for c in companies if _preceded_by(sentence, c.start, roles["agent"])]
        if agents:
            return agents[0], next(c for c in companies if c is not agents[0]), True
    first = companies[0]
    if 0 <= first.start - trigger.end <= _OBJECT_DISTANCE and _preceded_by(
        sentence, first.start, roles["target"]
    ):
        # "Übernahme von X ...: Y erwirbt": the first name is the object of a noun trigger.
        return companies[1], first, True
    for company in companies[1:]:
        if _preceded_by(sentence, company.start, roles["target"]):
            before = [c for c in companies if c.end <= company.start]
            return (before[-1] if trigger.start < company.start else before[0]), company, True
    if before and after:
        return before[-1], after[0], False
    return companies[0], companies[1], False


def _distinct(mentions: list[Match]) -> list[Match]:
    """First mention of every company, in text order."""
    seen: dict[str, Match] = {}
    for mention in mentions:
        seen.setdefault(mention.company_id, mention)
    return sorted(seen.values(), key=lambda m: m.start)


def _coordinated(sentence: str, first: Match, second: Match) -> bool:
    """Whether two names stand side by side in a list (`X und Y`, `X Intelligent Driving, Y`)."""
    gap = _NAME_TAIL_RE.sub("", sentence[first.end : second.start], count=1)
    return bool(_COORDINATION_RE.fullmatch(gap))


def _partner_chains(sentence: str, candidates: list[Match]) -> list[Match]:
    """Companies named right after a `mit`/`with`, and those listed together with them."""
    out: list[Match] = []
    for company in candidates:
        head = sentence[max(0, company.start - _PARTNER_REACH) : company.start]
        if _WITH_RE.search(head) or (out and _coordinated(sentence, out[-1], company)):
            out.append(company)
    return out


def _undirected_pairs(
    sentence: str,
    companies: list[Match],
    reciprocal: bool,
    trigger: Trigger,
    clause_end: int,
    language: str | None,
) -> list[tuple[Match, Match]]:
    """Which companies of a sentence are parties of the relation: those named by a
    `zwischen`/`between` phrase, the subjects and the partners after `mit`/`with`, names
    listed together with a reciprocal word (`A und B kooperieren`), or the subjects and the
    objects of a one-sided word (`X liefert an A, B und C`: X–A, X–B, X–C, never A–B).
    Names after the end of the trigger's clause are no party of it."""
    trigger_start = trigger.start
    companies = [c for c in companies if c.start < trigger.start or c.start < clause_end]
    if len(companies) < 2:
        return []
    between = _BETWEEN_RE.search(sentence)
    if between:
        after = [c for c in companies if c.start > between.end()]
        listed = after[:1]
        for company in after[1:]:
            gap = sentence[listed[-1].end : company.start]
            if not (_coordinated(sentence, listed[-1], company) or _BETWEEN_GAP_RE.fullmatch(gap)):
                break
            listed.append(company)
        if len(listed) >= 2:
            return [(a, b) for i, a in enumerate(listed) for b in listed[i + 1 :]]
    first_marker = _WITH_RE.search(sentence)
    if first_marker and 0 <= companies[0].start - first_marker.end() <= _PARTNER_REACH:
        return []  # "eine Zusammenarbeit mit X und Y": the other party is not named here
    marker = _WITH_RE.search(sentence, companies[0].end)
    if marker:
        subjects = [c for c in companies if c.end <= marker.start()]
        partners = _partner_chains(sentence, [c for c in companies if c.start >= marker.end()])
        if subjects and partners:
            pronoun = marker_pattern("pronoun", language, "none").search(
                sentence, subjects[-1].end, marker.start()
            )
            if pronoun and subjects[0] is not subjects[-1]:
                # `X is no stranger to Y as it works with Z`: the pronoun is X, the subject
                # (with the names listed with it: `X and Y say they are in talks with Z`).
                chain = [subjects[0]]
                for company in subjects[1:]:
                    if not _coordinated(sentence, chain[-1], company):
                        break
                    chain.append(company)
                return [(s, p) for s in chain for p in partners]
            chained = [subjects[-1]]
            for previous, company in zip(
                reversed(subjects[:-1]), reversed(subjects[1:]), strict=True
            ):
                if not _coordinated(sentence, previous, company):
                    break
                chained.insert(0, previous)
            return [(s, p) for s in chained for p in partners]
    if all(_coordinated(sentence, a, b) for a, b in zip(companies, companies[1:], strict=False)):
        if not reciprocal and (len(companies) > 2 or trigger_start < companies[0].start):
            return []  # names side by side as one party ("geliefert von A, B und C")
        return [(a, b) for i, a in enumerate(companies) for b in companies[i + 1 :]]
    chain = 1
    while chain < len(companies) and _coordinated(sentence, companies[chain - 1], companies[chain]):
        chain += 1
    if chain > 1:
        # "Honda und Mitsubishi verbieten DeepSeek": each subject with the other party.
        return [(s, o) for s in companies[:chain] for o in companies[chain:]]
    if (
        not reciprocal
        and companies[0].start >= trigger.end
        and (
            _LISTED_WITH_RE.fullmatch(sentence[companies[0].end : companies[1].start])
            or _beneficiary_before(language).search(sentence, trigger.end, companies[0].start)
        )
    ):
        # `untersagt den Verkauf von A und der Firma B`, `gebaut für A, B und C`: one side of
        # the relation, the other not named here.
        return []
    # The subject with the first names after the relation word (`X nutzt Y … für A und B`:
    # X–Y only); with every other name when all stand before it (`X hat Y integriert`).
    after = [c for c in companies[1:] if c.start >= trigger.end]
    if not after:
        return [(companies[0], other) for other in companies[1:]]
    objects = after[:1]
    for company in after[1:]:
        if not _coordinated(sentence, objects[-1], company):
            break
        objects.append(company)
    return [(companies[0], other) for other in objects]


def _amounts(
    sentence: str, language: str | None
) -> tuple[Decimal | None, Decimal | None, str | None]:
    """Stake percent and amount with currency stated in a sentence."""
    stake = amount = currency = None
    for quantity in find_quantities(sentence, language):
        if quantity.is_percent and stake is None and quantity.value <= 100:
            stake = quantity.value
        elif quantity.currency and amount is None:
            amount, currency = quantity.value, quantity.currency
    return stake, amount, currency


def joint_venture_parents(
    companies: list[Match], reference: Reference, has_jv_trigger: bool
) -> list[tuple[str, str]]:
    """Parent pairs of joint ventures named with their parents in a sentence."""
    ids = {c.company_id for c in companies}
    out = []
    for company in companies:
        record = reference.companies.get(company.company_id)
        if record is None or record.company_kind != "joint_venture" or len(record.parents) != 2:
            continue
        named = [p for p in record.parents if p in ids]
        if len(named) == 2 or (named and has_jv_trigger):
            out.append(record.parents)
    return out


def _segment(sentence: str, position: int) -> tuple[int, int]:
    """The part of a sentence between colons or semicolons around an offset."""
    start = 0
    for match in _SEGMENT_RE.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            return start, match.start()
    return start, len(sentence)


def _ranked_triggers(
    sentence: str, triggers: list[Trigger], companies: list[Match]
) -> list[tuple[Trigger, list[Match]]]:
    """Triggers best first: the segment naming most companies, then type priority, position."""
    ranked = []
    for trigger in triggers:
        start, end = _segment(sentence, trigger.start)
        inside = [c for c in companies if start <= c.start and c.end <= end]
        key = (-min(len(inside), 2), PARTNERSHIP_TYPE_PRIORITY.index(trigger.type), trigger.start)
        ranked.append((key, trigger, inside if len(inside) >= 2 else companies))
    ranked.sort(key=lambda r: r[0])
    return [(trigger, scope) for _, trigger, scope in ranked]


def _is_asset(sentence: str, company: Match) -> bool:
    """A compound naming a company's plant or site (`Audi-Werk`), not the company itself."""
    return bool(_ASSET_RE.match(sentence, company.end))


def sentence_partnerships(
    sentence: str,
    mentions: list[Match],
    language: str | None,
    reference: Reference,
    following: str = "",
) -> list[Pair]:
    """Every partnership a sentence states between the companies named in it."""
    if len(sentence) > PARTNERSHIP_MAX_SENTENCE_CHARS:
        return []
    parties = [m for m in mentions if not _is_platform(sentence, m) and not _is_source(sentence, m)]
    parties = _without_compared(sentence, parties, language)
    pairs = _stated_partnerships(sentence, parties, language, reference, following)
    claimed = {frozenset((p.a.company_id, p.b.company_id)) for p in pairs}
    for pair in _possessive_partners(sentence, parties, language, reference):
        key = frozenset((pair.a.company_id, pair.b.company_id))
        if key not in claimed:
            claimed.add(key)
            pairs.append(pair)
    listed = [m for m in parties if not _in_example_list(sentence, m)]
    plant = _built_in_plant_of(sentence, listed, language, reference)
    if plant and frozenset((plant.a.company_id, plant.b.company_id)) not in claimed:
        pairs.append(plant)
    if not pairs:
        companies = _distinct([m for m in listed if not m.product_use and m.method != "product"])
        for funding in _funding(sentence, companies, language):
            if not _related(funding.a.company_id, funding.b.company_id, reference):
                pairs.append(funding)
    return pairs


def _possessive_partners(
    sentence: str, mentions: list[Match], language: str | None, reference: Reference
) -> list[Pair]:
    """`X's battery partner Y`, `Xs Zulieferer Y`: a genitive name and the name its partner
    word describes are partners (the genitive is no party of any other relation word)."""
    pairs = []
    usable = [m for m in mentions if not m.product_use]
    for mention in usable:
        other = _genitive_of(sentence, mention, usable)
        if other is None or _related(mention.company_id, other.company_id, reference):
            continue
        words = [
            t
            for t in find_triggers(sentence, language, [(m.start, m.end) for m in usable])
            if mention.end <= t.start and t.end <= other.start and t.type not in _COMPANY_ONLY_TYPES
        ]
        if not words:
            continue
        word = words[0]
        a, b = sorted((mention, other), key=lambda m: m.company_id)
        status = claim_status(sentence, word.start, word.end, language, word.type)
        pairs.append(Pair(a, b, word.type, status, False, word.text, None, None, None))
    return pairs


def _stated_partnerships(
    sentence: str,
    mentions: list[Match],
    language: str | None,
    reference: Reference,
    following: str,
) -> list[Pair]:
    """The partnerships the relation words of a sentence state."""
    owner = _owner_of_listed_brands(sentence, mentions, reference)
    named = [
        m
        for m in sorted([*mentions, *([owner] if owner else [])], key=lambda m: m.start)
        if m is owner
        or not _in_example_list(sentence, m)
        and not _is_asset(sentence, m)  # `eine frühere Nissan-Fabrik` is a plant
    ]
    usable = [m for m in named if not m.product_use]
    companies = _distinct(usable)
    production = _builds_product_of(sentence, companies, mentions, reference)
    if production:
        return [production]
    # A product stands for its maker in cooperation and supply ("integriert DeepSeek-R1"),
    # never in a purchase, a stake or a joint venture.
    everyone = _distinct(named)
    # Plants named by their company (`das Audi-Werk`) can only be bought.
    plants = _distinct([m for m in mentions if m.method != "product" and _is_asset(sentence, m)])
    if len(_distinct(everyone + plants)) < 2:
        return []
    triggers = find_triggers(sentence, language, [(m.start, m.end) for m in named])
    has_jv = any(t.type == "joint_venture" for t in triggers)
    pairs: list[Pair] = []
    jv_parents = joint_venture_parents(companies, reference, has_jv)
    for parent_a, parent_b in jv_parents:
        a, b = sorted((parent_a, parent_b))
        status = (
            claim_status(
                sentence, triggers[0].start, triggers[0].end, language, "joint_venture",
                following=following,
            )
            if triggers
            else claim_status(sentence, 0, 0, language, "joint_venture")
        )  # fmt: skip
        pairs.append(
            Pair(
                _as_match(a, companies, reference),
                _as_match(b, companies, reference),
                "joint_venture",
                status,
                False,
                "joint venture",
                None,
                None,
                None,
            )
        )
    jv_ids = {c.company_id for c in companies if reference.is_joint_venture(c.company_id)}
    if jv_ids:
        # A joint venture named in the sentence is what its trigger words describe.
        triggers = [t for t in triggers if t.type != "joint_venture"]
        if jv_parents:
            companies = [c for c in companies if c.company_id not in jv_ids]
            everyone = [c for c in everyone if c.company_id not in jv_ids]
    if not triggers or len(_distinct(everyone + plants)) < 2:
        return pairs
    for trigger, scope in _ranked_triggers(sentence, triggers, everyone):
        if trigger.type in _COMPANY_ONLY_TYPES:
            scope = [c for c in scope if not c.product_use and c in companies]
            if trigger.type == "acquisition":
                # `Nio übernimmt das Audi-Werk`: a plant bought from its company.
                ids = {c.company_id for c in scope}
                scope = sorted(
                    scope + [p for p in plants if p.company_id not in ids],
                    key=lambda m: m.start,
                )
        scope = _parties_of(sentence, trigger, scope, named + plants, language)
        compound = _compound_next_to(sentence, trigger)
        joined = [c for c in scope if compound and compound[0] <= c.start and c.end <= compound[1]]
        if len(joined) >= 2:
            # `the A-B partnership`, `joint venture A-B`: the names joined are the parties.
            scope = joined
        if len(scope) < 2:
            continue
        found = _claims_for(sentence, trigger, scope, triggers, language, reference, following)
        done = {frozenset((p.a.company_id, p.b.company_id)) for p in pairs}
        # A sentence may state several relations (`X partners with Y, while it works with
        # Z`): every relation word adds the pairs of its own parties, the best word first.
        pairs += [p for p in found if frozenset((p.a.company_id, p.b.company_id)) not in done]
    return pairs


def _parties_of(
    sentence: str,
    trigger: Trigger,
    scope: list[Match],
    mentions: list[Match],
    language: str | None,
) -> list[Match]:
    """The names that may be parties of one relation word: not after the end of its clause,
    not before a semicolon, colon or dash that separates them from it, not inside a relative
    clause that does not hold it, and not a name in the genitive that only describes the
    name after it (`Volkswagens Batteriepartner Northvolt`, `Apple's partner Foxconn`)."""
    end = _reach_end(sentence, trigger, language)
    strong = 0
    for match in _STRONG_BREAK_RE.finditer(sentence, 0, trigger.start):
        strong = match.end()
    # A relative clause that opens right after the relation word describes it (`der erste
    # Zulieferer, den X ausgewählt hat`): its names stay.
    inserted = [
        span
        for span in _relative_clauses(sentence, language) + _appositions(sentence, mentions)
        if not span[0] <= trigger.start < span[1] and not 0 <= span[0] - trigger.end <= 2
    ]
    owners = {m.end() for m in _part_of(language).finditer(sentence)}
    ids = {m.company_id for m in scope}
    # Every mention of a company in scope, so that a name repeated closer to the word counts.
    candidates = [m for m in mentions if m.company_id in ids and m not in scope] + scope
    kept: dict[str, Match] = {}
    for mention in candidates:
        if mention.start >= trigger.end and mention.start >= end:
            continue
        if mention.end <= trigger.start and mention.start < strong:
            continue
        if any(s <= mention.start < e for s, e in inserted):
            continue
        if _genitive_of(sentence, mention, candidates) is not None:
            continue
        if mention.start in owners:
            continue  # `der zum X-Konzern gehörende Hersteller`: the owner only describes
        known = kept.get(mention.company_id)
        if known is None or mention.start < known.start:
            kept[mention.company_id] = mention
    return sorted(kept.values(), key=lambda m: m.start)


@lru_cache(maxsize=8)
def _part_of(language: str | None) -> re.Pattern[str]:
    """The words before the name of a company's owner (`der zum X-Konzern gehörende`, `, part
    of the X group`): ending right before the owner's name."""
    return re.compile(marker_alternation("part_of", language), re.I)


@lru_cache(maxsize=8)
def _beneficiary_before(language: str | None) -> re.Pattern[str]:
    """`für`, `voor`, `for`, `per` ending the words before a name."""
    words = marker_alternation("beneficiary", language)
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:[\w'-]+\s+){{0,2}}$", re.I)


def _compound_next_to(sentence: str, trigger: Trigger) -> tuple[int, int] | None:
    """Names joined by hyphens right before or after a relation word (`the A-B alliance`,
    `joint venture A-B-C`), as one span."""
    before = _NAME_COMPOUND_BEFORE_RE.search(sentence, 0, trigger.start)
    if before:
        return before.start(1), before.end(1)
    after = _NAME_COMPOUND_AFTER_RE.match(sentence, trigger.end)
    if after:
        return after.start(1), after.end(1)
    return None


def _reach_end(sentence: str, trigger: Trigger, language: str | None) -> int:
    """Where the names a relation word reaches end: the end of its clause, or of a relative
    clause that opens right after it and describes it (`der erste Zulieferer, den X …`)."""
    end = clause_bounds(sentence, trigger.start, trigger.end, language)[1]
    for start, stop in _relative_clauses(sentence, language):
        if 0 <= start - trigger.end <= 2:
            return max(end, stop)
    return end


def _appositions(sentence: str, mentions: list[Match]) -> list[tuple[int, int]]:
    """Phrases set off by commas right after a name that say more than a name (`SAIC, in
    Europa durch die Marke MG bekannt, betreibt …`): the names inside describe it."""
    spans = []
    for mention in mentions:
        if not sentence.startswith(",", mention.end):
            continue
        close = sentence.find(",", mention.end + 1)
        if close != -1 and _APPOSITION_WORD_RE.search(sentence, mention.end + 1, close):
            spans.append((mention.end, close))
    return spans


def _relative_clauses(sentence: str, language: str | None) -> list[tuple[int, int]]:
    """Relative clauses set off by commas (`, which owns Audi,`), from the comma that opens
    one to the comma that closes it."""
    spans = []
    for match in _relative_opener(language).finditer(sentence):
        close = sentence.find(",", match.end())
        spans.append((match.start(), close if close != -1 else len(sentence)))
    return spans


@lru_cache(maxsize=8)
def _relative_opener(language: str | None) -> re.Pattern[str]:
    """A comma that opens a relative clause."""
    words = marker_alternation("relative", language)
    prepositions = marker_alternation("complement", language)
    return re.compile(rf",\s+(?:(?:{prepositions})\s+)?(?:{words})(?![\w])", re.I)


def _genitive_of(sentence: str, mention: Match, mentions: list[Match]) -> Match | None:
    """The name a genitive name describes (`Volkswagens Batteriepartner Northvolt`,
    `Apple Inc.'s manufacturing partner Foxconn`), if it stands a few words after it."""
    apostrophe = _APOSTROPHE_S_RE.match(sentence, mention.end)
    # A German genitive has no apostrophe (`Volkswagens`): a noun must follow it.
    german = apostrophe is None and sentence[mention.start : mention.end].endswith("s")
    if apostrophe is None and not german:
        return None
    after = apostrophe.end() if apostrophe else mention.end
    gap_re = _GERMAN_GENITIVE_GAP_RE if german else _GENITIVE_GAP_RE
    for other in mentions:
        if other.start < after or other.company_id == mention.company_id:
            continue
        gap = sentence[after : other.start]
        if gap_re.fullmatch(gap) and not _COORDINATION_WORD_RE.search(gap):
            return other
        break
    return None


def _claims_for(
    sentence: str,
    trigger: Trigger,
    scope: list[Match],
    triggers: list[Trigger],
    language: str | None,
    reference: Reference,
    following: str,
) -> list[Pair]:
    """The claims one trigger states between the companies in its scope (may be none)."""
    kind = trigger.type
    if "share" in trigger.flags and is_market_share(
        sentence, trigger.start, trigger.end, language, tuple(m.start for m in scope)
    ):
        return []  # `ein Anteil von 12 Prozent bei den Zulassungen`: a market share
    directed = kind in DIRECTED_TYPES
    stake, amount, currency = _amounts(sentence, language)
    if kind == "acquisition" and (
        (stake is not None and stake < EQUITY_STAKE_LIMIT)
        or any(t.type == "equity_investment" and _STAKE_WORD_RE.match(t.text) for t in triggers)
    ):
        kind = "equity_investment"  # "kauft 10 Prozent an X", "acquired a stake in X"
    # `hält 26 Prozent an X`, `ist an X beteiligt`: a stake that is held.
    head = max(0, trigger.start - _COPULA_REACH)
    held = kind == "equity_investment" and (
        "passive" in trigger.flags
        or marker_pattern("holding", language, "none").search(sentence, head, trigger.end)
        is not None
        or "stative" in trigger.flags
        and _COPULA_RE.search(sentence, head, trigger.start) is not None
    )
    status = claim_status(
        sentence,
        trigger.start,
        trigger.end,
        language,
        kind,
        following=following,
        held=held,
        sale="sale" in trigger.flags,
    )
    if directed:
        buyer, target, explicit = directed_roles(sentence, scope, trigger, language)
        if (kind == "equity_investment" or "sale" in trigger.flags) and not explicit:
            return []  # a stake or a sale without a named holder and target is no claim
        if (
            not explicit
            and language not in _VERB_FINAL_LANGUAGES
            and not _object_of(sentence, trigger, target)
        ):
            return []  # "X buys them in": the object of the verb is no company
        if (kind != "acquisition" and _is_asset(sentence, target)) or (
            kind == "acquisition"
            and _coordinated(sentence, *sorted((buyer, target), key=lambda m: m.start))
        ):
            return []
        candidates = [(buyer, target)]
        if explicit and buyer.start > target.start:
            # `controllata da A e B`, `owned by A and B`: every agent listed holds.
            for company in [c for c in scope if c.start > buyer.start]:
                if not _coordinated(sentence, candidates[-1][0], company):
                    break
                candidates.append((company, target))
    else:
        reciprocal = kind in _RECIPROCAL_TYPES and "transitive" not in trigger.flags
        clause_end = _reach_end(sentence, trigger, language)
        candidates = _undirected_pairs(sentence, scope, reciprocal, trigger, clause_end, language)
    pairs: list[Pair] = []
    done: set[frozenset[str]] = set()
    for first, second in candidates:
        if first.company_id == second.company_id or (
            not directed and _related(first.company_id, second.company_id, reference)
        ):
            continue
        if not directed and first.company_id > second.company_id:
            first, second = second, first
        key = frozenset((first.company_id, second.company_id))
        if key in done:
            continue
        done.add(key)
        money = directed or kind == "joint_venture"
        pairs.append(
            Pair(
                first,
                second,
                kind,
                status,
                directed,
                trigger.text,
                stake if directed else None,
                amount if money else None,
                currency if money else None,
            )
        )
    return pairs


def _in_example_list(sentence: str, mention: Match) -> bool:
    """Whether a name stands in a list of example brands (`merken als Peugeot, Fiat en Opel`)."""
    head = sentence[max(0, mention.start - _EXAMPLE_LIST_REACH) : mention.start]
    markers = list(_EXAMPLE_LIST_RE.finditer(head))
    return bool(markers) and bool(_NAME_LIST_RE.fullmatch(head[markers[-1].end() :]))


def _owner_of_listed_brands(
    sentence: str, mentions: list[Match], reference: Reference
) -> Match | None:
    """The group "behind brands such as A, B and C": their one common owner, on the list's span."""
    listed = [m for m in mentions if _in_example_list(sentence, m)]
    if not listed:
        return None
    head = sentence[max(0, listed[0].start - _EXAMPLE_LIST_REACH) : listed[0].start]
    markers = list(_EXAMPLE_LIST_RE.finditer(head))
    if not markers or not _EXAMPLE_OWNER_RE.search(head[: markers[-1].start()]):
        return None
    owners = [
        {m.company_id} | reference.ancestors(m.company_id)
        for m in listed
        if m.company_id in reference.companies
    ]
    if len(owners) != len(listed):
        return None
    common = set.intersection(*owners)
    # The nearest common owner: the one that is no ancestor of another common owner.
    nearest = [c for c in common if not any(c in reference.ancestors(o) for o in common)]
    if len(nearest) != 1:
        return None
    return Match(
        listed[0].start,
        listed[-1].end,
        nearest[0],
        reference.name_of(nearest[0]),
        listed[0].method,
    )


def _builds_product_of(
    sentence: str, companies: list[Match], mentions: list[Match], reference: Reference
) -> Pair | None:
    """ "X baut den Y-Wagen": a company building another company's product produces for it."""
    verb = _PRODUCTION_VERB_RE.search(sentence)
    if verb is None:
        return None
    products = [m for m in mentions if m.product_use and m.start > verb.start()]
    makers = [c for c in companies if c.end <= verb.start()]
    for product in products:
        for maker in reversed(makers):
            if maker.company_id != product.company_id and not _related(
                maker.company_id, product.company_id, reference
            ):
                a, b = sorted((maker, product), key=lambda m: m.company_id)
                status = claim_status(sentence, verb.start(), verb.end(), None, "production")
                return Pair(a, b, "production", status, False, verb.group(0), None, None, None)
    return None


def _object_of(sentence: str, trigger: Trigger, target: Match) -> bool:
    """Whether a company is the object of a deal verb: right after it, or after a description
    in the same clause (`acquired the music streaming platform Pretzel`)."""
    gap = target.start - trigger.end
    if 0 <= gap <= _OBJECT_DISTANCE:
        return True
    return 0 <= gap <= _DESCRIBED_OBJECT_DISTANCE and not _CLAUSE_MARK_RE.search(
        sentence[trigger.end : target.start]
    )


def _related(a: str, b: str, reference: Reference) -> bool:
    """Whether two companies are one group: one owns the other (a parent and its brand, a
    joint venture and its parent), or a joint venture and a company of one of its parents
    (`SAIC-GM` and `Buick`). Sister companies (`Volvo`, `Lynk & Co`) may be partners."""
    if a == b:
        return True
    if a not in reference.companies or b not in reference.companies:
        return False
    if reference.same_group(a, b):
        return True
    joint = reference.is_joint_venture(a) or reference.is_joint_venture(b)
    return joint and bool(reference.ancestors(a) & reference.ancestors(b))


def _as_match(company_id: str, companies: list[Match], reference: Reference) -> Match:
    """The mention of a company in the sentence, or a stand-in for a parent not named."""
    for company in companies:
        if company.company_id == company_id:
            return company
    name = reference.name_of(company_id)
    return Match(-1, -1, company_id, name, "alias")


def _is_platform(sentence: str, company: Match) -> bool:
    """A name that is only where a statement was posted (`gab auf LinkedIn bekannt`)."""
    return bool(_PLATFORM_RE.search(sentence[max(0, company.start - 60) : company.start]))


def _is_source(sentence: str, company: Match) -> bool:
    """A news agency, a data provider or another outlet: the source of what a text reports,
    never a party to it."""
    names = sources()
    surface = " ".join(fold(sentence[company.start : company.end]).split())
    return surface in names or " ".join(fold(company.company_name).split()) in names


@lru_cache(maxsize=8)
def _compared_before(language: str | None) -> re.Pattern[str]:
    """A comparison or ranking word before a name (`vor`, `ahead of`, `tegen`, `rispetto a`),
    a few words (articles, adjectives) between them."""
    words = marker_alternation("comparison", language)
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:[\w'-]+\s+){{0,3}}?$", re.I)


def _without_compared(sentence: str, mentions: list[Match], language: str | None) -> list[Match]:
    """The mentions that are not compared or ranked against another (`stärkster Importeur
    vor A und B`, `following A, B and C`): such names, and those listed with them, are no
    party."""
    pattern = _compared_before(language)
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Match] = []
    compared: Match | None = None
    for mention in ordered:
        head = sentence[max(0, mention.start - _COMPARED_REACH) : mention.start]
        if _in_example_list(sentence, mention):
            pass  # `der Konzern hinter Marken wie A und B`: the brands name their owner
        elif pattern.search(head) or (compared and _coordinated(sentence, compared, mention)):
            compared = mention
            continue
        compared = None
        out.append(mention)
    return out


def _plant_host(sentence: str, company: Match) -> bool:
    """A name standing for a plant where something is made (`in einer Stellantis-Fabrik`)."""
    head = sentence[max(0, company.start - 60) : company.start]
    if _FORMER_RE.search(head):
        return False  # `ein ehemaliges Nissan-Werk` no longer belongs to Nissan
    compound = _PLANT_AFTER_RE.match(sentence, company.end) and _AT_PLANT_HEAD_RE.search(head)
    return bool(compound or _PLANT_BEFORE_RE.search(head))


def _production_hosts(sentence: str, mentions: list[Match]) -> tuple[list[Match], str]:
    """Companies in whose plant, or by whom, another company's vehicles are made; the verb."""
    built = _BUILT_RE.search(sentence) or _PRODUCTION_VERB_RE.search(sentence)
    commission = _COMMISSION_RE.search(sentence)
    hosts = []
    for mention in mentions:
        head = sentence[max(0, mention.start - 40) : mention.start]
        at_plant = built is not None and _plant_host(sentence, mention)
        if at_plant or (commission and _MAKER_AT_RE.search(head)):
            hosts.append(mention)
    verb = built or commission
    return hosts, verb.group(0) if verb else ""


def _built_in_plant_of(
    sentence: str, mentions: list[Match], language: str | None, reference: Reference
) -> Pair | None:
    """`Autos der Marke X werden in einer Y-Fabrik montiert`, `X lässt bei Y fertigen`."""
    hosts, verb = _production_hosts(sentence, mentions)
    for host in hosts:
        clients = {
            m.company_id: m
            for m in mentions
            if not m.passive
            and m.company_id != host.company_id
            and not _related(m.company_id, host.company_id, reference)
            and not _plant_host(sentence, m)
        }
        if len(clients) != 1:
            continue
        client = next(iter(clients.values()))
        a, b = sorted((client, host), key=lambda m: m.company_id)
        status = claim_status(sentence, host.start, host.end, language, "production")
        return Pair(a, b, "production", status, False, verb, None, None, None)
    return None


def _funding(sentence: str, companies: list[Match], language: str | None) -> list[Pair]:
    """Money from named funders: `X hat 600 Millionen Euro von der Förderbank Y erhalten`,
    `X raised $50 million in a round led by Y and Z`."""
    received = _RECEIVED_RE.search(sentence)
    if received is None or len(companies) < 2:
        return []
    money = any(q.currency and q.has_scale for q in find_quantities(sentence, language))
    round_ = _EQUITY_ROUND_RE.search(sentence) is not None
    if not money and not round_:
        return []
    funders = _funders(sentence, companies)
    others = [c for c in companies if all(c is not f for f in funders)]
    if not funders or len(others) != 1 or others[0].start > funders[0].start:
        return []  # one recipient, named before its funders
    recipient = others[0]
    stake, amount, currency = _amounts(sentence, language)
    # Money received is money paid: the receiving verb states a deal that was made.
    status = claim_status(
        sentence, received.start(), received.end(), language, "equity_investment",
        default="completed",
    )  # fmt: skip
    pairs = []
    for funder in funders:
        if round_:
            # Money from investors in a financing round buys a stake.
            pairs.append(
                Pair(
                    funder, recipient, "equity_investment", status, True, received.group(0),
                    stake, amount if len(funders) == 1 else None, currency,
                )
            )  # fmt: skip
        else:
            a, b = sorted((funder, recipient), key=lambda m: m.company_id)
            pairs.append(
                Pair(
                    a, b, "other", status, False, received.group(0),
                    None, amount if len(funders) == 1 else None, currency,
                )
            )  # fmt: skip
    return pairs


def _funders(sentence: str, companies: list[Match]) -> list[Match]:
    """The companies named after `from`, `led by`, `von` and the list that goes on from them."""
    ordered = sorted(companies, key=lambda m: m.start)
    for index, company in enumerate(ordered):
        if not _FUNDER_RE.search(sentence[max(0, company.start - 50) : company.start]):
            continue
        funders = [company]
        for following in ordered[index + 1 :]:
            if not _FUNDER_LIST_GAP_RE.fullmatch(sentence[funders[-1].end : following.start]):
                break
            funders.append(following)
        return funders
    return []


def holder_stake(
    sentence: str, holder: Match, held: Match, language: str | None, reference: Reference
) -> Pair | None:
    """`VW ist größter Anteilseigner`: a stake whose company held the sentence before names."""
    if len(sentence) > PARTNERSHIP_MAX_SENTENCE_CHARS or _related(
        holder.company_id, held.company_id, reference
    ):
        return None
    phrase = _HOLDER_STAKE_RE.match(sentence, holder.end)
    if phrase is None:
        return None
    stake, amount, currency = _amounts(sentence, language)
    trigger = Trigger("equity_investment", phrase.start(), phrase.end(), phrase.group(0).strip())
    status = claim_status(
        sentence, phrase.start(), phrase.end(), language, "equity_investment", held=True
    )
    return Pair(
        holder, held, "equity_investment", status, True, trigger.text, stake, amount, currency
    )
