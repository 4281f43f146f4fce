"""Stories and salience: copies of one story share it, new copies join it, subjects are found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from flows import pipeline, stories
from flows.nightly import nightly
from flows.settings import STORY_THRESHOLD, load_settings
from tests.conftest import create_database, drop_database
from tests.pages import PAGE_DE

# A wire report, written for these tests, and what outlets make of it.
WIRE = """Volkswagen und SAIC gründen Batteriefirma

Shanghai (dpa) – Volkswagen und SAIC Motor gründen ein Gemeinschaftsunternehmen für
Batteriezellen in der Provinz Anhui. Beide Konzerne halten je die Hälfte der Anteile, wie
sie am Dienstag in Shanghai mitteilten.

Das neue Werk soll ab 2026 Zellen für 400.000 Fahrzeuge im Jahr liefern. Volkswagen
investiert dafür rund eine Milliarde Euro, SAIC bringt das Grundstück und die Genehmigungen
ein. Die Produktion soll in drei Stufen hochgefahren werden.

Die Partner arbeiten in China seit fast vierzig Jahren zusammen und wollen so die Kosten
ihrer Elektroautos senken. Volkswagen lieferte im März in China 250.000 Fahrzeuge aus.

Beobachter sehen in dem Schritt eine Antwort auf die Preisoffensive der heimischen
Konkurrenz, die Batterien schon lange selbst herstellt. Die Steuerchips der Zellmodule soll
Infineon liefern.
"""
# Another header line and a closing line.
REPRINT = "Wirtschaft kompakt\n\n" + WIRE + "\nMehr dazu in unserer morgigen Ausgabe.\n"
# Another title, a paragraph dropped and the figure edited: still the same story.
EDITED = (
    WIRE.replace("Volkswagen und SAIC gründen Batteriefirma", "Batteriezellen aus Anhui")
    .replace(
        "Das neue Werk soll ab 2026 Zellen für 400.000 Fahrzeuge im Jahr liefern. Volkswagen\n"
        "investiert dafür rund eine Milliarde Euro, SAIC bringt das Grundstück und die "
        "Genehmigungen\nein. Die Produktion soll in drei Stufen hochgefahren werden.\n\n",
        "",
    )
    .replace("250.000", "251.000")
)
# The same event told by another newsroom in its own words: another story.
OWN_REPORT = """Batteriezellen: SAIC und Volkswagen bauen gemeinsam in Anhui

Die beiden Autobauer wollen ihre Zellen künftig selbst fertigen. Ein Werk in Anhui, an dem
SAIC Motor und Volkswagen zu gleichen Teilen beteiligt sind, soll 2026 anlaufen und danach
genug Zellen für 400.000 Autos jährlich bauen.

Für Volkswagen ist es der dritte Batteriestandort in China. Der Konzern rechnet mit
Investitionen von etwa einer Milliarde Euro. Analysten in Shanghai halten die Pläne für
ehrgeizig, weil Fachkräfte für die Zellfertigung knapp sind.
"""
# A story about something else entirely.
OTHER = """Stellantis übernimmt weitere Anteile an Leapmotor

