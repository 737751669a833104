"""The store against a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from proscribe.errors import StoreError
from proscribe.store import ScanStore, engine_for, upgrade
from proscribe.store.db import current_revision, head_revision

Cli = Callable[..., subprocess.CompletedProcess[str]]


def test_scan_is_recorded_with_its_verdicts(cli: Cli, db_url: str, tmp_path: Path) -> None:
    catalogue = tmp_path / "c.jsonl"
    catalogue.write_text(
        '{"id": "a", "title": "Antminer S19", "seller_id": "s"}\n{"id": "b", "title": "Yoga mat"}\n'
    )
    done = cli("scan", str(catalogue), "--as-of", "2021-10-20", "--db", db_url)
    assert done.returncode == 1, done.stderr
    store = ScanStore(engine_for(db_url))
    scan = store.scan(1)
    assert scan is not None
    assert (scan["scanned"], scan["blocked"], scan["pack_id"]) == (2, 1, "cn-crypto-mining-2021")
    assert scan["as_of"] == dt.date(2021, 10, 20)
    [stored] = store.verdicts_for("a")
    assert stored["decision"] == "block"
    assert json.loads(stored["record"])["revision"] == "2021.10.1"


def test_upgrade_is_idempotent(db_url: str) -> None:
    engine = engine_for(db_url)
    assert upgrade(engine) == upgrade(engine) == head_revision()
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()


def test_a_schema_newer_than_the_code_is_refused(db_url: str) -> None:
    engine = engine_for(db_url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(StoreError) as caught:
        upgrade(engine)
    assert caught.value.code == "PSC-S002"
    assert "newer than this proscribe knows" in str(caught.value)


def test_unreachable_database_is_a_clear_error() -> None:
    engine = engine_for("postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    with pytest.raises(StoreError) as caught:
        upgrade(engine)
    assert caught.value.code == "PSC-S003"
