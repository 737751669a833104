"""The key ring (active keys in memory) and the per-address throttle of wrong keys."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from proscribe.api import guard
from proscribe.api.guard import FREE_FAILURES, KeyRing, Throttle
from proscribe.enforce.keys import create_key, revoke_key
from proscribe.store import engine_for, upgrade


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    engine = engine_for(f"sqlite:///{tmp_path / 'keys.db'}")
    upgrade(engine)
    return engine


def _reads(engine: sa.Engine) -> list[str]:
    seen: list[str] = []
    sa.event.listen(
        engine,
        "before_cursor_execute",
        lambda *args: seen.append(args[2]) if "api_keys" in args[2] else None,
    )
    return seen


def test_wrong_keys_read_the_store_at_most_once_a_second(engine: sa.Engine) -> None:
    key = create_key(engine, name="shop", role="integrator")
    ring = KeyRing(engine)
    reads = _reads(engine)
    principal = ring.lookup(key)
    assert principal is not None and principal.name == "shop"
    for attempt in range(50):
        assert ring.lookup(f"psk_wrong_{attempt}") is None
    assert len(reads) == 1  # the first read; 50 wrong keys read nothing more
    assert ring.known(key) == principal and len(reads) == 1


def test_a_revoked_key_stops_working_within_the_cache_time(
    engine: sa.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard, "KEY_CACHE_SECONDS", 0.2)
    key = create_key(engine, name="shop", role="integrator")
    ring = KeyRing(engine)
    who = ring.known(key)
    assert who is not None
    revoke_key(engine, who.key_id)
    time.sleep(0.3)
    assert ring.known(key) is None and ring.lookup(key) is None


def test_a_new_key_works_after_the_miss_refresh(engine: sa.Engine) -> None:
    ring = KeyRing(engine)
    assert ring.lookup("psk_none") is None
    key = create_key(engine, name="late", role="reviewer")
    time.sleep(guard.MISS_REFRESH_SECONDS + 0.1)
    assert ring.lookup(key) is not None


def test_the_wait_doubles_after_the_free_failures_and_is_capped() -> None:
    throttle = Throttle()
    waits = [throttle.failed("10.0.0.1") for _ in range(FREE_FAILURES + 3)]
    assert waits[:FREE_FAILURES] == [0] * FREE_FAILURES
    assert waits[FREE_FAILURES:] == [1, 2, 4]
    assert throttle.wait("10.0.0.2") == 0  # per address
    for _ in range(30):
        throttle.failed("10.0.0.3")
    assert throttle.wait("10.0.0.3") == guard.MAX_WAIT
