"""Ingest: every file ends as loaded, duplicate or rejected-with-reason, read back with SQL."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest

from flows.ingest import KnownFiles, Rejected, decode_bytes, ingest

LIMIT = 1024 * 1024
ARTICLE = "Volkswagen und XPeng bauen gemeinsam Elektroautos für China.\n"


def outcomes(conn: psycopg.Connection, batch_id: int) -> dict[str, tuple[str, str | None]]:
    """Outcome and reason per file path in one batch."""
    rows = conn.execute(
        "select source_path, outcome, reason from raw.files where batch_id = %s", [batch_id]
    )
    return {path: (outcome, reason) for path, outcome, reason in rows}


def test_loads_text_and_keeps_it_untouched(conn: psycopg.Connection, tmp_path: Path) -> None:
    text = " date 2021-03 Xiaomi baut Autos.\r\nZweite Zeile mit ‚Anführung‘ und € 5.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8", newline="")
    report = ingest(conn, tmp_path, LIMIT)
    assert (report.files_seen, report.files_loaded) == (1, 1)
    body, encoding, path = conn.execute(
        "select body, encoding, source_path from raw.documents"
    ).fetchone()
    assert body == text
    assert (encoding, path) == ("utf-8", "a.txt")


def test_second_run_adds_nothing(conn: psycopg.Connection, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE + "Mehr.")
    first = ingest(conn, tmp_path, LIMIT)
    second = ingest(conn, tmp_path, LIMIT)
    assert first.files_loaded == 2
    assert (second.files_seen, second.files_loaded, second.files_duplicate) == (2, 0, 2)
    assert conn.execute("select count(*) from raw.documents").fetchone()[0] == 2
    assert conn.execute("select count(*) from raw.files").fetchone()[0] == 2


def test_same_text_under_two_names_is_stored_once(conn: psycopg.Connection, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE)
    report = ingest(conn, tmp_path, LIMIT)
    assert (report.files_loaded, report.files_duplicate) == (1, 1)
    assert conn.execute("select count(*) from raw.documents").fetchone()[0] == 1
    names = conn.execute(
        "select array_agg(source_path order by source_path), count(distinct document_id) "
        "from raw.files"
    ).fetchone()
    assert names == (["one.txt", "two.txt"], 1)


def test_changed_text_under_same_name_keeps_both(conn: psycopg.Connection, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    ingest(conn, tmp_path, LIMIT)
    path.write_text(ARTICLE + "Korrektur: 5 Prozent.")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = ingest(conn, tmp_path, LIMIT)
    assert report.files_loaded == 1
    assert conn.execute("select count(*) from raw.documents").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t \r\n", "only whitespace"),
        ("nul.txt", b"Text mit \x00 NUL", "NUL"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("broken.txt", "Großer Absatz".encode() + b"\xff\xfe\xfa rest", "broken"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 jpeg", "unsupported file type"),
        ("big.txt", b"x" * (LIMIT + 1), "too large"),
        ("bad.json", b"{not json", "invalid JSON"),
    ],
)
def test_bad_files_are_rejected_with_reason(
    conn: psycopg.Connection, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE)
    report = ingest(conn, tmp_path, LIMIT)
    assert report.reconciles
    assert (report.files_loaded, report.files_rejected) == (1, 1)
    outcome, stored_reason = outcomes(conn, report.batch_id)[name]
    assert outcome == "rejected"
    assert reason in stored_reason


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Größe".encode("utf-8-sig"), "utf-8-sig"),
        ("Größe".encode("utf-16"), "utf-16"),
        ("Größe – „gut“ €".encode("cp1252"), "windows-1252"),
        ("Größe à è".encode("latin-1"), "iso-8859-1"),
    ],
)
def test_encodings_are_detected_and_recorded(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    assert text.startswith("Größe")


def test_undecodable_bytes_are_rejected() -> None:
    with pytest.raises(Rejected, match="undecodable"):
        decode_bytes(b"\x81\x8d\x90 abc")


def test_metacharacters_are_stored_byte_for_byte(conn: psycopg.Connection, tmp_path: Path) -> None:
    text = "'; drop table raw.documents; -- $(rm -rf /) `id` %s %(x)s {0} \\N \\. \t\\\\\n"
    (tmp_path / "evil.txt").write_text(text)
    ingest(conn, tmp_path, LIMIT)
    assert conn.execute("select body from raw.documents").fetchone()[0] == text


def test_odd_file_names(conn: psycopg.Connection, tmp_path: Path) -> None:
    names = ["with space.txt", "quote'\"s.txt", "-leading-dash.txt", "Ümlaut-é.txt"]
    for n, name in enumerate(names):
        (tmp_path / name).write_text(f"{ARTICLE} {n}")
    report = ingest(conn, tmp_path, LIMIT)
    assert report.files_loaded == len(names)
    stored = {r[0] for r in conn.execute("select source_path from raw.documents")}
    assert stored == set(names)


def test_symlinks_never_leave_the_source_folder(conn: psycopg.Connection, tmp_path: Path) -> None:
    source, outside = tmp_path / "src", tmp_path / "outside"
    source.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("geheim")
    (source / "real.txt").write_text(ARTICLE)
    (source / "out.txt").symlink_to(outside / "secret.txt")
    (source / "inside.txt").symlink_to(source / "real.txt")
    (source / "dir").symlink_to(outside, target_is_directory=True)
    report = ingest(conn, source, LIMIT)
    result = outcomes(conn, report.batch_id)
    assert result["out.txt"][0] == "rejected"
    assert "outside" in result["out.txt"][1]
    assert result["dir"][0] == "rejected"
    assert {result["inside.txt"][0], result["real.txt"][0]} == {"loaded", "duplicate"}
    assert report.reconciles and report.files_seen == 4
    bodies = [r[0] for r in conn.execute("select body from raw.documents")]
    assert bodies == [ARTICLE]


def test_jsonl_records_become_documents(conn: psycopg.Connection, tmp_path: Path) -> None:
    lines = [
        '{"title": "A", "maintext": "BYD verkauft mehr.", "date_publish": "2024-01-02"}',
        '{"title": "B", "text": "Tesla liefert aus."}',
        '{"title": "C"}',
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    report = ingest(conn, tmp_path, LIMIT)
    assert (report.files_seen, report.files_loaded, report.documents_loaded) == (1, 1, 2)
    paths = [r[0] for r in conn.execute("select source_path from raw.documents order by 1")]
    assert paths == ["feed.jsonl#1", "feed.jsonl#2"]
    (reason,) = conn.execute(
        "select reason from raw.files where outcome = 'rejected' and record_index = 3"
    ).fetchone()
    assert "no 'maintext'" in reason


def test_batch_counts_are_recorded(conn: psycopg.Connection, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"")
    report = ingest(conn, tmp_path, LIMIT)
    row = conn.execute(
        "select status, files_seen, files_loaded, files_duplicate, files_rejected "
        "from raw.load_batches where batch_id = %s",
        [report.batch_id],
    ).fetchone()
    assert row == ("succeeded", 2, 1, 0, 1)


def test_directory_named_like_a_file_is_walked(conn: psycopg.Connection, tmp_path: Path) -> None:
    (tmp_path / "looks-like.txt").mkdir()
    (tmp_path / "looks-like.txt" / "inner.txt").write_text(ARTICLE)
    report = ingest(conn, tmp_path, LIMIT)
    assert (report.files_seen, report.files_loaded) == (1, 1)
    assert conn.execute("select source_path from raw.documents").fetchone() == (
        "looks-like.txt/inner.txt",
    )


def test_special_and_broken_entries_are_rejected(conn: psycopg.Connection, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the run
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "good.txt").write_text(ARTICLE)
    report = ingest(conn, tmp_path, LIMIT)
    result = outcomes(conn, report.batch_id)
    assert result["pipe.txt"] == ("rejected", "not a regular file")
    assert result["dangling.txt"][0] == "rejected"
    assert report.reconciles and (report.files_seen, report.files_loaded) == (3, 1)


def test_rejected_file_is_stored_once_fixed(conn: psycopg.Connection, tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(b"")
    assert ingest(conn, tmp_path, LIMIT).files_rejected == 1
    path.write_text(ARTICLE)
    second = ingest(conn, tmp_path, LIMIT)
    assert (second.files_loaded, second.files_rejected) == (1, 0)
    assert conn.execute("select count(*) from raw.files where outcome = 'rejected'").fetchone() == (
        1,
    )


def test_known_files_answer_by_path_size_and_mtime(
    conn: psycopg.Connection, tmp_path: Path
) -> None:
    assert not KnownFiles.load(conn).unchanged("a.txt", 1, 1)  # an empty archive
    for i in range(30):
        (tmp_path / f"f{i:02d}.txt").write_text(f"Text number {i} about Volkswagen.")
    (tmp_path / "bad.txt").write_bytes(b"")
    ingest(conn, tmp_path, 1_000_000)
    known = KnownFiles.load(conn)
    assert len(known.hashes) == 30  # rejected files are not known: they are read again
    info = (tmp_path / "f07.txt").stat()
    assert known.unchanged("f07.txt", info.st_size, info.st_mtime_ns)
    assert not known.unchanged("f07.txt", info.st_size + 1, info.st_mtime_ns)
    assert not known.unchanged("f07.txt", info.st_size, info.st_mtime_ns + 1)
    assert not known.unchanged("f07.text", info.st_size, info.st_mtime_ns)
    assert not known.unchanged("bad.txt", 0, (tmp_path / "bad.txt").stat().st_mtime_ns)
