"""Enforcement under faults: a run killed midway, and two runs at the same time."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from proscribe.audit import AuditLog
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import removals, sellers, strikes
from proscribe.synth.catalogue import write

AS_OF = "2021-10-20"


def _command(catalogue: Path, db: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "proscribe",
        "enforce",
        str(catalogue),
        "--as-of",
        AS_OF,
        "--jurisdiction",
        "CN",
        "--db",
        db,
        "--workers",
        "1",
        "--json",
    ]


def _state(db: str) -> tuple[int, int, list[tuple[str, str]]]:
    engine = engine_for(db)
    with engine.connect() as conn:
        counts = [
            conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in (removals, strikes)
        ]
        standings = [
            (str(a), str(b))
            for a, b in conn.execute(
                sa.select(sellers.c.seller_id, sellers.c.standing).order_by(sellers.c.seller_id)
            )
        ]
    assert AuditLog().verify(engine).ok
    return int(counts[0]), int(counts[1]), standings


def _reference(catalogue: Path, tmp_path: Path) -> tuple[int, int, list[tuple[str, str]]]:
    db = f"sqlite:///{tmp_path / 'reference.db'}"
    subprocess.run(_command(catalogue, db), check=False, capture_output=True, timeout=600)
    return _state(db)


def test_a_run_killed_midway_is_consistent_and_a_rerun_completes(
    db_url: str, tmp_path: Path
) -> None:
    catalogue = tmp_path / "catalogue.jsonl"
    write(catalogue, 30_000, seed=11)
    expected = _reference(catalogue, tmp_path)
    upgrade(engine_for(db_url))
    run = subprocess.Popen(
        _command(catalogue, db_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    engine = engine_for(db_url)
    while run.poll() is None:
        with engine.connect() as conn:
            if conn.execute(sa.select(sa.func.count()).select_from(removals)).scalar_one() > 0:
                break
        time.sleep(0.02)
    run.kill()  # SIGKILL: no cleanup, no final commit
    assert run.wait() == -9, "the run finished before it could be killed: use a larger catalogue"
    partial = _state(db_url)  # consistent: the audit chain verifies
    assert 0 < partial[0] < expected[0]
    subprocess.run(_command(catalogue, db_url), check=False, capture_output=True, timeout=600)
    assert _state(db_url) == expected


def test_two_runs_at_once_neither_lose_nor_duplicate_strikes(db_url: str, tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.jsonl"
    write(catalogue, 10_000, seed=12)
    expected = _reference(catalogue, tmp_path)
    upgrade(engine_for(db_url))
    runs = [
        subprocess.Popen(
            _command(catalogue, db_url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode in (0, 1), err.decode()
    assert _state(db_url) == expected
