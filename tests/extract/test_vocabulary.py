"""The vocabulary tables: consistent, complete in every language, and what the code derives."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from flows.extract.constants import PARTNERSHIP_TYPE_PRIORITY
from flows.extract.models import PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES
from flows.extract.reference import load_statuses
from flows.extract.vocabulary import (
    LANGUAGES,
    MARKER_ROLES,
    MODALITIES,
    NEGATION_KINDS,
    PARTIAL_MARKER_ROLES,
    VOCAB_DIR,
    VocabularyError,
    cue_matcher,
    legal_forms,
    marker_pattern,
    own_and_english,
    statuses_by_evidence,
    trigger_matcher,
    trigger_prefilter,
    vocabulary,
)


def _languages(rows) -> set[str]:
    """The languages a set of rows covers (`*` covers all)."""
    found = {row.language for row in rows}
    return set(LANGUAGES) if "*" in found else found


def test_statuses_are_one_list() -> None:
    seed = {s.status for s in load_statuses()}
    assert seed == set(PARTNERSHIP_STATUSES)
    assert sorted(s.merge_rank for s in load_statuses()) == list(range(1, len(seed) + 1))
    # Evidence decides a negative status before any positive one.
    order = statuses_by_evidence()
    negative = {s.status for s in load_statuses() if s.is_negative}
    assert set(order[: len(negative)]) == negative == {"denied", "cancelled", "rejected"}


def test_every_type_has_triggers_in_every_language() -> None:
    rows = vocabulary().triggers
    assert set(PARTNERSHIP_TYPE_PRIORITY) == set(PARTNERSHIP_TYPES) == {r.type for r in rows}
    for kind in PARTNERSHIP_TYPES:
        assert _languages([r for r in rows if r.type == kind]) == set(LANGUAGES), kind


def test_every_negative_status_and_kind_has_cues_in_every_language() -> None:
    cues = [c for c in vocabulary().cues if c.negative]
    for status in ("denied", "cancelled", "rejected"):
        assert _languages([c for c in cues if c.status == status]) == set(LANGUAGES), status
    for kind in NEGATION_KINDS:
        assert _languages([c for c in cues if c.kind == kind]) == set(LANGUAGES), kind
    # One kind, one status.
    pairs = {(c.kind, c.status) for c in cues}
    assert len(pairs) == len({kind for kind, _ in pairs})


def test_every_positive_status_and_modality_has_cues_in_every_language() -> None:
    cues = vocabulary().cues
    positive = {s.status for s in load_statuses() if not s.is_negative}
    for status in positive - {"active"}:
        rows = [c for c in cues if c.status == status and c.kind == "status"]
        assert _languages(rows) == set(LANGUAGES), status
    for modality in MODALITIES:
        rows = [c for c in cues if c.kind == modality]
        assert _languages(rows) == set(LANGUAGES), modality


def test_no_duplicate_rows() -> None:
    v = vocabulary()
    keys = Counter((r.language, r.type, r.pattern.lower()) for r in v.triggers)
    keys.update((c.language, c.table, c.pattern.lower()) for c in v.cues)
    keys.update((m.language, m.role, m.pattern) for m in v.markers)
    keys.update(("*", "legal_forms", f.form) for f in v.legal_forms)
    assert [key for key, count in keys.items() if count > 1] == []


def test_every_pattern_compiles_and_matches_only_words() -> None:
    for row in [*vocabulary().triggers, *vocabulary().cues]:
        compiled = re.compile(row.pattern, re.I)
        assert compiled.groups == 0, row
        assert not compiled.match(""), f"{row}: matches the empty string"


def test_every_marker_role_exists_in_every_language() -> None:
    assert {m.role for m in vocabulary().markers} == set(MARKER_ROLES)
    for role in set(MARKER_ROLES) - set(PARTIAL_MARKER_ROLES):
        assert _languages([m for m in vocabulary().markers if m.role == role]) == set(LANGUAGES)
        for language in LANGUAGES:
            marker_pattern(role, language)


def test_trigger_matcher_covers_the_table() -> None:
    # Every row's own literal text is found by the matcher of its language, as its own row.
    for row in vocabulary().triggers:
        literal = re.fullmatch(r"[\w ]+", row.pattern)
        if literal is None or "together" in row.flags:
            continue
        hits = [
            (kind, found)
            for kind, _, found in trigger_matcher(row.language).finditer(f"x {row.pattern} y")
        ]
        assert (row.type, row) in hits or any(
            found.type == row.type and found.line < row.line for _, found in hits
        ), row


def test_compound_triggers_match_as_the_tail_of_a_german_word() -> None:
    compound = [r for r in vocabulary().triggers if "compound" in r.flags]
    assert compound and all(r.language == "de" for r in compound)
    hits = list(trigger_matcher("de").finditer("Die Technologiekooperation steht."))
    assert [(kind, m.group(0), "compound" in row.flags) for kind, m, row in hits] == [
        ("technology", "kooperation", True)
    ]


def test_prefilter_covers_every_strong_trigger() -> None:
    prefilter = trigger_prefilter()
    for row in vocabulary().triggers:
        if "weak" in row.flags:
            continue
        literal = re.fullmatch(r"[\w ]+", row.pattern)
        if literal:
            assert prefilter.search(f"Der Satz {row.pattern} geht weiter."), row
    # Words the hand-written prefilter once missed, in all four languages.
    for text in ("X kauft Y", "X erwirbt Y", "X koopt Y", "X buys Y", "X rileva Y"):
        assert prefilter.search(text), text
    assert not prefilter.search("Der Absatz stieg im März um vier Prozent.")


def test_cue_rows_win_in_file_order() -> None:
    found = cue_matcher("en").find("The companies are not in talks about it.")
    assert [(e.cue.kind, e.cue.status) for e in found] == [("denial", "denied")]
    found = cue_matcher("en").find("It rejected a report on the deal.")
    assert [e.cue.kind for e in found] == ["denial"]
    found = cue_matcher("en").find("It rejected the offer.")
    assert [e.cue.kind for e in found][:1] == ["refusal"]


def test_legal_forms_are_one_table() -> None:
    assert "GmbH" in legal_forms("tail") and "GmbH" in legal_forms("discovery")
    assert "Motors" in legal_forms("discovery") and "Motors" not in legal_forms("strip")
    kinds = {f.form: f.kind for f in vocabulary().legal_forms}
    assert kinds["S.p.A."] == "legal" and kinds["Holding"] == "group"
    with pytest.raises(VocabularyError):
        legal_forms("everything")


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("triggers.csv", "de,übernimmt,takeover,\n", "type 'takeover'"),
        ("triggers.csv", "de,kauft{1,3},acquisition,\n", "not 4 fields"),
        ("triggers.csv", "de,über(nimmt,acquisition,\n", "pattern"),
        ("triggers.csv", "de,(übernimmt),acquisition,\n", "captures"),
        ("triggers.csv", "de,übernimmt,acquisition,strong\n", "flag 'strong'"),
        ("status_cues.csv", "fr,rachète,completed,clause,false\n", "language 'fr'"),
        ("status_cues.csv", "de,erledigt,denied,clause,false\n", "status 'denied'"),
        ("negation_cues.csv", "de,nein,negation,denied,everywhere,false\n", "scope 'everywhere'"),
        ("negation_cues.csv", "de,nein,negation,completed,trigger,false\n", "status 'completed'"),
        ("modality_cues.csv", "de,vielleicht,possibility,rumored,clause,maybe\n", "linked"),
    ],
)
def test_bad_rows_are_refused_with_their_place(tmp_path: Path, file, line, message) -> None:
    copy = tmp_path / "vocab"
    shutil.copytree(VOCAB_DIR, copy)
    with (copy / file).open("a", encoding="utf-8") as handle:
        handle.write(line)
    with pytest.raises(VocabularyError, match=re.escape(message)) as error:
        vocabulary(copy)
    assert file in str(error.value)


@pytest.mark.parametrize(
    ("language", "only_none", "expected"),
    [
        ("de", False, ("de", "en")),
        ("en", False, ("en",)),
        ("it", True, ("it", "en")),
        (None, False, LANGUAGES),
        (None, True, LANGUAGES),
        ("fr", False, LANGUAGES),
        ("fr", True, ("fr", "en")),
    ],
)
def test_own_and_english(language, only_none, expected) -> None:
    assert own_and_english(language, only_none_unknown=only_none) == expected
