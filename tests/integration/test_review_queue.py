"""The review queue on a real store (SQLite and PostgreSQL): priority order, natural ids,
filters and search, claims that two reviewers never share, SLA figures."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from proscribe.enforce.claims import claim, claim_next, release
from proscribe.enforce.ledger import Ledger
from proscribe.enforce.queue import SLA_DAYS, QueueFilter, natural_key, prioritised, priority
from proscribe.enforce.reviews import decide_review
from proscribe.enforce.sla import sla_figures
from proscribe.errors import LedgerError
from proscribe.policy.pack import PolicyPack
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import listing_texts, listings, review_claims, sellers

TODAY = dt.date(2024, 5, 10)


def verdict(score: float, classes: list[str], evasion: bool = False) -> dict[str, Any]:
    return {
        "decision": "review",
        "classes": classes,
        "score": score,
        "reason": "Review: test.",
        "evasion": [{"signal": "spacing", "detail": "x", "text": "b i t"}] if evasion else [],
        "evidence": [],
        "pack": "crypto-cn-2021",
        "revision": "r1",
        "as_of": "2024-05-01",
    }


def fill(engine: sa.Engine, rows: list[tuple[str, str, float, list[str], bool, int, str]]) -> None:
    """(id, seller, score, classes, evasion, days waiting, title) per row."""
    with engine.begin() as conn:
        for listing_id, seller, score, classes, evasion, days, title in rows:
            conn.execute(
                listings.insert().values(
                    listing_id=listing_id,
                    seller_id=seller,
                    status="live",
                    last_decision="review",
                    verdict=orjson.dumps(verdict(score, classes, evasion)).decode(),
                    updated_on=TODAY - dt.timedelta(days=days),
                )
            )
            conn.execute(
                listing_texts.insert().values(
                    listing_id=listing_id, title=title, description=None, lang="en"
                )
            )


@pytest.fixture
def store(db_url: str) -> sa.Engine:
    engine = engine_for(db_url)
    upgrade(engine)
    return engine


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["listing_id"] for i in items]


def test_priority_parts_are_bounded_and_documented_weights() -> None:
    weak = priority(verdict(0.5, ["c"]), "good", 0)
    assert weak == {"severity": 20, "evasion": 0, "standing": 0, "urgency": 0, "total": 20}
    worst = priority(verdict(1.0, ["c"], evasion=True), "closed", 100)
    assert worst == {"severity": 40, "evasion": 20, "standing": 20, "urgency": 45, "total": 125}
    assert priority(verdict(0.5, ["c"]), None, SLA_DAYS)["urgency"] == 30


def test_ids_compare_as_numbers_where_numeric() -> None:
    assert sorted(["L10", "L2", "L1", "K3"], key=natural_key) == ["K3", "L1", "L2", "L10"]


def test_queue_orders_by_priority_then_age_then_natural_id(store: sa.Engine) -> None:
    fill(
        store,
        [
            ("L10", "s1", 0.5, ["c"], False, 0, "weak new"),
            ("L2", "s1", 0.5, ["c"], False, 0, "weak new too"),
            ("L3", "s2", 0.5, ["c"], True, 0, "evasive"),
            ("L4", "s3", 0.5, ["c"], False, 3, "overdue"),
            ("L5", "s4", 0.9, ["d"], False, 0, "severe"),
        ],
    )
    with store.begin() as conn:
        conn.execute(sellers.insert().values(seller_id="s1", standing="warned", updated_on=TODAY))
    items, total = prioritised(store, TODAY)
    # L4: 20+0+0+45; L5: 36; L3: 20+20; L2/L10: 20+5 (warned seller): L2 before L10.
    assert ids(items) == ["L4", "L3", "L5", "L2", "L10"] and total == 5
    assert items[0]["overdue"] and not items[1]["overdue"]
    # Cut inside a tie: the natural order still decides which one is shown.
    assert ids(prioritised(store, TODAY, limit=4)[0]) == ["L4", "L3", "L5", "L2"]


def test_filters_and_search(store: sa.Engine) -> None:
    fill(
        store,
        [
            ("A1", "alpha", 0.5, ["c"], False, 0, "Antminer S19 for sale"),
            ("A2", "beta", 0.5, ["d"], False, 5, "二手显卡 矿卡 RTX3060"),
            ("B_%", "gamma", 0.5, ["c"], False, 1, "percent id"),
        ],
    )
    assert ids(prioritised(store, TODAY, QueueFilter(search="antminer"))[0]) == ["A1"]
    assert ids(prioritised(store, TODAY, QueueFilter(search="矿卡"))[0]) == ["A2"]
    assert ids(prioritised(store, TODAY, QueueFilter(search="BET"))[0]) == ["A2"]  # seller
    assert ids(prioritised(store, TODAY, QueueFilter(search="_%"))[0]) == ["B_%"]  # literal
    assert ids(prioritised(store, TODAY, QueueFilter(class_id="d"))[0]) == ["A2"]
    assert ids(prioritised(store, TODAY, QueueFilter(min_age=1))[0]) == ["A2", "B_%"]


def test_two_reviewers_never_hold_the_same_item(store: sa.Engine) -> None:
    fill(store, [(f"L{i}", "s", 0.5, ["c"], False, 0, "t") for i in range(20)])
    got: dict[str, list[str]] = {"alice": [], "bob": []}

    def work(name: str) -> None:
        for _ in range(10):
            item = claim_next(store, name, TODAY)
            assert item is not None
            got[name].append(item["listing_id"])

    threads = [threading.Thread(target=work, args=(n,)) for n in got]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # claim_next returns the reviewer's own claim first: each got one item at a time.
    assert len(set(got["alice"])) == 1 and len(set(got["bob"])) == 1
    assert got["alice"][0] != got["bob"][0]
    with pytest.raises(LedgerError, match="PSC-E020"):
        claim(store, got["alice"][0], "bob")


def test_claim_expires_is_released_and_blocks_another_reviewers_decision(
    store: sa.Engine, pack: PolicyPack
) -> None:
    fill(store, [("L1", "s", 0.5, ["c"], False, 0, "t"), ("L2", "s", 0.5, ["c"], False, 0, "t")])
    claim(store, "L1", "alice", seconds=-1)  # already expired
    claim(store, "L1", "bob")  # so bob may take it over
    ledger = Ledger(store, pack, actor="alice")
    with pytest.raises(LedgerError, match="PSC-E020"):
        decide_review(ledger, "L1", decision="allow", note="n", reviewer="alice", as_of=TODAY)
    assert release(store, "L1", "bob") and not release(store, "L1", "bob")
    claim(store, "L1", "alice")
    time.sleep(0.01)
    decide_review(ledger, "L1", decision="allow", note="fine", reviewer="alice", as_of=TODAY)
    with store.connect() as conn:
        assert conn.execute(sa.select(review_claims)).first() is None
    with pytest.raises(LedgerError, match="PSC-E008"):
        claim(store, "L1", "bob")
    figures = sla_figures(store, TODAY)
    assert figures["waiting"] == 1
    [alice] = figures["reviewers"]
    assert alice["name"] == "alice" and alice["decided"] == 1 and alice["median"].endswith(" s")
    assert figures["queues"][0]["name"] == "all classes"


def test_migration_0010_goes_down_and_up(store: sa.Engine) -> None:
    from alembic import command

    from proscribe.store.db import _config, current_revision

    fill(store, [("L1", "s", 0.5, ["c"], False, 0, "t")])
    claim(store, "L1", "alice")
    with store.begin() as conn:
        command.downgrade(_config(conn), "0009")
        assert not sa.inspect(conn).has_table("review_claims")
        assert "claimed_at" not in {c["name"] for c in sa.inspect(conn).get_columns("reviews")}
    upgrade(store)
    with store.connect() as conn:
        assert current_revision(conn) == "0010"
        assert sa.inspect(conn).has_table("review_claims")
