"""Generated hostile catalogues (random bytes, quotes, NULs, huge fields, duplicate ids) never
crash the reader or a scan; every input row comes out as a verdict or a rejection, and the
CLI exits with a documented code (0 nothing blocked, 1 something blocked, 2 nothing decided)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import ENFORCED, PACK_ID

from proscribe.catalogue import Catalogue, Rejected
from proscribe.errors import CatalogueError
from proscribe.limits import MAX_TITLE
from proscribe.policy import load_pack
from proscribe.scan import ScanOptions, scan_rows

Cli = Callable[..., subprocess.CompletedProcess[str]]

texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["Antminer S19 95TH", "矿机", '"', '""', "a,b", "\x00", " D3", "D3 ", "$x^$"]),
    st.builds(lambda n: "x" * n, st.sampled_from([MAX_TITLE, MAX_TITLE + 1])),
)
ids = st.one_of(st.sampled_from(["D3", " D3", "D3 ", "1", ""]), st.text(max_size=8), st.integers())
json_ids = st.one_of(ids, st.booleans(), st.floats(), st.lists(st.integers(), max_size=2))
json_rows = st.lists(
    st.one_of(
        st.fixed_dictionaries({"id": json_ids, "title": texts}, optional={"seller_id": texts}),
        st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")),  # raw garbage line
    ),
    min_size=1,
    max_size=25,
)
csv_rows = st.lists(st.tuples(ids, texts, texts), min_size=1, max_size=25)


def _jsonl(rows: list[object]) -> tuple[bytes, int]:
    lines = [r if isinstance(r, bytes) else json.dumps(r).encode() for r in rows]
    kept = [line for line in lines if line.strip()]  # blank lines are not rows
    return b"".join(line + b"\n" for line in lines), len(kept)


def _csv(rows: list[tuple[object, str, str]]) -> tuple[bytes, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title", "seller_id"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8", "surrogatepass"), len(rows)


def _count(path: Path) -> tuple[int, int]:
    listings = rejected = 0
    pack = load_pack(PACK_ID)
    options = ScanOptions(pack.path, ENFORCED, "CN", workers=1)

    def consume(chunk: object) -> None:
        nonlocal listings
        listings += len(chunk.lines)  # type: ignore[attr-defined]

    def reject(_row: Rejected) -> None:
        nonlocal rejected
        rejected += 1

    scan_rows(Catalogue(path), options, consume, reject, pack)
    return listings, rejected


def _check(data: bytes, rows: int, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"c{suffix}"
        path.write_bytes(data)
        try:
            decided, rejected = _count(path)
        except CatalogueError as exc:  # only a catalogue without rows may fail as a whole
            assert exc.code == "PSC-C004" and rows == 0
            return
        assert decided + rejected == rows


@settings(max_examples=60, deadline=None)
@given(json_rows)
def test_every_json_lines_row_is_decided_or_rejected(rows: list[object]) -> None:
    data, count = _jsonl(rows)
    _check(data, count, ".jsonl")


@settings(max_examples=60, deadline=None)
@given(csv_rows)
def test_every_csv_row_is_decided_or_rejected(rows: list[tuple[object, str, str]]) -> None:
    data, count = _csv(rows)
    _check(data, count, ".csv")


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(json_rows)
def test_scan_exits_with_a_documented_code(cli: Cli, rows: list[object]) -> None:
    data, count = _jsonl(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.jsonl"
        path.write_bytes(data)
        out = Path(folder) / "v.jsonl"
        where = ("--as-of", "2021-10-20", "--jurisdiction", "CN", "--workers", "1")
        done = cli("scan", str(path), *where, "--out", str(out))
        assert "Traceback" not in done.stderr
        verdicts = out.read_text().splitlines() if out.exists() else []
        rejects = Path(folder) / "v.rejects.jsonl"
        rejected = rejects.read_text().splitlines() if rejects.exists() else []
        assert len(verdicts) + len(rejected) == count
        blocked = any(json.loads(v)["decision"] == "block" for v in verdicts)
        expected = 2 if not verdicts else (1 if blocked else 0)
        assert done.returncode == expected, done.stderr
