"""An audit log that survives a database administrator: signed checkpoints and replay.

Each attack here passes the plain hash-chain check (shown with ``--no-replay``) and is caught by
the checkpoint or by replaying the log against the ledger's tables — on SQLite and PostgreSQL.
The commands run in this process (the real Typer app, ``main``'s error handling), which spares
a second of start-up per call; ``test_enforce.py`` covers them as separate processes.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from proscribe.audit.log import _hash
from proscribe.cli.app import app
from proscribe.errors import ProscribeError
from proscribe.store import engine_for
from proscribe.store.tables import audit_events, audit_head, removals, sellers, strikes

Cli = Callable[..., subprocess.CompletedProcess[str]]
CATALOGUE = [
    {"id": "m1", "title": "Antminer S19 95TH", "seller_id": "s1"},
    {"id": "m2", "title": "Whatsminer M30S 100TH/s", "seller_id": "s1"},
    {"id": "m3", "title": "Аntminer S19 95TH", "seller_id": "s2"},
    {"id": "ok", "title": "Yoga mat 6mm", "seller_id": "s3"},
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in this process; errors come out as ``main`` prints them (exit 2)."""
    result = CliRunner().invoke(app, list(args))
    error = result.exception
    if isinstance(error, ProscribeError):
        rendered = "\n".join(d.render() for d in error.diagnostics)
        return subprocess.CompletedProcess(args, error.exit_code, result.stdout, rendered)
    if error is not None and not isinstance(error, SystemExit):
        raise error
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli() -> Cli:
    return _run


@pytest.fixture
def enforced(cli: Cli, db_url: str, tmp_path: Path) -> str:
    catalogue = tmp_path / "catalogue.jsonl"
    catalogue.write_text("".join(json.dumps(r) + "\n" for r in CATALOGUE))
    done = cli("enforce", str(catalogue), "--as-of", "2021-10-20", "--jurisdiction", "CN",
               "--db", db_url, "--workers", "1")  # fmt: skip
    assert done.returncode == 1, done.stderr
    return db_url


@pytest.fixture
def keys(cli: Cli, tmp_path: Path) -> tuple[Path, Path]:
    private, public = tmp_path / "audit.key", tmp_path / "audit.pub"
    done = cli("audit", "keygen", "--private", str(private), "--public", str(public))
    assert done.returncode == 0, done.stderr
    return private, public


