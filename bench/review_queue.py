"""Response time of the review queue with many items in the store.

    .venv/bin/python bench/review_queue.py [--items 100000] [--repeat 5]

Fills a throw-away SQLite store with ``--items`` review items (mixed classes, scores, evasion,
sellers with standings, ages, titles), then times, each ``--repeat`` times:

* ``prioritised`` (the function behind the queue page) unfiltered, with a search and with a
  class filter;
* ``claim_next`` (what the ``n`` key does);
* ``GET /ui/queue`` and ``GET /ui/`` (the dashboard, with the SLA figures) over HTTP, from
  ``proscribe serve`` on a free loopback port, signed in as a reviewer.

Prints the median and worst time of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import orjson

from proscribe.enforce.claims import claim_next, release
from proscribe.enforce.keys import create_key
from proscribe.enforce.queue import QueueFilter, prioritised
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import listing_texts, listings, sellers

CLASSES = ["mining-hardware", "crypto-tutorials", "crypto-exchange", "otc-trading"]
STANDINGS = ["good", "warned", "listings-removed", "store-restricted"]
TODAY = dt.date.today()


def fill(db: str, items: int) -> None:
    engine = engine_for(db)
    upgrade(engine)
    rows, texts = [], []
    for i in range(items):
        verdict = {
            "decision": "review",
            "classes": [CLASSES[i % 4]],
            "score": 0.5 + (i % 40) / 100,
            "reason": "Review: mining-hardware scored 0.61 (≥ 0.50 to review).",
            "evasion": [{"signal": "obfuscated", "detail": "spacing", "text": "x"}]
            if i % 13 == 0
            else [],
            "evidence": [],
            "pack": "crypto-cn-2021",
            "revision": "bench",
        }
        rows.append(
            {
                "listing_id": f"L{i}",
                "seller_id": f"S{i % 5000}",
                "status": "live",
                "last_decision": "review",
                "verdict": orjson.dumps(verdict).decode(),
                "updated_on": TODAY - dt.timedelta(days=i % 9),
            }
        )
        texts.append(
            {
                "listing_id": f"L{i}",
                "title": f"listing {i} GPU rig 二手显卡 {i % 97}",
                "description": "a used card",
                "lang": "en" if i % 3 else "zh",
            }
        )
    with engine.begin() as conn:
        conn.execute(listings.insert(), rows)
        conn.execute(listing_texts.insert(), texts)
        conn.execute(
            sellers.insert(),
            [
                {"seller_id": f"S{s}", "standing": STANDINGS[s % 4], "updated_on": TODAY}
                for s in range(5000)
            ],
        )
    engine.dispose()


def timed(name: str, repeat: int, run: Callable[[], object]) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    print(f"{name:<42} median {statistics.median(times):6.3f} s   worst {max(times):6.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'queue.db'}"
        started = time.perf_counter()
        fill(db, args.items)
        print(f"filled {args.items} items in {time.perf_counter() - started:.1f} s")
        engine = engine_for(db)
        r = args.repeat
        timed("queue (first 200 of all)", r, lambda: prioritised(engine, TODAY, limit=200))
        where = QueueFilter(search="rig 二手显卡 42")
        timed("queue, search 'rig 二手显卡 42'", r, lambda: prioritised(engine, TODAY, where))
        by_class = QueueFilter(class_id="otc-trading")
        timed("queue, class filter", r, lambda: prioritised(engine, TODAY, by_class))

        def take() -> None:
            item = claim_next(engine, "bench", TODAY)
            assert item is not None
            release(engine, item["listing_id"], "bench")

        timed("claim next (n)", r, take)
        key = create_key(engine, name="bench", role="reviewer")
        _over_http(db, key, r)


def _over_http(db: str, key: str, repeat: int) -> None:
    port = 18765
    process = subprocess.Popen(
        [sys.executable, "-m", "proscribe", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        client = httpx.Client(base_url=url, timeout=120)
        page = client.get("/ui/login").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        assert token is not None
        client.post("/ui/login", data={"key": key, "csrf": token.group(1)})
        timed("GET /ui/queue (HTTP)", repeat, lambda: client.get("/ui/queue").raise_for_status())
        timed(
            "GET /ui/ dashboard + SLA (HTTP)", repeat, lambda: client.get("/ui/").raise_for_status()
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
