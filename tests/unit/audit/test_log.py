from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from proscribe.audit import AuditEvent, AuditLog, digest
from proscribe.store import engine_for, upgrade


def _log(tmp_path: Path) -> tuple[sa.Engine, AuditLog]:
    engine = engine_for(f"sqlite:///{tmp_path / 'a.db'}")
    upgrade(engine)
    return engine, AuditLog(lambda: dt.datetime(2021, 10, 20, 8, 0, tzinfo=dt.UTC))


def test_appends_chain_and_verify(tmp_path: Path) -> None:
    engine, log = _log(tmp_path)
    with engine.begin() as conn:
        assert log.append(conn, [AuditEvent("strike", "seller:s1", "me", {"n": 1})]) == 1
    with engine.begin() as conn:
        assert log.append(conn, [AuditEvent("strike", "seller:s1", "me", {"n": 2})] * 3) == 4
    result = log.verify(engine)
    assert result.ok and result.events == 4
    events = list(log.export(engine))
    assert [e["prev_hash"] for e in events[1:]] == [e["hash"] for e in events[:-1]]


def test_a_rolled_back_append_leaves_no_trace(tmp_path: Path) -> None:
    engine, log = _log(tmp_path)
    with engine.connect() as conn:
        transaction = conn.begin()
        log.append(conn, [AuditEvent("strike", "seller:s1", "me")])
        transaction.rollback()
    assert log.verify(engine).events == 0


def test_digest_is_canonical() -> None:
    assert digest({"b": 1, "a": [1, 2]}) == digest({"a": [1, 2], "b": 1})
    assert digest({"a": 1}) != digest({"a": 2})
