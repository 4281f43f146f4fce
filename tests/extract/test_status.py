"""The status decision: evidence around the relation word, in all four languages."""

from __future__ import annotations

import pytest

from flows.extract.status import claim_status, clause_bounds

from .conftest import doc


def _statuses(extractor, text: str) -> dict[frozenset[str], set[str]]:
    extraction = extractor.extract(doc(text))
    out: dict[frozenset[str], set[str]] = {}
    for claim in extraction.partnerships:
        out.setdefault(frozenset((claim.company_a_id, claim.company_b_id)), set()).add(claim.status)
    return out


def _status_of(extractor, text: str, a: str, b: str) -> set[str]:
    return _statuses(extractor, text).get(frozenset((a, b)), set())


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Denial of the relation, its talks or the report of it.
        ("BMW bestreitet eine Kooperation mit Nissan.", "denied"),
        ("Stellantis ontkent elke samenwerking met Renault.", "denied"),
        ("Nissan has denied a report that it is working with Honda.", "denied"),
        ("Renault smentisce un accordo con Geely.", "denied"),
        # Withdrawal of an offer or of a party.
        ("Geely zog sein Angebot für eine Übernahme von Nio zurück.", "cancelled"),
        ("Geely trekt zich terug uit de overname van Nio.", "cancelled"),
        ("Geely withdrew its bid for the takeover of Nio.", "cancelled"),
        ("Geely ha ritirato l'offerta per l'acquisizione di Nio.", "cancelled"),
        # Talks broken off, deals that failed or ended.
        ("Die Gespräche über eine Fusion von Honda und Nissan sind gescheitert.", "cancelled"),
        ("De fusie van Honda en Nissan is mislukt.", "cancelled"),
        ("Honda and Nissan broke off talks about a merger.", "cancelled"),
        ("È naufragata la fusione tra Honda e Nissan.", "cancelled"),
        ("Das Joint Venture von Renault und Geely wurde aufgelöst.", "cancelled"),
        ("The joint venture of Renault and Geely was dissolved.", "cancelled"),
        ("La joint venture tra Renault e Geely è stata sciolta.", "cancelled"),
        # Refusal by a party and bans.
        ("Nio lehnte das Übernahmeangebot von Geely ab.", "rejected"),
        ("Nio wijst een samenwerking met Geely af.", "rejected"),
        ("Nio rejected the takeover offer from Geely.", "rejected"),
        ("Nio ha respinto l'offerta di acquisizione di Geely.", "rejected"),
    ],
)
def test_negative_evidence_gives_a_negative_status(extractor, text, status) -> None:
    found = _statuses(extractor, text)
    assert found, text
    assert all(statuses == {status} for statuses in found.values()), found


@pytest.mark.parametrize(
    "text",
    [
        "BMW und Nissan planen keine Fusion.",
        "Er komt geen fusie tussen BMW en Nissan.",
        "There will be no merger between BMW and Nissan.",
        "Non ci sarà nessuna fusione tra BMW e Nissan.",
    ],
)
def test_a_negated_relation_word_is_denied(extractor, text) -> None:
    assert _status_of(extractor, text, "bmw", "nissan") == {"denied"}


@pytest.mark.parametrize(
    "text",
    [
        "Nio liefert nicht mehr an BMW.",
        "Nio levert niet meer aan BMW.",
        "Nio no longer supplies BMW.",
        "La società Nio non fornisce più batterie a BMW.",
    ],
)
def test_a_relation_no_longer_in_place_is_cancelled(extractor, text) -> None:
    assert _status_of(extractor, text, "bmw", "nio") == {"cancelled"}


@pytest.mark.parametrize(
    "text",
    [
        "Nio hätte mit Geely bei der Software kooperieren können.",
        "Nio had met Geely aan software kunnen samenwerken.",
        "Geely could have been a production partner for Nio.",
        "Geely avrebbe potuto essere un partner di Nio per la produzione.",
    ],
)
def test_a_counterfactual_relation_did_not_come_about(extractor, text) -> None:
    assert _status_of(extractor, text, "geely", "nio") == {"cancelled"}


