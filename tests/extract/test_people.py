"""People: role words next to names, the role's company, names resolved within a document."""

from __future__ import annotations

import re

import pytest

from flows.extract.models import PERSON_ROLES
from flows.extract.people import expand, people_vocabulary
from flows.extract.vocabulary import (
    ANY_LANGUAGE,
    LANGUAGES,
    PERSON_CUE_KINDS,
    VocabularyError,
    vocabulary,
)

from .conftest import doc


def _roles(extractor, text: str) -> set[tuple[str, str | None, str | None]]:
    """(person, company, role) of every person mention with a role."""
    extraction = extractor.extract(doc(text))
    return {(p.person_name, p.company_id, p.role) for p in extraction.people if p.role}


def _people(extractor, text: str) -> list[tuple[str, str]]:
    """(surface, person) of every person mention, in text order."""
    return [(p.surface_text, p.person_name) for p in extractor.extract(doc(text)).people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # apposition after the name, the company linked by an article or preposition
        (
            "Henrik Sandberg, CEO der Geely-Gruppe, besuchte am Donnerstag zwei Zulieferer.",
            ("Henrik Sandberg", "geely", "ceo"),
        ),
        # a company glued to the role word: hyphen, genitive, compound
        (
            "Tesla-Chef Elon Musk kündigte am Dienstag in Berlin neue Modelle an.",
            ("Elon Musk", "tesla", "ceo"),
        ),
        (
            "Teslas Chef Elon Musk sprach am Dienstag vor den Aktionären in Austin.",
            ("Elon Musk", "tesla", "ceo"),
        ),
        (
            "Teslachef Elon Musk sprach am Dienstag vor den Aktionären in Austin.",
            ("Elon Musk", "tesla", "ceo"),
        ),
        # a unit between the role word and the company's preposition
        (
            "Anna Berger, Direktorin für Einkauf und Logistik bei BMW, erwartet höhere Preise.",
            ("Anna Berger", "bmw", "head_of_unit"),
        ),
        # no company: a politician
        (
            "Bundeskanzler Olaf Scholz besuchte am Freitag das neue Werk in der Lausitz.",
            ("Olaf Scholz", None, "politician"),
        ),
        # Dutch: the company after the name, and glued by a hyphen
        (
            "Volgens topman Carlos Tavares van Stellantis blijft de fabriek in Tychy open.",
            ("Carlos Tavares", "stellantis", "ceo"),
        ),
        (
            "De Tesla-baas Elon Musk sprak dinsdag op een congres in Shanghai over software.",
            ("Elon Musk", "tesla", "ceo"),
        ),
        # English: company before the role word, possessive, and role of company, name
        (
            "Tesla chief executive Elon Musk said on Tuesday that the new factory is on track.",
            ("Elon Musk", "tesla", "ceo"),
        ),
        (
            "Mary Barra, GM's chief executive, told analysts that demand remains strong.",
            ("Mary Barra", "gm", "ceo"),
        ),
        (
            "The chief financial officer of Nissan, Jeremie Papin, said costs would fall.",
            ("Jeremie Papin", "nissan", "cfo"),
        ),
        # Italian: role of company, comma, name; and apposition
        (
            "L'amministratore delegato di Stellantis, Carlos Tavares, ha visitato lo stabilimento.",
            ("Carlos Tavares", "stellantis", "ceo"),
        ),
        (
            "Lei Jun, fondatore di Xiaomi, ha presentato la nuova auto elettrica a Pechino.",
            ("Lei Jun", "xiaomi", "founder"),
        ),
    ],
)
def test_role_pairs_in_four_languages(extractor, text, expected) -> None:
    assert expected in _roles(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Aufsichtsrat ernannte Antonio Filosa zum Vorstandschef von Stellantis.",
        "The board named Antonio Filosa as chief executive of Stellantis on Wednesday.",
        "Het bestuur benoemde Antonio Filosa tot topman van Stellantis, meldt het concern.",
        "Il consiglio ha confermato la nomina di Antonio Filosa a nuovo amministratore "
        "delegato di Stellantis.",
    ],
)
def test_an_appointment_names_the_person_before_the_role(extractor, text) -> None:
    assert _roles(extractor, text) == {("Antonio Filosa", "stellantis", "ceo")}


def test_roles_joined_by_a_conjunction_share_the_name_and_company(extractor) -> None:
    text = "BYD-Gründer und Vorstandschef Wang Chuanfu stellte am Montag zwei Modelle vor."
    assert _roles(extractor, text) == {
        ("Wang Chuanfu", "byd", "founder"),
        ("Wang Chuanfu", "byd", "ceo"),
    }


