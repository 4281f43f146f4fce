"""Reading BIO-tagged sentences into text and organisation spans."""

from __future__ import annotations

from pathlib import Path

from evaluation.org_recall import BioSet, bio_sentences, org_spans


def test_org_spans_join_b_and_i_tokens_and_start_a_span_at_a_stray_i() -> None:
    tokens = [
        ("Die", "O"),
        ("Robert", "B-ORG"),
        ("Bosch", "I-ORG"),
        ("GmbH", "I-ORG"),
        ("und", "O"),
        ("Conti", "I-ORG"),
        ("liefern", "O"),
        ("an", "O"),
        ("Audi", "B-ORG"),
        ("VW", "B-ORG"),
    ]
    text, spans = org_spans(tokens)
    assert text == "Die Robert Bosch GmbH und Conti liefern an Audi VW"
    assert [text[s:e] for s, e in spans] == ["Robert Bosch GmbH", "Conti", "Audi", "VW"]


def test_bio_sentences_skip_comments_and_docstarts(tmp_path: Path) -> None:
    path = tmp_path / "set.tsv"
    path.write_text(
        "# a comment\n1\tDaimler\tB-ORG\tO\n2\twächst\tO\tO\n\n-DOCSTART-\n1\tKeiner\tO\tO\n",
        encoding="utf-8",
    )
    sentences = list(bio_sentences(BioSet("test", path, "de", token_col=1, tag_col=2)))
    assert sentences == [("Daimler wächst", [(0, 7)]), ("Keiner", [])]