@pytest.mark.parametrize(
    "text",
    [
        # Reports and speculation.
        "Angeblich verhandelt Geely über eine Übernahme von Nio.",
        "Geely onderhandelt naar verluidt over een overname van Nio.",
        "Geely is reportedly in talks about a takeover of Nio.",
        "Secondo indiscrezioni Geely tratta l'acquisizione di Nio.",
        # Modality: a possibility or a conditional.
        "Geely könnte Nio übernehmen.",
        "Geely zou Nio overnemen.",
        "Geely could take over Nio.",
        "Geely potrebbe acquisire Nio.",
        # A condition.
        "Falls Geely Nio übernimmt, entsteht ein Riese.",
        "Mocht Geely Nio overnemen, dan ontstaat een reus.",
        "If Geely takes over Nio, a giant is born.",
        "Qualora il gruppo Geely acquisisca la società Nio, nascerebbe un gigante.",
    ],
)
def test_reports_and_modality_keep_a_claim_from_being_a_fact(extractor, text) -> None:
    assert _status_of(extractor, text, "geely", "nio") == {"rumored"}


@pytest.mark.parametrize(
    "text",
    [
        "BMW sagte, man würde mit Nissan zusammenarbeiten.",
        "BMW zei dat het zou samenwerken met Nissan.",
        "BMW announced that it would work with Nissan.",
    ],
)
def test_a_reported_conditional_is_a_plan(extractor, text) -> None:
    assert _status_of(extractor, text, "bmw", "nissan") == {"planned"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # No evidence: a deal is known, never done; a relation stated as fact is in place.
        ("Geely übernimmt Nio.", "announced"),
        ("Geely neemt Nio over.", "announced"),
        ("Geely buys Nio.", "announced"),
        ("Il gruppo Geely acquisisce la società Nio per due miliardi.", "announced"),
        ("CATL liefert Batterien an BMW.", "active"),
        ("CATL levert batterijen aan BMW.", "active"),
        ("CATL supplies batteries to BMW.", "active"),
        ("CATL fornisce batterie a BMW.", "active"),
        # A question asks, it does not state.
        ("Übernimmt Geely Nio?", "rumored"),
    ],
)
def test_without_evidence_the_least_committal_status(extractor, text, status) -> None:
    found = _statuses(extractor, text)
    assert set().union(*found.values()) == {status}, found


def test_the_nearest_cue_in_the_clause_decides(extractor) -> None:
    text = "CATL signed a supply agreement with BMW for its planned battery plants in Hungary."
    assert _status_of(extractor, text, "bmw", "catl") == {"announced"}
    text = "A planned joint venture of CATL and BMW will build cells in Hungary."
    assert _status_of(extractor, text, "bmw", "catl") == {"planned"}


def test_a_cue_of_another_clause_does_not_count(extractor) -> None:
    text = "Geely investiert in Nio, nachdem Renault bereits eine Beteiligung geplant hatte."
    assert _status_of(extractor, text, "geely", "nio") == {"announced"}


@pytest.mark.parametrize(
    "text",
    [
        "Geely übernimmt Nio, hieß es. Die Unternehmen dementierten das später.",
        "Geely neemt Nio over, meldden media. Beide bedrijven ontkennen dat.",
        "Geely buys Nio, a paper wrote. Both companies denied that.",
        "Geely acquisisce Nio, secondo un giornale. Entrambe le società smentiscono.",
    ],
)
def test_a_denial_in_the_linked_sentence_speaks_of_the_claim(extractor, text) -> None:
    assert _status_of(extractor, text, "geely", "nio") == {"denied"}


def test_a_sentence_that_does_not_refer_back_lends_no_evidence(extractor) -> None:
    text = "Geely übernimmt Nio. Tesla dementierte Gerüchte über neue Modelle."
    assert _status_of(extractor, text, "geely", "nio") == {"announced"}


def test_clause_bounds_end_at_a_clause_opener_not_at_a_list_comma() -> None:
    sentence = "BMW, Renault en Stellantis werken samen, maar Ford stopt ermee."
    start = sentence.index("werken")
    assert sentence[slice(*clause_bounds(sentence, start, start + 6, "nl"))] == (
        "BMW, Renault en Stellantis werken samen"
    )


def test_a_deal_done_in_a_relation_that_is_not_a_deal_is_in_place() -> None:
    sentence = "Die Integration ist abgeschlossen."
    assert claim_status(sentence, 4, 15, "de", "technology") == "active"
    assert claim_status(sentence, 4, 15, "de", "acquisition") == "completed"