Stellantis hat seinen Anteil an dem chinesischen Hersteller Leapmotor auf 25 Prozent
erhöht. Die Partner wollen ihre gemeinsame Vertriebsfirma in Europa ausbauen und im
nächsten Jahr zwei weitere Modelle in Spanien bauen. Leapmotor verkaufte im Februar 20.000
Autos, mehr als doppelt so viele wie ein Jahr zuvor.
"""


def test_copies_stay_above_the_threshold_and_other_reports_below() -> None:
    wire, _ = stories.signature(WIRE)
    for copy in (REPRINT, EDITED):
        sig, _ = stories.signature(copy)
        assert stories.similarity(wire, sig) >= STORY_THRESHOLD
    for other in (OWN_REPORT, OTHER):
        sig, _ = stories.signature(other)
        assert stories.similarity(wire, sig) < 0.2


def test_story_words_drop_case_punctuation_and_the_date_header() -> None:
    assert stories.story_words(" date 2024-03 VW, SAIC: Zellen!") == ["vw", "saic", "zellen"]
    assert stories.story_words("ＢＹＤ baut") == ["byd", "baut"]


def test_a_text_too_short_to_compare_has_no_signature() -> None:
    sig, count = stories.signature("BYD baut ein Werk.")
    assert sig is None and count == 2  # "byd baut ein", "baut ein werk"
    signed = stories.sign("short", "BYD baut ein Werk.")
    stories.group([signed], {}, {})
    assert signed.story_key == "short" and signed.bands == []


def test_group_joins_the_most_similar_earlier_story_and_never_merges() -> None:
    docs = [stories.sign(name, text) for name, text in (("a", WIRE), ("b", OTHER))]
    stories.group(docs, {}, {})
    new = [stories.sign("c", REPRINT), stories.sign("d", OWN_REPORT)]
    known = {d.document_id: stories.Known(d.signature, d.story_key) for d in docs}
    candidates: dict[int, list[str]] = {}
    for doc in docs:
        for band in doc.bands:
            candidates.setdefault(band, []).append(doc.document_id)
    stories.group(new, candidates, known)
    assert (new[0].story_key, new[0].matched_document_id) == ("a", "a")
    assert new[1].story_key == "d" and new[1].matched_document_id is None


def _write(folder: Path, files: dict[str, str]) -> None:
    """Write source files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _load(url: str, folder: Path) -> stories.StoryReport:
    """Ingest, extract and group one folder, as the nightly run does."""
    settings = load_settings()
    pipeline.run_ingest(url, folder, settings)
    pipeline.run_extract(url, settings)
    return stories.assign_stories(url)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_new_copy_joins_its_story_without_regrouping_the_archive(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    # With 2, documents are signed in worker processes, as for a large archive.
    monkeypatch.setenv("AUTONEWS_WORKERS", workers)
    folder = tmp_path / "news"
    _write(folder, {"wire.txt": WIRE, "other.txt": OTHER, "own.txt": OWN_REPORT})
    first = _load(db, folder)
    assert (first.documents, first.joined) == (3, 0)
    with psycopg.connect(db) as conn:
        before = dict(conn.execute("select document_id, signed_at from staging.story_signatures"))
        (bands,) = conn.execute("select count(*) from staging.story_bands").fetchone()
        assert bands == 3 * stories.DEFAULT_PARAMS.bands
    _write(folder, {"reprint.txt": REPRINT, "edited.txt": EDITED})
    second = _load(db, folder)
    assert (second.documents, second.joined) == (2, 2)
    with psycopg.connect(db) as conn:
        rows = conn.execute(
            """
            select f.source_path, s.story_key, m.source_path, s.signed_at
            from staging.story_signatures as s
            join raw.files as f on f.document_id = s.document_id and f.outcome = 'loaded'
            join raw.files as k on k.document_id = s.story_key and k.outcome = 'loaded'
            left join raw.files as m
                on m.document_id = s.matched_document_id and m.outcome = 'loaded'
            order by f.source_path
            """
        ).fetchall()
        after = dict(conn.execute("select document_id, signed_at from staging.story_signatures"))
        keys = {
            path: key
            for path, key in conn.execute(
                """
                select f.source_path, k.source_path
                from staging.story_signatures as s
                join raw.files as f on f.document_id = s.document_id
                join raw.files as k on k.document_id = s.story_key
                """
            )
        }
    assert {path: key for path, key in keys.items()} == {
        "edited.txt": "wire.txt",
        "other.txt": "other.txt",
        "own.txt": "own.txt",
        "reprint.txt": "wire.txt",
        "wire.txt": "wire.txt",
    }
    assert len(rows) == 5
    # The archive was not signed again.
    assert {k: after[k] for k in before} == before
    third = stories.assign_stories(db)
    assert third.documents == 0


@pytest.fixture(scope="module")
def story_run(
    server_url: str, prefect_backend: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One nightly run over the wire report, its copies, other reports and a web page."""
    url = create_database(server_url)
    folder = tmp_path_factory.mktemp("story-news")
    _write(
        folder,
        {
            "wire.txt": WIRE,
            "reprint.txt": REPRINT,
            "edited.txt": EDITED,
            "own.txt": OWN_REPORT,
            "other.txt": OTHER,
            "page.html": PAGE_DE,
        },
    )
    nightly(source_dir=str(folder), database_url=url)
    yield url
    drop_database(server_url, url)


def _ids(conn: psycopg.Connection) -> dict[str, str]:
    """document_id by file name."""
    return dict(
        conn.execute(
            "select f.source_path, f.document_id from raw.files as f where f.outcome = 'loaded'"
        )
    )


def test_marts_count_each_story_once(story_run: str) -> None:
    with psycopg.connect(story_run) as conn:
        ids = _ids(conn)
        story = dict(conn.execute("select document_id, story_id from marts.dim_documents"))
        assert story[ids["reprint.txt"]] == story[ids["edited.txt"]] == story[ids["wire.txt"]]
        assert len({story[ids[n]] for n in ("wire.txt", "own.txt", "other.txt")}) == 3
        title, count, languages = conn.execute(
            "select title, document_count, languages from marts.dim_stories where story_id = %s",
            [story[ids["wire.txt"]]],
        ).fetchone()
        # The web page carries the wire report's article too: a fourth copy of the story.
        assert story[ids["page.html"]] == story[ids["wire.txt"]]
        assert (count, languages) == (4, "de") and "Volkswagen" in title
        (stories_total,) = conn.execute("select count(*) from marts.dim_stories").fetchone()
        assert stories_total == 3  # the wire report, the own report, the other story
        vw = conn.execute(
            "select document_count, story_count from marts.dim_companies "
            "where company_id = 'volkswagen'"
        ).fetchone()
        assert vw == (5, 2)
        # The copies give 250.000 and 251.000: one story, no conflict.
        sales = conn.execute(
            "select story_count, document_count, distinct_value_count, has_conflict "
            "from marts.fct_sales where company_id = 'volkswagen' and metric = 'deliveries'"
        ).fetchall()
        assert sales == [(1, 3, 2, False)]
        jv_stories, jv_documents = conn.execute(
            "select story_count, document_count from marts.fct_partnerships "
            "where company_a_id = 'saic' and company_b_id = 'volkswagen' "
            "and partnership_type = 'joint_venture'"
        ).fetchone()
        assert jv_stories == 1 and jv_documents >= 3


def test_subjects_of_the_wire_report(story_run: str) -> None:
    with psycopg.connect(story_run) as conn:
        ids = _ids(conn)
        rows = {
            company: (subject, salience)
            for company, subject, salience in conn.execute(
                "select company_id, is_subject, salience from marts.fct_document_companies "
                "where document_id = %s",
                [ids["wire.txt"]],
            )
        }
        assert rows["volkswagen"][0] and rows["saic"][0]
        assert not rows["infineon"][0] and rows["infineon"][1] < rows["saic"][1]
        assert not rows["dpa"][0]
        top = conn.execute(
            "select company_id, subject_story_count from marts.dim_companies "
            "where subject_story_count > 0 order by subject_story_count desc, company_id"
        ).fetchall()
        assert top[:2] == [("saic", 2), ("volkswagen", 2)]
        assert "dpa" not in dict(top) and "infineon" not in dict(top)


def test_the_web_page_chrome_makes_no_mentions(story_run: str) -> None:
    with psycopg.connect(story_run) as conn:
        ids = _ids(conn)
        companies = {
            company
            for (company,) in conn.execute(
                "select company_id from marts.fct_document_companies where document_id = %s",
                [ids["page.html"]],
            )
        }
        assert companies == {"volkswagen", "saic"}
        title, date_source = conn.execute(
            "select title, date_source from marts.dim_documents where document_id = %s",
            [ids["page.html"]],
        ).fetchone()
        assert (title, date_source) == ("Volkswagen und SAIC gründen Batteriefirma", "html_meta")


# Who the seed articles are about, read by a person: the subjects, and companies the articles
# name that they are not about (rivals, earlier entrants, partners mentioned in passing).
SEED_SUBJECTS = {
    "000_10dda3148067e6c0.txt": ({"renault", "xiaomi"}, {"geely", "dongfeng", "li-auto"}),
    "001_91501ed04d3b3b36.txt": ({"xiaomi"}, {"sony", "huawei"}),
    "003_5456f33a95982729.txt": ({"tesla"}, set()),
}


def test_subjects_of_the_seed_articles(db: str, shared_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "seeds"
    source.mkdir()
    for name in SEED_SUBJECTS:
        (source / name).write_bytes((shared_dir / "corpus" / "seeds" / name).read_bytes())
    nightly(source_dir=str(source), database_url=db)
    with psycopg.connect(db) as conn:
        rows = conn.execute(
            """
            select f.source_path, c.company_id, c.is_subject
            from marts.fct_document_companies as c
            join raw.files as f on f.document_id = c.document_id and f.outcome = 'loaded'
            """
        ).fetchall()
    for name, (subjects, passing) in SEED_SUBJECTS.items():
        found = {company for path, company, subject in rows if path == name and subject}
        assert found >= subjects, name
        assert not found & passing, name