def test_a_truncated_compound_holds_the_role_at_each_company(extractor) -> None:
    text = "Der frühere Audi-, BMW- und VW-Chef Lukas Brenner wechselt zu einem Zulieferer."
    assert _roles(extractor, text) == {
        ("Lukas Brenner", "audi", "ceo"),
        ("Lukas Brenner", "bmw", "ceo"),
        ("Lukas Brenner", "volkswagen", "ceo"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Der Managing Director von Stellantis Italia, Marta Kessler, zog am Montag Bilanz.",
        "Marta Kessler, Managing Director van Stellantis Italia, sprak maandag over de cijfers.",
        "Il Managing Director di Stellantis Italia, Marta Kessler, ha parlato lunedì a Torino.",
        "The chief executive of Stellantis Italia, Marta Kessler, spoke on Monday in Turin.",
    ],
)
def test_a_country_after_the_company_makes_the_person_head_of_its_unit(extractor, text) -> None:
    assert _roles(extractor, text) == {("Marta Kessler", "stellantis", "head_of_unit")}


@pytest.mark.parametrize(
    "text",
    [
        "Das neue Werk von Leapmotor in Polen wird geführt von der Managerin Ewa Nowak.",
        "Leapmotor opende een fabriek in Polen, die wordt geleid door de ervaren manager "
        "Ewa Nowak.",
        "Leapmotor built a new plant in Poland, which is led by the manager Ewa Nowak.",
        "Leapmotor ha aperto un nuovo stabilimento in Polonia, guidato dalla manager Ewa Nowak.",
    ],
)
def test_a_person_who_leads_the_company_of_the_sentence_is_its_chief(extractor, text) -> None:
    assert _roles(extractor, text) == {("Ewa Nowak", "leapmotor", "ceo")}


def test_led_by_a_company_named_in_the_sentence_before(extractor) -> None:
    text = (
        "Nissan and Honda set up a new battery venture with Gotion. "
        "The new company is led by chief executive Kenji Mori from Osaka."
    )
    assert _roles(extractor, text) == {("Kenji Mori", "gotion", "ceo")}


def test_a_manager_is_at_the_one_company_named_before_in_the_sentence(extractor) -> None:
    assert _roles(extractor, "Nio keeps its plans, purchasing manager Ruth Adler said.") == {
        ("Ruth Adler", "nio", "other")
    }
    # no company in the sentence: a manager of no company the text names
    text = "Nio sold more cars. The results are strong, purchasing manager Ruth Adler said."
    assert _roles(extractor, text) == {("Ruth Adler", None, "other")}


def test_role_in_a_headline(extractor) -> None:
    text = (
        "Hyundai-CEO besucht Nio-CEO Zhou Ming\n\n"
        "Beide Konzerne wollen gemeinsam Ladenetze in Europa aufbauen."
    )
    assert _roles(extractor, text) == {("Zhou Ming", "nio", "ceo")}


def test_later_short_forms_resolve_to_the_full_name(extractor) -> None:
    text = (
        "Pieter van Dijk, CEO der Geely-Gruppe, traf in Stuttgart mehrere Zulieferer. "
        "Van Dijk hofft auf neue Aufträge. Van Dijks Vorschlag gefiel den Gewerkschaften."
    )
    assert _people(extractor, text) == [
        ("Pieter van Dijk", "Pieter van Dijk"),
        ("Van Dijk", "Pieter van Dijk"),
        ("Van Dijk", "Pieter van Dijk"),
    ]


def test_a_family_name_two_found_names_share_goes_to_the_first(extractor) -> None:
    text = (
        "Finanzminister Jan Peter Maier legte am Montag den Haushalt vor. "
        "Finanzminister Jan-Peter Maier sprach danach vor der Presse. "
        "Maier erwartet weniger Steuereinnahmen."
    )
    assert _people(extractor, text)[-1] == ("Maier", "Jan Peter Maier")


def test_role_without_company_takes_the_company_stated_elsewhere(extractor) -> None:
    text = (
        "Tesla-Chef Elon Musk sprach am Dienstag in Berlin. "
        "Später sagte CEO Elon Musk, das Werk solle wachsen."
    )
    extraction = extractor.extract(doc(text))
    assert [(p.role, p.company_id) for p in extraction.people] == [
        ("ceo", "tesla"),
        ("ceo", "tesla"),
    ]


def test_company_role_without_company_takes_the_one_company_named_just_before(extractor) -> None:
    text = (
        "Den neuen Kleinwagen entwickelt Nissan nun ohne Partner weiter. "
        "Ein Preis steht noch nicht fest. "
        "Vorstandschef Kenji Sato hofft trotzdem auf Kooperationen in Europa."
    )
    assert _roles(extractor, text) == {("Kenji Sato", "nissan", "ceo")}


def test_company_role_without_company_takes_none_named_long_before(extractor) -> None:
    text = (
        "Den neuen Kleinwagen entwickelt Nissan nun ohne Partner weiter. "
        "Ein Preis steht noch nicht fest. Die Händler warten. Die Kunden auch. "
        "Vorstandschef Kenji Sato hofft trotzdem auf Kooperationen in Europa."
    )
    assert _roles(extractor, text) == {("Kenji Sato", None, "ceo")}


