"""``proscribe worker`` on a real Redis server: sharing, dead letters, replays, crashes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from typing import Any

import sqlalchemy as sa

from proscribe import Engine, load_pack
from proscribe.audit import AuditLog
from proscribe.catalogue.reader import to_row
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import audit_events, removals, stream_verdicts
from proscribe.synth.catalogue import generate
from proscribe.types import Listing

AS_OF = "2021-10-20"


def _publish(url: str, rows: list[dict[str, Any]], extra: list[str] = ()) -> None:  # type: ignore[assignment]
    import redis

    client = redis.Redis.from_url(url)
    pipe = client.pipeline(transaction=False)
    for row in rows:
        pipe.xadd("listings", {"listing": json.dumps({**row, "as_of": AS_OF})})
    for raw in extra:
        pipe.xadd("listings", {"listing": raw})
    pipe.execute()


def _worker(url: str, db: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "proscribe", "worker", "--source", url, "--db", db,
         "--jurisdiction", "CN", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _recorded(db: str) -> int:
    with sa.create_engine(db).connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(stream_verdicts)).scalar_one()
        )


def _wait_for(db: str, count: int, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while _recorded(db) < count:
        assert time.monotonic() < deadline, f"only {_recorded(db)} of {count} events recorded"
        time.sleep(0.1)


def _stop(process: subprocess.Popen[str]) -> dict[str, Any]:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    stats: dict[str, Any] = json.loads(out)
    return stats


def _expected(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    listings = [to_row(r, 0) for r in rows]
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    decided = engine.decide_batch(
        [x for x in listings if isinstance(x, Listing)],
        as_of=__import__("datetime").date.fromisoformat(AS_OF),
        jurisdiction="CN",
    )
    return {v.id: v.to_record() for v in decided}


def _verdicts(db: str) -> dict[str, dict[str, Any]]:
    with sa.create_engine(db).connect() as conn:
        rows = conn.execute(sa.select(stream_verdicts.c.listing_id, stream_verdicts.c.record))
        return {r.listing_id: json.loads(r.record) for r in rows}


def _core(records: dict[str, dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {k: (r["decision"], r["classes"], r["evidence"]) for k, r in records.items()}


def test_two_workers_share_the_stream_and_dead_letter_poison_events(
    redis_url: str, db_url: str
) -> None:
    import redis

    upgrade(engine_for(db_url))
    rows = list(generate(2000, seed=31))
    _publish(redis_url, rows, ["{not json", json.dumps({"id": "no-title"})])
    a, b = (_worker(redis_url, db_url, "--consumer", name) for name in ("a", "b"))
    _wait_for(db_url, len(rows))
    stats = [_stop(a), _stop(b)]
    assert sum(s["decided"] for s in stats) == len(rows)
    assert all(s["decided"] > 0 for s in stats), stats  # both took a share
    # The library's decisions, classes and evidence. (Evasion may differ: a worker that starts
    # after the other removed a listing sees copies of it as `relisted` — by design.)
    assert _core(_verdicts(db_url)) == _core(_expected(rows))
    client = redis.Redis.from_url(redis_url)
    dead = [
        {k.decode(): v.decode() for k, v in f.items()} for _, f in client.xrange("listings:dead")
    ]
    assert sorted(d["code"] for d in dead) == ["PSC-C009", "PSC-W001"]
    assert all(d["message"] and d["hint"] for d in dead)
    assert client.xpending("listings", "proscribe")["pending"] == 0


def test_a_replayed_stream_changes_nothing(redis_url: str, db_url: str) -> None:
    upgrade(engine_for(db_url))
    rows = list(generate(300, seed=32))
    _publish(redis_url, rows)
    first = _worker(redis_url, db_url)
    _wait_for(db_url, len(rows))
    _stop(first)

    def state() -> tuple[int, int, int]:
        with engine_for(db_url).connect() as conn:
            return tuple(  # type: ignore[return-value]
                int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                for t in (audit_events, removals, stream_verdicts)
            )

    before = state()
    assert before[1] > 0  # something was removed
    replay = _worker(redis_url, db_url, "--group", "replay")  # a new group reads every event
    time.sleep(1)
    deadline = time.monotonic() + 120
    while True:  # wait until the replay group has acknowledged everything
        import redis

        info = {
            g["name"].decode(): g for g in redis.Redis.from_url(redis_url).xinfo_groups("listings")
        }
        if (
            info.get("replay", {}).get("entries-read") == len(rows)
            and not info["replay"]["pending"]
        ):
            break
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert _stop(replay)["decided"] == len(rows)
    assert state() == before
    assert AuditLog().verify(engine_for(db_url)).ok


def test_no_event_is_lost_when_a_worker_is_killed_or_stopped(redis_url: str, db_url: str) -> None:
    upgrade(engine_for(db_url))
    import redis

    rows = list(generate(3000, seed=33))
    _publish(redis_url, rows)
    client = redis.Redis.from_url(redis_url)
    client.xgroup_create("listings", "proscribe", id="0")
    # a consumer that read 50 events and died before acknowledging any
    client.xreadgroup("proscribe", "ghost", {"listings": ">"}, count=50)
    stopped = _worker(redis_url, db_url, "--consumer", "stopped", "--batch", "20")
    _wait_for(db_url, 100)
    assert _stop(stopped)["decided"] >= 100  # SIGTERM: it finishes the batch in hand...
    consumers = {c["name"]: c for c in client.xinfo_consumers("listings", "proscribe")}
    assert consumers[b"stopped"]["pending"] == 0  # ...and leaves nothing unacknowledged
    crashed = _worker(redis_url, db_url, "--consumer", "crashed", "--batch", "20")
    _wait_for(db_url, _recorded(db_url) + 100)
    crashed.kill()  # SIGKILL: its read but unacknowledged events stay pending
    crashed.wait()
    taker = _worker(redis_url, db_url, "--consumer", "taker", "--claim-idle-ms", "500")
    _wait_for(db_url, len(rows))
    stats = _stop(taker)
    assert stats["claimed"] >= 50  # it took over the dead consumers' pending events
    assert client.xpending("listings", "proscribe")["pending"] == 0
    assert _recorded(db_url) == len(rows)
    assert set(_verdicts(db_url)) == {r["id"] for r in rows}
