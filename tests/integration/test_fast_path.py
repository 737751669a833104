"""The fast path (no finding, no model vote that acts) gives the slow path's verdicts exactly.

Compared as whole ``Verdict`` objects and as records, on the project's fixtures (always), the
evasion suite (always), and every DEV row (../shared/data/dev/ALL.jsonl, never copied here;
skipped with a message where absent), in and out of the pack's place and time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from tests.conftest import DEV_DATA, ENFORCED
from tests.evasion_suite import cases

from proscribe import Engine, Listing, PolicyPack

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "labelled.jsonl"
BATCH = 4000


def _listings(rows: list[dict[str, object]]) -> list[Listing]:
    return [
        Listing(str(r["id"]), str(r["title"]), r.get("description"), r.get("category"))  # type: ignore[arg-type]
        for r in rows
    ]


def _batches(listings: list[Listing]) -> Iterator[list[Listing]]:
    for start in range(0, len(listings), BATCH):
        yield listings[start : start + BATCH]


def _same_both_ways(
    pack: PolicyPack, listings: list[Listing], as_of: dt.date, where: str | None
) -> int:
    """Decide with and without the fast path; return how many listings took it."""
    fast, slow = Engine(pack), Engine(pack)
    slow.fast_path = False
    quiet = 0
    for batch in _batches(listings):
        a = fast.decide_batch(batch, as_of=as_of, jurisdiction=where)
        b = slow.decide_batch(batch, as_of=as_of, jurisdiction=where)
        assert a == b
        assert [v.to_record() for v in a] == [v.to_record() for v in b]
        quiet += sum(v.decision == "allow" and not v.evidence for v in a)
    return quiet


@pytest.mark.parametrize(
    ("as_of", "where"),
    [(ENFORCED, "CN"), (ENFORCED, None), (ENFORCED, "US"), (dt.date(2020, 1, 1), "CN")],
)
def test_fixtures_and_evasion_suite_decide_alike(
    pack: PolicyPack, as_of: dt.date, where: str | None
) -> None:
    rows = [orjson.loads(line) for line in FIXTURE.read_bytes().splitlines() if line.strip()]
    suite = [Listing(f"e{n}", c.title, category=c.category) for n, c in enumerate(cases())]
    listings = _listings(rows) + suite
    assert _same_both_ways(pack, listings, as_of, where) > 0  # the fast path was taken


def test_a_listing_without_signs_takes_the_fast_path(pack: PolicyPack) -> None:
    """The switch is real: with it off, a harmless listing is scored class by class."""
    engine = Engine(pack)
    calls: list[str] = []
    original = engine._score
    engine._score = lambda c, *a: calls.append(c) or original(c, *a)  # type: ignore[method-assign]
    engine.decide(Listing("g", "Garden hose 20 m, green"), as_of=ENFORCED)
    assert calls == []
    engine.fast_path = False
    engine.decide(Listing("g", "Garden hose 20 m, green"), as_of=ENFORCED)
    assert calls == list(pack.class_ids)


@pytest.mark.devdata
def test_every_dev_row_decides_alike(pack: PolicyPack) -> None:
    path = DEV_DATA / "ALL.jsonl"
    if not path.is_file():
        pytest.skip(f"no DEV data at {path}: fast and slow paths compared on fixtures only")
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    assert _same_both_ways(pack, _listings(rows), ENFORCED, "CN") > len(rows) // 2