def test_an_unlisted_acronym_glued_to_the_role_is_its_organisation(extractor) -> None:
    text = (
        "Nissan verkaufte im Herbst weniger Autos. "
        "VDIK-Geschäftsführer Peter Brandl sprach von einer Flaute im ganzen Markt."
    )
    assert _roles(extractor, text) == {("Peter Brandl", None, "ceo")}


def test_offsets_role_text_and_company_mention(extractor) -> None:
    text = "Anna Berger, Direktorin für Einkauf und Logistik bei BMW, erwartet höhere Preise."
    extraction = extractor.extract(doc(text))
    (person,) = extraction.people
    assert text[person.char_start : person.char_end] == person.surface_text == "Anna Berger"
    assert person.role_text == "Direktorin für Einkauf und Logistik"
    company = extraction.mentions[person.company_mention_index]
    assert (company.company_id, company.surface_text) == ("bmw", "BMW")
    assert person.sentence_text == text


@pytest.mark.parametrize(
    "text",
    [
        # a role word with no name
        "Der Chef des Konzerns sagte am Montag, die Nachfrage nach Elektroautos sinke.",
        "Renault-CEO trifft Partner in China, um über Batterien zu sprechen.",
        # what follows the role word is its organisation, not a name
        "Der frühere Leiter der EU-Handelskammer in China warnte vor zu viel Optimismus.",
        # a date after a role word, and a capitalised common word
        "Der Konzernchef Anfang Mai kündigte Einschnitte an, berichtete die Zeitung.",
        # the name of a company is never a person
        "Die Hersteller Tesla und BYD liefern sich in China einen Preiskampf.",
    ],
)
def test_no_person_is_invented(extractor, text) -> None:
    assert extractor.extract(doc(text)).people == []


def test_family_name_that_is_a_company_stays_the_company(extractor) -> None:
    text = (
        "Ford-Chef Jim Farley lobte am Montag die neuen Modelle. "
        "Ford verkaufte im Jahr mehr Pick-ups als je zuvor."
    )
    extraction = extractor.extract(doc(text))
    assert [(p.person_name, p.company_id) for p in extraction.people] == [("Jim Farley", "ford")]
    assert [m.surface_text for m in extraction.mentions] == ["Ford", "Ford"]


def test_a_month_abbreviation_inside_a_name_is_kept(extractor) -> None:
    text = "Xiaomi-Gründer Lei Jun zeigte am 28. März das erste Auto des Konzerns."
    assert _roles(extractor, text) == {("Lei Jun", "xiaomi", "founder")}


def test_initials_written_together_belong_to_the_name(extractor) -> None:
    text = "Am Mittwoch warb Verkehrsminister P.J. Hofstetter in Wien für neue Ladesäulen."
    assert _roles(extractor, text) == {("P.J. Hofstetter", None, "politician")}


def test_title_before_a_name_is_a_person_without_role(extractor) -> None:
    text = "Die Gespräche führte Dr. Herbert Diess, wie das Unternehmen am Montag mitteilte."
    extraction = extractor.extract(doc(text))
    assert [(p.person_name, p.role) for p in extraction.people] == [("Herbert Diess", None)]


# The vocabulary: every row valid, every derived key consistent with its pattern.


def test_role_table_rows_are_valid() -> None:
    seen = set()
    for word in vocabulary().roles:
        assert word.language in (*LANGUAGES, ANY_LANGUAGE)
        assert word.role in PERSON_ROLES and word.role_alone in PERSON_ROLES
        assert (word.language, word.pattern) not in seen, word
        seen.add((word.language, word.pattern))
        compiled = re.compile(word.pattern)
        texts = expand(word.pattern)
        assert texts, word
        for text in texts:
            # every expanded key is a text the pattern itself matches (lookbehinds aside)
            assert "(?<" in word.pattern or compiled.fullmatch(text), (word, text)


def test_cue_table_rows_are_valid() -> None:
    for cue in vocabulary().person_cues:
        assert cue.language in (*LANGUAGES, ANY_LANGUAGE) and cue.cue in PERSON_CUE_KINDS
        assert expand(cue.pattern)


def test_every_language_has_role_words_and_cues() -> None:
    for language in LANGUAGES:
        vocab = people_vocabulary(language)
        assert len(vocab.automaton) > 0 and vocab.particles
        kinds = {c.cue for c in vocabulary().person_cues if c.language in (language, "*")}
        assert kinds == set(PERSON_CUE_KINDS), language
        assert {w.language for w in vocabulary().roles} >= {language}


def test_open_ended_patterns_are_refused() -> None:
    with pytest.raises(VocabularyError):
        expand("chef.*")