def _checkpoint(cli: Cli, db: str, private: Path, out: Path) -> dict[str, Any]:
    done = cli("audit", "checkpoint", "--key", str(private), "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(out.read_text()))


def _verify(cli: Cli, db: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return cli("audit", "verify", "--db", db, *extra)


def _events(db: str) -> list[dict[str, Any]]:
    with engine_for(db).connect() as conn:
        query = sa.select(audit_events).order_by(audit_events.c.seq)
        return [dict(r._mapping) for r in conn.execute(query)]


def _rechain(db: str, keep: list[dict[str, Any]]) -> None:
    """What an administrator with write access can do: rewrite every hash and the head."""
    prev = "0" * 64
    with engine_for(db).begin() as conn:
        conn.execute(audit_events.delete())
        for row in keep:
            row = {**row, "prev_hash": prev, "at": row["at"]}
            row["hash"] = prev = _hash(row)
            conn.execute(audit_events.insert().values(**row))
        conn.execute(audit_head.update().values(seq=len(keep), hash=prev))


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites(
    cli: Cli, keys: tuple[Path, Path]
) -> None:
    private, public = keys
    assert os.stat(private).st_mode & 0o777 == 0o600
    assert b"BEGIN PUBLIC KEY" in public.read_bytes()
    again = cli("audit", "keygen", "--private", str(private), "--public", str(public) + "2")
    assert again.returncode == 2 and "PSC-U060" in again.stderr


def test_an_untouched_log_extends_its_checkpoint(
    cli: Cli, enforced: str, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    private, public = keys
    signed = _checkpoint(cli, enforced, private, tmp_path / "cp.json")
    assert signed["checkpoint"]["seq"] == len(_events(enforced)) > 5
    done = _verify(cli, enforced, "--checkpoint", str(tmp_path / "cp.json"),
                   "--public-key", str(public))  # fmt: skip
    assert done.returncode == 0, done.stdout
    assert "ledger matches the log" in done.stdout and "extends the checkpoint" in done.stdout


def test_a_deleted_and_rechained_tail_is_caught_by_the_checkpoint(
    cli: Cli, enforced: str, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    private, public = keys
    _checkpoint(cli, enforced, private, tmp_path / "cp.json")
    events = _events(enforced)
    _rechain(enforced, events[:-3])
    assert _verify(cli, enforced, "--no-replay").returncode == 0  # the chain alone is fooled
    done = _verify(cli, enforced, "--no-replay", "--checkpoint", str(tmp_path / "cp.json"),
                   "--public-key", str(public))  # fmt: skip
    assert done.returncode == 1
    assert f"signed event {len(events)}, but the log now ends at event {len(events) - 3}" in (
        done.stdout
    )


def test_an_edited_and_rechained_strike_event_is_caught_by_the_checkpoint(
    cli: Cli, enforced: str, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    private, public = keys
    _checkpoint(cli, enforced, private, tmp_path / "cp.json")
    events = _events(enforced)
    strike = next(e for e in events if e["kind"] == "strike")
    strike["result"] = strike["result"].replace('"m', '"x', 1)
    _rechain(enforced, events)
    assert _verify(cli, enforced, "--no-replay").returncode == 0
    done = _verify(cli, enforced, "--no-replay", "--checkpoint", str(tmp_path / "cp.json"),
                   "--public-key", str(public))  # fmt: skip
    assert done.returncode == 1 and "the log was rewritten since" in done.stdout


def test_a_forged_checkpoint_or_the_wrong_key_fails(
    cli: Cli, enforced: str, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    private, public = keys
    document = _checkpoint(cli, enforced, private, tmp_path / "cp.json")
    document["checkpoint"]["seq"] -= 1  # claims an earlier head: the signature no longer holds
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(document))
    done = _verify(cli, enforced, "--checkpoint", str(forged), "--public-key", str(public))
    assert done.returncode == 1 and "signature does not verify" in done.stdout
    other = tmp_path / "other"
    cli("audit", "keygen", "--private", f"{other}.key", "--public", f"{other}.pub")
    done = _verify(cli, enforced, "--checkpoint", str(tmp_path / "cp.json"),
                   "--public-key", f"{other}.pub")  # fmt: skip
    assert done.returncode == 1 and "signature does not verify" in done.stdout
    not_a_key = _verify(cli, enforced, "--checkpoint", str(forged), "--public-key", str(forged))
    assert not_a_key.returncode == 2 and "PSC-U062" in not_a_key.stderr
    alone = _verify(cli, enforced, "--checkpoint", str(forged))
    assert alone.returncode == 2 and "PSC-U064" in alone.stderr


@pytest.mark.parametrize(
    ("table", "where", "expected"),
    [
        (strikes, strikes.c.listing_id == "m3", "strike for listing 'm3'"),
        (removals, removals.c.listing_id == "m1", "removal of listing 'm1'"),
        (sellers, sellers.c.seller_id == "s2", "seller 's2' is frozen in the log"),
    ],
)
def test_a_row_deleted_behind_the_logs_back_is_caught_by_the_replay(
    cli: Cli, enforced: str, table: sa.Table, where: Any, expected: str
) -> None:
    with engine_for(enforced).begin() as conn:
        conn.execute(table.delete().where(where))
    assert _verify(cli, enforced, "--no-replay").returncode == 0
    done = _verify(cli, enforced)
    assert done.returncode == 1
    assert "LEDGER DIFFERS FROM THE LOG" in done.stdout and expected in done.stdout


def test_a_rewritten_standing_or_revoked_strike_is_caught(cli: Cli, enforced: str) -> None:
    with engine_for(enforced).begin() as conn:
        conn.execute(sellers.update().where(sellers.c.seller_id == "s2").values(standing="good"))
    done = _verify(cli, enforced)
    assert done.returncode == 1
    assert (
        "seller 's2' is frozen in the log" in done.stdout and "good in the sellers" in done.stdout
    )
    with engine_for(enforced).begin() as conn:
        conn.execute(sellers.update().where(sellers.c.seller_id == "s2").values(standing="frozen"))
        conn.execute(strikes.update().where(strikes.c.listing_id == "m1").values(
            revoked_on=sa.func.current_date()))  # fmt: skip
    done = _verify(cli, enforced)
    assert done.returncode == 1 and "strike for listing 'm1'" in done.stdout


def test_the_replay_follows_appeals_and_reinstatements(cli: Cli, enforced: str) -> None:
    opened = cli("appeal", "open", "m1", "--reason", "it is a heater", "--db", enforced)
    assert opened.returncode == 0, opened.stderr
    appeal = opened.stdout.split()[1]  # "appeal N opened for listing m1"
    decided = cli("appeal", "decide", appeal, "--overturn", "--by", "rev", "--note", "heater",
                  "--as-of", "2021-10-21", "--db", enforced)  # fmt: skip
    assert decided.returncode == 0, decided.stderr
    kinds = [e["kind"] for e in _events(enforced)]
    assert "removal-lifted" in kinds and "strike-revoked" in kinds
    done = _verify(cli, enforced)
    assert done.returncode == 0, done.stdout
    with engine_for(enforced).begin() as conn:  # the lifted removal put back in force
        conn.execute(removals.update().where(removals.c.listing_id == "m1").values(lifted_on=None))
    done = _verify(cli, enforced)
    assert done.returncode == 1 and "lifted in the log" in done.stdout
