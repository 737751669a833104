"""Revisions in place: shadow, staged, rescan — on SQLite and PostgreSQL, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from tests.conftest import PACK_ID, edit_text, next_revision

from proscribe.audit import AuditLog
from proscribe.deploy import bucket, load_deployment
from proscribe.deploy.revisions import activate, end, in_place
from proscribe.errors import UsageError
from proscribe.policy import load_pack
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import (
    audit_events,
    listings,
    removals,
    rescans,
    sellers,
    shadow_decisions,
    strikes,
)
from proscribe.synth.catalogue import write

Cli = Callable[..., subprocess.CompletedProcess[str]]
GRACE, ENFORCED = "2021-10-12", "2021-10-20"
ROWS = [
    {"id": "hw", "title": "Antminer S19 95TH", "seller_id": "s1"},
    {"id": "coin1", "title": "比特币", "seller_id": "s2"},
    {"id": "coin2", "title": "以太坊 ETH", "seller_id": "s3"},
    {"id": "tut", "title": "Crypto trading masterclass: candlestick strategies", "seller_id": "s4"},
    {"id": "mat", "title": "Yoga mat 6mm", "seller_id": "s5"},
]


def _catalogue(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "catalogue.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def _scalar(db: str, query: sa.Select[tuple[int]]) -> int:
    with engine_for(db).connect() as conn:
        return int(conn.execute(query).scalar_one())


def _count(db: str, table: sa.Table) -> int:
    return _scalar(db, sa.select(sa.func.count()).select_from(table))


def test_activation_modes_replay_in_order_and_ambiguity_is_refused(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    engine = engine_for(db_url)
    upgrade(engine)
    v1, v2 = load_pack(PACK_ID), load_pack(next_revision(tmp_path))
    assert activate(engine, v1, by="ann", note="ban") is not None
    assert activate(engine, v2, by="bob", note="try", mode="shadow") is not None
    assert activate(engine, v2, by="bob", note="again", mode="shadow") is None  # in place
    staged = activate(engine, v2, by="bob", note="half", mode="staged", share=0.5)
    assert staged is not None and staged.scope().describe() == "50% of sellers"
    with engine.connect() as conn:
        now = in_place(conn, PACK_ID)
    assert now.live and now.live.revision == "2021.10.1"
    assert now.staged and now.shadow and now.shadow.revision == "2021.11.1"
    assert end(engine, PACK_ID, "staged", by="bob", note="stop") is not None
    assert end(engine, PACK_ID, "staged", by="bob", note="stop") is None
    activate(engine, v2, by="bob", note="go live")
    with engine.connect() as conn:
        now = in_place(conn, PACK_ID)
    assert now.live and now.live.revision == "2021.11.1"
    assert now.staged is None and now.shadow is None  # the shadow went live: nothing to compare
    shown = cli("pack", "show", PACK_ID, "--db", db_url, "--json")
    assert json.loads(shown.stdout)["spec"]["revision"] == "2021.11.1"  # the store's live one
    edit_text(v2.path / "pack.yaml", "title: Crypto", "title: Edited crypto")
    with pytest.raises(UsageError, match="PSC-U040"):  # same revision string, other contents
        activate(engine, load_pack(v2.path), by="bob", note="sneaky")
    with pytest.raises(UsageError, match="PSC-U041"):  # a folder that is not the live one
        load_deployment(engine, load_pack(v2.path), given_folder=True, into=tmp_path / "r")
    live = load_deployment(engine, v1, given_folder=False, into=tmp_path / "r2").live
    assert (live.revision, live.digest) == ("2021.11.1", v2.digest)  # restored from the store
    assert AuditLog().verify(engine).ok


def test_a_shadow_revision_is_recorded_and_reported_without_effect(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    catalogue = _catalogue(tmp_path, ROWS)
    nxt = next_revision(tmp_path)
    assert cli("pack", "activate", PACK_ID, "--note", "ban", "--db", db_url).returncode == 0
    done = cli("pack", "activate", str(nxt), "--mode", "shadow", "--note", "coins", "--db", db_url)
    assert done.returncode == 0, done.stderr
    run = cli("enforce", str(catalogue), "--as-of", ENFORCED, "--db", db_url, "--json",
              "--workers", "2")  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["shadow_decisions"] == len(ROWS)
    assert "shadow revision 2021.11.1" in run.stderr
    with engine_for(db_url).connect() as conn:
        removed = set(conn.execute(sa.select(removals.c.listing_id)).scalars())
        decisions = {
            r[0]: r[1]
            for r in conn.execute(sa.select(listings.c.listing_id, listings.c.last_decision))
        }
    assert "coin1" not in removed and decisions["coin1"] == "review"  # the live revision acted
    report = cli("shadow", "report", "--db", db_url, "--json")
    assert report.returncode == 0, report.stderr
    got = json.loads(report.stdout)
    assert got["decided"] == len(ROWS) and got["agreed"] < len(ROWS)
    assert got["revisions"] == [{"live": "2021.10.1", "shadow": "2021.11.1", "decided": 5}]
    assert got["transitions"].get("review → block", 0) >= 1
    assert "virtual-currency" in got["disagreements_by_class"]
    example = next(e for e in got["examples"] if e["listing"] == "coin1")
    assert example["live"]["decision"] == "review" and example["shadow"]["decision"] == "block"
    assert example["live"]["reason"] and example["shadow"]["reason"]
    later = cli("shadow", "report", "--db", db_url, "--json", "--since", "2999-01-01")
    assert json.loads(later.stdout)["decided"] == 0
    assert (
        cli("pack", "end", PACK_ID, "--mode", "shadow", "--note", "x", "--db", db_url).returncode
        == 0
    )
    again = cli("enforce", str(catalogue), "--as-of", ENFORCED, "--db", db_url, "--json")
    assert json.loads(again.stdout)["shadow_decisions"] == 0


def test_a_staged_revision_decides_for_its_share_of_sellers_only(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    rows = [{"id": f"c{i}", "title": "比特币", "seller_id": f"seller-{i}"} for i in range(40)]
    rows += [{"id": "hk", "title": "比特币", "seller_id": "seller-0", "country": "HK"}]
    catalogue = _catalogue(tmp_path, rows)
    nxt = next_revision(tmp_path)
    cli("pack", "activate", PACK_ID, "--note", "ban", "--db", db_url)
    done = cli("pack", "activate", str(nxt), "--mode", "staged", "--share", "0.5",
               "--note", "half first", "--db", db_url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    bad = cli("pack", "activate", str(nxt), "--share", "0.5", "--note", "x", "--db", db_url)
    assert bad.returncode == 2 and "PSC-U042" in bad.stderr
    run = cli("enforce", str(catalogue), "--as-of", ENFORCED, "--db", db_url, "--jurisdiction",
              "CN", "--json")  # fmt: skip
    assert run.returncode == 1, run.stderr
    with engine_for(db_url).connect() as conn:
        stored = {r.listing_id: json.loads(r.verdict) for r in conn.execute(sa.select(listings))}
    inside = {f"c{i}" for i in range(40) if bucket(PACK_ID, f"seller-{i}") < 0.5}
    assert 10 < len(inside) < 30
    for i in range(40):
        verdict = stored[f"c{i}"]
        staged = f"c{i}" in inside
        assert verdict["revision"] == ("2021.11.1" if staged else "2021.10.1")
        assert verdict["decision"] == ("block" if staged else "review")
    countries = cli("pack", "activate", str(nxt), "--mode", "staged", "--jurisdictions", "HK",
                    "--note", "HK first", "--db", db_url)  # fmt: skip
    assert countries.returncode == 0, countries.stderr
    history = cli("pack", "history", PACK_ID, "--db", db_url)
    assert "staged (in HK)" in history.stdout and "← in place" in history.stdout


def _grace_then_next(cli: Cli, db: str, catalogue: Path, tmp_path: Path) -> Path:
    """Enforce the bundled pack in the grace period; then a revision goes live that blocks
    bare coins and withdraws tutorials from the enforcement date."""
    upgrade(engine_for(db))
    cli("pack", "activate", PACK_ID, "--note", "ban", "--db", db)
    run = cli("enforce", str(catalogue), "--as-of", GRACE, "--db", db, "--json")
    assert run.returncode in (0, 1), run.stderr
    nxt = next_revision(tmp_path) if not (tmp_path / "next").exists() else tmp_path / "next"
    tutorials = nxt / "crypto-tutorials.yaml"
    if "withdrawn:" not in tutorials.read_text():
        edit_text(tutorials, "thresholds:", "withdrawn: 2021-10-15\nthresholds:")
    done = cli("pack", "activate", str(nxt), "--note", "Nov revision", "--db", db)
    assert done.returncode == 0, done.stderr
    return nxt


def test_rescan_enforces_what_changed_and_a_second_run_changes_nothing(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    catalogue = _catalogue(tmp_path, ROWS)
    _grace_then_next(cli, db_url, catalogue, tmp_path)
    assert _count(db_url, strikes) == 0  # grace: notices only
    old = cli("listing", "explain", "coin1", "--db", db_url, "--json")  # under 2021.10.1 still
    assert old.returncode == 0, old.stderr
    got = json.loads(old.stdout)
    assert got["redecided"]["revision"] == "2021.10.1" and got["matches"] is True
    assert got["redecided"]["decision"] == "review"  # the live revision would block it now
    done = cli("rescan", "--as-of", ENFORCED, "--db", db_url, "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)["counts"]
    assert counts["review → block"] >= 1 and counts["reinstated"] == 1
    with engine_for(db_url).connect() as conn:
        status = {
            r[0]: r[1] for r in conn.execute(sa.select(listings.c.listing_id, listings.c.status))
        }
        struck = set(conn.execute(sa.select(strikes.c.listing_id)).scalars())
    assert status["tut"] == "reinstated"  # tutorials withdrawn by the new revision
    assert status["coin1"] == "removed" and "coin1" in struck  # newly blocked, enforced
    # blocked in grace, only reviewed now: it stays down for a reviewer, and is not struck
    assert status["hw"] == "removed" and "hw" not in struck
    now = json.loads(cli("listing", "explain", "coin1", "--db", db_url, "--json").stdout)
    assert now["redecided"]["revision"] == "2021.11.1" and now["redecided"]["decision"] == "block"
    events = _count(db_url, audit_events)
    again = cli("rescan", "--as-of", ENFORCED, "--db", db_url, "--json")
    assert json.loads(again.stdout)["counts"].get("decision", 0) == 0
    assert _count(db_url, audit_events) == events
    assert AuditLog().verify(engine_for(db_url)).ok


def _state(db: str) -> tuple[list[tuple[str, str, str]], int, int, list[tuple[str, str]]]:
    engine = engine_for(db)
    with engine.connect() as conn:
        rows = [
            (r.listing_id, r.status, r.last_decision)
            for r in conn.execute(sa.select(listings).order_by(listings.c.listing_id))
        ]
        lifted = conn.execute(
            sa.select(sa.func.count()).select_from(removals).where(removals.c.lifted_on.isnot(None))
        ).scalar_one()
        active = conn.execute(
            sa.select(sa.func.count()).select_from(strikes).where(strikes.c.revoked_on.is_(None))
        ).scalar_one()
        standing = [
            (str(a), str(b))
            for a, b in conn.execute(
                sa.select(sellers.c.seller_id, sellers.c.standing).order_by(sellers.c.seller_id)
            )
        ]
    assert AuditLog().verify(engine).ok
    return rows, int(lifted), int(active), standing


def _rescan(db: str) -> list[str]:
    return [sys.executable, "-m", "proscribe", "rescan", "--as-of", ENFORCED, "--db", db,
            "--batch", "5", "--json"]  # fmt: skip


def test_a_rescan_killed_midway_resumes_to_the_state_of_an_uninterrupted_one(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    catalogue = tmp_path / "catalogue.jsonl"
    write(catalogue, 12_000, seed=5)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    _grace_then_next(cli, reference, catalogue, tmp_path)
    clean = subprocess.run(_rescan(reference), capture_output=True, text=True, check=False)
    assert clean.returncode == 0, clean.stderr
    expected = _state(reference)
    _grace_then_next(cli, db_url, catalogue, tmp_path)
    run = subprocess.Popen(_rescan(db_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    progressed = sa.select(sa.func.count()).select_from(rescans).where(rescans.c.position != "")
    engine = sa.create_engine(db_url)  # plain reads: the store's SQLite engine begins IMMEDIATE
    while run.poll() is None:
        with engine.connect() as conn:
            if conn.execute(progressed).scalar_one():
                break
        time.sleep(0.01)
    run.kill()  # SIGKILL: no cleanup
    assert run.wait() == -9, "the rescan finished before it could be killed: use more listings"
    partial = _state(db_url)  # consistent: the audit chain verifies
    assert partial != expected
    resumed = subprocess.run(_rescan(db_url), capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["resumed"] is True and summary["decided"] == summary["listings"]
    assert _state(db_url) == expected


def test_the_service_follows_activations_and_records_its_shadow_decisions(
    db_url: str, tmp_path: Path
) -> None:
    from tests.integration.test_api import start

    from proscribe.enforce.keys import create_key

    engine = engine_for(db_url)
    upgrade(engine)
    activate(engine, load_pack(PACK_ID), by="ann", note="ban")
    key = create_key(engine, name="shop", role="integrator")
    process, url = start(db_url, env={"PROSCRIBE_REFRESH_SECONDS": "0.2"})
    client = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    coin = {"id": "coin", "title": "比特币", "seller_id": "s1", "as_of": ENFORCED}
    try:
        assert client.post("/v1/listings/check", json=coin).json()["decision"] == "review"
        nxt = load_pack(next_revision(tmp_path))
        activate(engine, nxt, by="bob", note="coins", mode="shadow")
        time.sleep(0.5)  # the service re-reads activations every 0.2 s here
        for i in range(3):
            verdict = client.post("/v1/listings", json={**coin, "id": f"coin{i}"}).json()
            assert verdict["verdict"]["revision"] == "2021.10.1"  # the shadow has no effect
        activate(engine, nxt, by="bob", note="all sellers", mode="staged", share=1.0)
        time.sleep(0.5)
        staged = client.post("/v1/listings/check", json=coin).json()
        assert (staged["revision"], staged["decision"]) == ("2021.11.1", "block")
    finally:
        process.terminate()  # a clean stop writes the queued shadow rows
        process.wait(timeout=20)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(shadow_decisions.c.source, shadow_decisions.c.shadow_decision)
        ).all()
    assert len(rows) >= 3 and {tuple(r) for r in rows} >= {("service", "block")}
