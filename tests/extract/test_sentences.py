"""Sentence splitting: abbreviations, numbers, headlines, boilerplate."""

from __future__ import annotations

from flows.extract.sentences import sentence_at, split_line, split_sentences


def _texts(text: str, language: str = "de") -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, language)]


def test_abbreviations_and_numbers_do_not_split() -> None:
    text = (
        "Das ist z. B. ein Satz mit 1.200 Autos und ca. 3,4 Mio. Euro. "
        "Am 20.04.2023 kam Dr. Müller von Tesla Inc. zurück. Am 11. April war es so."
    )
    assert _texts(text) == [
        "Das ist z. B. ein Satz mit 1.200 Autos und ca. 3,4 Mio. Euro.",
        "Am 20.04.2023 kam Dr. Müller von Tesla Inc. zurück.",
        "Am 11. April war es so.",
    ]


def test_headlines_without_punctuation_end_at_line_breaks() -> None:
    text = "Neue Kooperation mit Automobilindustrie\n\nDie Gruppe plant viel. Dann mehr."
    assert _texts(text) == [
        "Neue Kooperation mit Automobilindustrie",
        "Die Gruppe plant viel.",
        "Dann mehr.",
    ]


def test_english_and_dutch_abbreviations() -> None:
    assert _texts("E.g. this works. The U.S. market grew.", "en") == [
        "E.g. this works.",
        "The U.S. market grew.",
    ]
    assert _texts("Volgens dhr. Jansen ging het goed. Daarna niet.", "nl") == [
        "Volgens dhr. Jansen ging het goed.",
        "Daarna niet.",
    ]


def test_boilerplate_lines_are_left_out() -> None:
    text = (
        "Jetzt 20 Euro sparen: Gutschein für Abonnenten\n"
        "Lees ook: BYD wint\n"
        "Kommentare (3)\n"
        "Foto: Tesla\n"
        "Der eigentliche Text steht hier."
    )
    assert _texts(text) == ["Der eigentliche Text steht hier."]


def test_offsets_point_into_the_text() -> None:
    text = "  Erster Satz.  Zweiter Satz!\n\nDritter"
    for sentence in split_sentences(text, "de"):
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]


def test_a_stop_glued_to_the_next_sentence_splits() -> None:
    assert _texts("Die Werke laufen wieder.Ab Juli kommt die zweite Schicht.") == [
        "Die Werke laufen wieder.",
        "Ab Juli kommt die zweite Schicht.",
    ]


def test_the_sentence_at_a_span_is_the_one_the_split_holds() -> None:
    line = "  Der Vorstand tagte am 3. Mai in Köln. Dann sprach Frau Dr. Weber.Sie ging.  "
    offset = 40
    split = split_line(line, offset, 2, "de")
    for start in range(len(line)):
        for end in range(start + 1, min(len(line), start + 12) + 1):
            expected = next(
                (s for s in split if s.start <= offset + start and offset + end <= s.end), None
            )
            assert sentence_at(line, offset, 2, "de", offset + start, offset + end) == expected
