"""Enforcement end to end: the ledger on real SQLite and PostgreSQL, through the real CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from proscribe.policy.pack import BUNDLED
from proscribe.store import engine_for
from proscribe.store.tables import audit_events, removals, removed_fingerprints, strikes

Cli = Callable[..., subprocess.CompletedProcess[str]]
GRACE, ENFORCED = "2021-10-10", "2021-10-20"
CATALOGUE = [
    {"id": "m1", "title": "Antminer S19 95TH", "seller_id": "s1"},
    {"id": "m2", "title": "Whatsminer M30S 100TH/s", "seller_id": "s1"},
    {"id": "m3", "title": "Аntminer S19 95TH", "seller_id": "s2"},  # Cyrillic А: evasion
    {"id": "ok", "title": "Yoga mat 6mm", "seller_id": "s3"},
    {"id": "r1", "title": "Bitcoin For Beginners", "seller_id": "s3"},  # review, never removed
]


def _catalogue(tmp_path: Path, rows: list[dict[str, str]] = CATALOGUE) -> str:
    path = tmp_path / "catalogue.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def _enforce(cli: Cli, db: str, catalogue: str, as_of: str, *extra: str) -> Any:
    done = cli(
        "enforce",
        catalogue,
        "--as-of",
        as_of,
        "--jurisdiction",
        "CN",
        "--db",
        db,
        "--workers",
        "1",
        *extra,
    )
    assert done.returncode in (0, 1), done.stderr
    return done


def _json(cli: Cli, *args: str) -> Any:
    done = cli(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _count(db: str, table: sa.Table, *where: Any) -> int:
    with engine_for(db).connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one()
        )


def test_grace_period_removes_with_notice_then_enforcement_strikes(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    catalogue = _catalogue(tmp_path)
    grace = _enforce(cli, db_url, catalogue, GRACE)
    assert _count(db_url, removals, removals.c.notice_only.is_(True)) == 3
    assert _count(db_url, strikes) == 0
    assert "removed with notice" in grace.stdout
    _enforce(cli, db_url, catalogue, ENFORCED)  # the three are still up: strikes now
    assert _count(db_url, strikes) == 3
    s1 = _json(cli, "seller", "show", "s1", "--db", db_url, "--as-of", ENFORCED)
    assert (s1["standing"], s1["strikes"]) == ("listings-removed", 2)  # ladder: 2 strikes
    s2 = _json(cli, "seller", "show", "s2", "--db", db_url, "--as-of", ENFORCED)
    assert (s2["standing"], s2["strikes"], s2["aggravated"]) == ("frozen", 1, True)
    m1 = _json(cli, "listing", "show", "m1", "--db", db_url)
    assert m1["status"] == "removed"
    assert [e["kind"] for e in m1["history"]] == ["decision", "removal", "decision"]
    assert _json(cli, "listing", "show", "r1", "--db", db_url)["status"] == "live"


def test_running_the_same_input_again_changes_nothing(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    catalogue = _catalogue(tmp_path)
    _enforce(cli, db_url, catalogue, ENFORCED)
    events = _count(db_url, audit_events)
    rerun = _enforce(cli, db_url, catalogue, ENFORCED, "--json")
    again = json.loads(rerun.stdout)
    assert rerun.returncode == 1  # still prohibited listings in the input
    assert _count(db_url, audit_events) == events
    assert _count(db_url, strikes) == 3
    assert again["actions"] == {} and (again["flagged"], again["blocked"]) == (4, 3)


def test_dry_run_prints_and_writes_nothing(cli: Cli, db_url: str, tmp_path: Path) -> None:
    done = _enforce(cli, db_url, _catalogue(tmp_path), ENFORCED, "--dry-run")
    assert "would removed: listing:m1" in done.stdout
    assert "would strike: seller:s2" in done.stdout and "aggravated" in done.stdout
    assert "dry run: nothing written" in done.stdout
    assert _count(db_url, audit_events) == 0 and _count(db_url, removals) == 0


def test_strikes_expire_after_the_declared_period(cli: Cli, db_url: str, tmp_path: Path) -> None:
    _enforce(cli, db_url, _catalogue(tmp_path), ENFORCED)
    later = _json(cli, "seller", "show", "s1", "--db", db_url, "--as-of", "2022-10-20")
    assert (later["standing"], later["strikes"]) == ("good", 0)  # 365 days in the bundled pack


def test_overturned_appeal_reinstates_and_unfreezes(cli: Cli, db_url: str, tmp_path: Path) -> None:
    _enforce(cli, db_url, _catalogue(tmp_path), ENFORCED)
    opened = cli("appeal", "open", "m3", "--reason", "it is a toy", "--db", db_url)
    assert opened.returncode == 0 and "appeal 1 opened" in opened.stdout
    decided = cli(
        "appeal",
        "decide",
        "1",
        "--overturn",
        "--by",
        "alice",
        "--note",
        "a toy",
        "--db",
        db_url,
        "--as-of",
        "2021-10-21",
    )
    assert decided.returncode == 0, decided.stderr
    m3 = _json(cli, "listing", "show", "m3", "--db", db_url)
    assert m3["status"] == "reinstated" and m3["strikes"][0]["revoked_on"] == "2021-10-21"
    s2 = _json(cli, "seller", "show", "s2", "--db", db_url, "--as-of", "2021-10-21")
    assert (s2["standing"], s2["strikes"], s2["recorded_standing"]) == ("good", 0, "good")
    actors = {e["actor"] for e in _json(cli, "listing", "show", "m3", "--db", db_url)["history"]}
    assert "alice" in actors


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("appeal", "open", "nope", "--reason", "x"), "PSC-E001"),
        (("appeal", "open", "r1", "--reason", "x"), "PSC-E002"),
        (("appeal", "decide", "99", "--uphold", "--by", "a", "--note", "n"), "PSC-E003"),
        (("listing", "show", "nope"), "PSC-E001"),
        (("seller", "show", "nobody"), "PSC-E005"),
    ],
)
def test_unknown_ids_and_impossible_appeals_are_clear_errors(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], code: str
) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    _enforce(cli, db, _catalogue(tmp_path), ENFORCED)
    done = cli(*args, "--db", db)
    assert done.returncode == 2 and code in done.stderr and "hint:" in done.stderr


def test_an_appeal_is_decided_once(cli: Cli, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    _enforce(cli, db, _catalogue(tmp_path), ENFORCED)
    cli("appeal", "open", "m1", "--reason", "x", "--db", db)
    assert (
        cli("appeal", "decide", "1", "--uphold", "--by", "a", "--note", "n", "--db", db).returncode
        == 0
    )
    again = cli("appeal", "decide", "1", "--overturn", "--by", "a", "--note", "n", "--db", db)
    assert again.returncode == 2 and "PSC-E004" in again.stderr
    assert _json(cli, "listing", "show", "m1", "--db", db)["status"] == "removed"


def test_withdrawn_class_is_reinstated_with_its_penalties_lifted(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", pack)
    hardware = pack / "mining-hardware.yaml"
    hardware.write_text(
        hardware.read_text().replace(
            "thresholds: {review: 0.5, block: 0.8}\n",
            "thresholds: {review: 0.5, block: 0.8}\nwithdrawn: 2022-01-01\n",
        )
    )
    done = cli(
        "enforce",
        _catalogue(tmp_path),
        "--pack",
        str(pack),
        "--as-of",
        ENFORCED,
        "--jurisdiction",
        "CN",
        "--db",
        db_url,
        "--workers",
        "1",
    )
    assert done.returncode == 1, done.stderr
    dry = cli(
        "reinstate", "--pack", str(pack), "--as-of", "2022-02-01", "--db", db_url, "--dry-run"
    )
    assert "would reinstated: listing:m1" in dry.stdout
    assert _count(db_url, removals, removals.c.lifted_on.is_(None)) == 3
    cli("reinstate", "--pack", str(pack), "--as-of", "2022-02-01", "--db", db_url)
    assert _count(db_url, removals, removals.c.lifted_on.is_(None)) == 0
    assert _count(db_url, strikes, strikes.c.revoked_on.is_(None)) == 0
    assert _json(cli, "listing", "show", "m1", "--db", db_url)["status"] == "reinstated"


def test_enforcing_a_scans_verdicts_equals_enforcing_the_catalogue(
    cli: Cli, tmp_path: Path
) -> None:
    catalogue = _catalogue(tmp_path)
    out = tmp_path / "v.jsonl"
    cli("scan", catalogue, "--as-of", ENFORCED, "--jurisdiction", "CN", "--out", str(out))
    direct, via = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    _enforce(cli, direct, catalogue, ENFORCED)
    done = cli("enforce", "--verdicts", str(out), "--db", via)
    assert done.returncode == 1, done.stderr
    for table in (removals, strikes, audit_events):
        assert _count(direct, table) == _count(via, table)


def test_audit_verify_names_the_first_broken_link(cli: Cli, tmp_path: Path) -> None:
    db_file = tmp_path / "p.db"
    _enforce(cli, f"sqlite:///{db_file}", _catalogue(tmp_path), ENFORCED)
    ok = cli("audit", "verify", "--db", f"sqlite:///{db_file}")
    assert ok.returncode == 0 and "chain intact" in ok.stdout
    tampering = {
        "edit": "UPDATE audit_events SET result = '{}' WHERE seq = 3",
        "delete": "DELETE FROM audit_events WHERE seq = 4",
        "reorder": "UPDATE audit_events SET prev_hash = (SELECT prev_hash FROM audit_events "
        "WHERE seq = 2) WHERE seq = 5",
        "truncate": "DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)",
    }
    expected = {
        "edit": "event 3: its content",
        "delete": "event 4: event 4 is missing",
        "reorder": "event 5: its previous-hash",
        "truncate": "events were deleted",
    }
    for name, statement in tampering.items():
        copy = tmp_path / f"{name}.db"
        shutil.copy(db_file, copy)
        with sa.create_engine(f"sqlite:///{copy}").begin() as conn:
            conn.execute(sa.text(statement))
        done = cli("audit", "verify", "--db", f"sqlite:///{copy}")
        assert done.returncode == 1, name
        assert f"BROKEN at {expected[name]}" in done.stdout or expected[name] in done.stdout, (
            name,
            done.stdout,
        )


def test_audit_export_gives_every_event_with_hashes(cli: Cli, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    _enforce(cli, db, _catalogue(tmp_path), ENFORCED)
    out = tmp_path / "audit.jsonl"
    done = cli("audit", "export", "--since", "2000-01-01", "--db", db, "--out", str(out))
    assert done.returncode == 0
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert {"hash", "prev_hash", "pack_id", "revision", "actor", "input_digest"} <= set(events[0])


def test_flagged_listings_keep_their_text_for_the_review_queue(cli: Cli, tmp_path: Path) -> None:
    import datetime as dt

    from proscribe.enforce.queue import prioritised

    db = f"sqlite:///{tmp_path / 'p.db'}"
    _enforce(cli, db, _catalogue(tmp_path), ENFORCED)
    [item], total = prioritised(engine_for(db), dt.date.fromisoformat(ENFORCED))
    assert total == 1
    assert (item["listing_id"], item["title"], item["lang"]) == (
        "r1",
        "Bitcoin For Beginners",
        "en",
    )


def test_a_copy_of_a_removed_listing_is_relisted_and_aggravated(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    first = [{"id": "orig", "title": "Antminer S19 95TH used, good condition", "seller_id": "s1"}]
    _enforce(cli, db_url, _catalogue(tmp_path, first), ENFORCED)
    assert _count(db_url, removed_fingerprints) == 1
    copy = {"id": "copy", "title": "ANTMINER S19 95TH used, good condition!", "seller_id": "s9"}
    second = tmp_path / "second"
    second.mkdir()
    _enforce(cli, db_url, _catalogue(second, [copy]), ENFORCED)
    shown = _json(cli, "listing", "show", "copy", "--db", db_url)
    signals = [e for e in shown["verdict"]["evasion"] if e["signal"] == "relisted"]
    assert signals and "listing orig" in signals[0]["detail"]
    s9 = _json(cli, "seller", "show", "s9", "--db", db_url, "--as-of", ENFORCED)
    assert (s9["standing"], s9["aggravated"]) == ("frozen", True)  # the pack's evasion step


BOILERPLATE = (
    "Fast worldwide shipping by DHL or FedEx within 3 working days. Returns accepted within "
    "30 days, buyer pays return postage. Contact us on WhatsApp +86 138 0000 0000 for "
    "wholesale prices, bulk orders and custom packaging. All items tested before dispatch."
)
SHARED_TEMPLATE = [
    {"id": "bm1", "title": "Antminer S19 95TH", "seller_id": "w1", "description": BOILERPLATE},
    {"id": "bm2", "title": "Whatsminer M30S 100TH", "seller_id": "w1", "description": BOILERPLATE},
    {"id": "bg1", "title": "RTX 3080 graphics card", "seller_id": "w2", "description": BOILERPLATE},
    {"id": "bp1", "title": "Corsair 850W ATX PSU", "seller_id": "w3", "description": BOILERPLATE},
    {"id": "bh1", "title": "Garden hose 30m", "seller_id": "w4", "description": BOILERPLATE},
]


def test_boilerplate_never_makes_a_relisting_and_a_rerun_changes_nothing(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    """Miners removed from one seller; other sellers' goods share only the shipping text."""
    catalogue = _catalogue(tmp_path, SHARED_TEMPLATE)
    first = json.loads(_enforce(cli, db_url, catalogue, ENFORCED, "--json").stdout)
    assert (first["flagged"], first["blocked"]) == (2, 2)
    events = _count(db_url, audit_events)
    again = json.loads(_enforce(cli, db_url, catalogue, ENFORCED, "--json").stdout)
    assert again["actions"] == {} and (again["flagged"], again["blocked"]) == (2, 2)
    assert _count(db_url, audit_events) == events
    later = tmp_path / "later"
    later.mkdir()  # the miners are gone; the other goods are still up
    rest = _catalogue(later, SHARED_TEMPLATE[2:])
    third = json.loads(_enforce(cli, db_url, rest, ENFORCED, "--json").stdout)
    assert (third["flagged"], third["actions"]) == (0, {})
