"""A claim's status: one decision over the evidence found around its relation word.

The evidence is the cues of `vocab/` (negation, modality, status) that stand where their scope
lets them count: right at the relation word, in its clause, or anywhere in its sentence; cues
marked `linked` also count in the next sentence when it refers back to this one. The
decision, in order:

1. a negative cue (denial, withdrawal, cancellation, failure, ending, refusal, ban, a plain
   negation of the word, a counterfactual) gives its negative status, the most specific kind
   first, then by evidence rank;
2. a report or speculation (`reportedly`, `Gerüchten zufolge`) makes the claim rumoured;
3. modality (`könnte`, `would`, `zou`, `potrebbe`, `falls`) keeps it from being a fact:
   rumoured, or planned when a conditional only reports a statement (`said it would`);
4. otherwise the status cue nearest to the relation word in its clause decides (ties by
   evidence rank), then an announcement in the linked sentence; an agreement said to stand
   already (`bereits`, `already`, `since 2020`) is active;
5. without any evidence the claim takes the least committal status the text supports: a
   question is rumoured, a stake held or a relation said to stand already is active, a deal
   (purchase, stake, merger) is announced, any other relation stated as a fact (a joint
   venture named, a supply, a cooperation) is active — never `completed`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.constants import NEGATION_AFTER_REACH, NEGATION_REACH
from flows.extract.vocabulary import (
    Evidence,
    cue_matcher,
    marker_alternation,
    marker_pattern,
    statuses_by_evidence,
)

# Deals that are done once made; another relation `completed` is a relation in place.
COMPLETABLE_TYPES = ("acquisition", "equity_investment", "merger")
# A deal stated without any evidence of its stage is known, not done.
_DEAL_TYPES = ("acquisition", "equity_investment", "merger")
_DEAL_DEFAULT = "announced"
_RELATION_DEFAULT = "active"
_HELD_DEFAULT = "active"
# `, and` between two capitalised words goes on with a list of names.
_LIST_AND_RE = re.compile(r",\s+(?:und|and|en|e|&)\s+[A-ZÄÖÜ]")
_LIST_ITEM_RE = re.compile(r"[A-ZÄÖÜ][\w.&'-]*$")


@lru_cache(maxsize=8)
def _clause_break(language: str | None) -> re.Pattern[str]:
    """Where a clause ends: a semicolon, a colon, a dash between words, or a comma followed
    by a word that opens a new clause (`, nachdem`, `, which`, `, maar`)."""
    openers = marker_alternation("clause_opener", language)
    return re.compile(
        rf"[;:](?:\s|$)|\s[\u2013\u2014-]\s|,\s+(?:{openers})(?![\w])",
        re.I,
    )


def clause_bounds(sentence: str, start: int, end: int, language: str | None) -> tuple[int, int]:
    """The clause of a sentence that holds the span start..end."""
    first, last = 0, len(sentence)
    for match in _clause_break(language).finditer(sentence):
        if _LIST_AND_RE.match(sentence, match.start()) and _LIST_ITEM_RE.search(
            sentence, 0, match.start()
        ):
            continue  # `A, B, and C`: the list goes on
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    return first, last


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    """The evidence rank of every status (lower decides first)."""
    return {status: rank for rank, status in enumerate(statuses_by_evidence())}


def _distance(evidence: Evidence, start: int, end: int) -> int:
    """Characters between a cue and the relation word (0 when they overlap)."""
    if evidence.end <= start:
        return start - evidence.end
    return max(0, evidence.start - end)


def _in_scope(
    evidence: Evidence, span: tuple[int, int], clause: tuple[int, int], reach: tuple[int, int]
) -> bool:
    """Whether a cue of the sentence counts for the relation word at span."""
    scope = evidence.cue.scope
    if scope == "trigger":
        before = reach[0] <= evidence.start and evidence.end <= span[0]
        on_or_after = span[0] < evidence.end and evidence.start <= reach[1]
        return before or on_or_after
    if scope == "clause":
        return clause[0] <= evidence.start and evidence.end <= clause[1]
    return True


def linked_evidence(following: str, language: str | None) -> list[Evidence]:
    """Cues that count in a linked sentence: the next sentence, when it opens by referring
    back (`Das gab …`, `Both companies denied …`); one that opens with a definite noun
    (`Die Konzerne dementierten …`) lends only its negative cues."""
    if not following:
        return []
    if marker_pattern("refers_back", language, "start").match(following):
        negative_only = False
    elif marker_pattern("definite", language, "start").match(following):
        negative_only = True
    else:
        return []
    return [
        e
        for e in cue_matcher(language).find(following)
        if e.cue.linked and (e.cue.negative or not negative_only)
    ]


def claim_status(
    sentence: str,
    start: int,
    end: int,
    language: str | None,
    kind: str,
    *,
    following: str = "",
    held: bool = False,
    default: str | None = None,
    sale: bool = False,
) -> str:
    """The status of the relation whose word stands at start..end of a sentence (`sale`: the
    word sells, so the seller's divestment is the buyer's deal, not a cancellation)."""
    clause = clause_bounds(sentence, start, end, language)
    reach = (max(clause[0], start - NEGATION_REACH), min(clause[1], end + NEGATION_AFTER_REACH))
    found = [
        e for e in cue_matcher(language).find(sentence) if _in_scope(e, (start, end), clause, reach)
    ]
    linked = linked_evidence(following, language)
    ranks = _ranks()
    negative = [
        e for e in found + linked if e.cue.negative and not (sale and e.cue.kind == "divestment")
    ]
    if negative:
        specific = [e for e in negative if e.cue.kind != "negation"] or negative
        return min(specific, key=lambda e: ranks[e.cue.status]).cue.status
    if any(e.cue.kind == "status" and e.cue.status == "rumored" for e in found):
        return "rumored"
    modal = [e for e in found if e.cue.modal and e.cue.kind != "aspect"]
    # `bereits`, `already`, `since 2020`: what was agreed is in place.
    in_place = any(e.cue.kind == "aspect" for e in found)
    if modal:
        return "planned" if all(_reported(sentence, e, language) for e in modal) else "rumored"
    positive = [e for e in found if e.cue.kind == "status"]
    later = [e for e in linked if e.cue.kind == "status"]
    if positive:
        nearest = min(positive, key=lambda e: (_distance(e, start, end), ranks[e.cue.status]))
        status = nearest.cue.status
    elif later:
        status = min(later, key=lambda e: ranks[e.cue.status]).cue.status
    elif sentence.rstrip().endswith("?"):
        return "rumored"
    elif default:
        return default
    elif held or in_place:
        return _HELD_DEFAULT
    else:
        return _DEAL_DEFAULT if kind in _DEAL_TYPES else _RELATION_DEFAULT
    if status == "completed" and kind not in COMPLETABLE_TYPES:
        return _RELATION_DEFAULT  # `hat X integriert`: the cooperation is in place
    if status == "announced" and in_place:
        return _RELATION_DEFAULT  # `hatten bereits vereinbart`: agreed before, in place now
    return status


def _reported(sentence: str, modal: Evidence, language: str | None) -> bool:
    """A conditional that only reports a statement (`announced that they would`)."""
    if modal.cue.kind != "conditional":
        return False
    if marker_pattern("reporting", language, "none").search(sentence, 0, modal.start):
        return True
    return any(
        e.cue.kind == "status" and e.cue.status == "announced" and e.end <= modal.start
        for e in cue_matcher(language).find(sentence, 0, modal.start)
    )
