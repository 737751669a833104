"""One catalogue of 100,000 listings through every way proscribe decides: the same verdicts.

The library (``Engine.decide_batch``), ``proscribe scan``, the HTTP service (check-batch),
``proscribe spark-scan`` (Spark local mode) and ``proscribe worker`` (Redis Streams) decide
the same generated listings as of one date in one country. Decisions, classes and evidence
must be identical everywhere — in fact the whole verdict records are. (The worker is kept
from matching copies of the listings it removes along the way: no other path has a store
that remembers removals.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import orjson
import sqlalchemy as sa
from tests.conftest import require_spark
from tests.integration.test_api import start

from proscribe import Engine, load_pack
from proscribe.catalogue.verdicts import read_verdicts
from proscribe.enforce.keys import create_key
from proscribe.iterate import batched
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import stream_verdicts
from proscribe.synth.catalogue import generate
from proscribe.types import Listing

ROWS = 100_000
AS_OF = "2021-10-20"
Records = dict[str, dict[str, Any]]


def _library(rows: list[dict[str, Any]]) -> Records:
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    out: Records = {}
    for chunk in batched(rows, 1000):
        listings = [Listing(**r) for r in chunk]
        for v in engine.decide_batch(
            listings, as_of=dt.date.fromisoformat(AS_OF), jurisdiction="CN"
        ):
            out[v.id] = v.to_record()
    return out


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "proscribe", *args], capture_output=True,
                          text=True, timeout=1200, check=False)  # fmt: skip


def _file(path: Path) -> Records:
    return {r["id"]: r for r in read_verdicts(path) if isinstance(r, dict)}


def _service(rows: list[dict[str, Any]], tmp_path: Path) -> Records:
    db = f"sqlite:///{tmp_path / 'service.db'}"
    upgrade(engine_for(db))
    key = create_key(engine_for(db), name="identical", role="integrator")
    unlimited = {"PROSCRIBE_RATE_PER_KEY": "1000000", "PROSCRIBE_BURST_PER_KEY": "1000000"}
    process, url = start(db, unlimited, workers=2)
    out: Records = {}
    try:
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=120
        ) as c:
            for chunk in batched(rows, 1000):
                body = {"listings": [{**r, "as_of": AS_OF, "jurisdiction": "CN"} for r in chunk]}
                response = c.post("/v1/listings/check-batch", content=orjson.dumps(body),
                                  headers={"Content-Type": "application/json"})  # fmt: skip
                assert response.status_code == 200, response.text
                out.update((v["id"], v) for v in response.json()["verdicts"])
    finally:
        process.terminate()
        process.wait(timeout=30)
    return out


def _worker(rows: list[dict[str, Any]], redis_url: str, tmp_path: Path) -> Records:
    import redis

    db = f"sqlite:///{tmp_path / 'worker.db'}"
    upgrade(engine_for(db))
    client = redis.Redis.from_url(redis_url)
    for chunk in batched(rows, 5000):
        pipe = client.pipeline(transaction=False)
        for r in chunk:
            pipe.xadd("listings", {"listing": orjson.dumps({**r, "as_of": AS_OF})})
        pipe.execute()
    # The worker enforces as it goes; it keeps the (empty) set of removed listings it started
    # with, so that copies of what it removes are not `relisted` — the other paths have no store.
    worker = subprocess.Popen(
        [sys.executable, "-m", "proscribe", "worker", "--source", redis_url, "--db", db,
         "--jurisdiction", "CN", "--batch", "500"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PROSCRIBE_REFRESH_SECONDS": "86400"},
    )  # fmt: skip
    reader = sa.create_engine(db)
    count = sa.select(sa.func.count()).select_from(stream_verdicts)
    deadline = time.monotonic() + 900
    while True:
        with reader.connect() as conn:
            if conn.execute(count).scalar_one() >= len(rows):
                break
        assert worker.poll() is None, worker.communicate()[1]
        assert time.monotonic() < deadline, "the worker did not finish in 15 minutes"
        time.sleep(0.5)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=60) == 0
    with reader.connect() as conn:
        rows_out = conn.execute(sa.select(stream_verdicts.c.listing_id, stream_verdicts.c.record))
        return {r.listing_id: json.loads(r.record) for r in rows_out}


def test_every_path_gives_the_same_verdicts(redis_url: str, tmp_path: Path) -> None:
    require_spark()
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(generate(ROWS, seed=41))
    catalogue = tmp_path / "catalogue.parquet"
    pq.write_table(pa.Table.from_pylist(rows), catalogue)
    common = ("--as-of", AS_OF, "--jurisdiction", "CN")

    library = _library(rows)
    assert len(library) == ROWS and sum(v["decision"] == "block" for v in library.values()) > 1000
    scan = _run("scan", str(catalogue), *common, "--out", str(tmp_path / "scan.parquet"))
    assert scan.returncode == 1, scan.stderr
    spark = _run("spark-scan", str(catalogue), str(tmp_path / "spark"), *common,
                 "--master", "local[2]")  # fmt: skip
    assert spark.returncode == 1, spark.stderr
    paths = {
        "scan": _file(tmp_path / "scan.parquet"),
        "service": _service(rows, tmp_path),
        "spark": _file(tmp_path / "spark"),
    }
    expected = {k: _normal(v) for k, v in library.items()}
    for name, found in paths.items():
        assert found.keys() == library.keys(), name
        assert [k for k in library if _normal(found[k]) != expected[k]][:5] == [], name
    worker = _worker(rows, redis_url, tmp_path)
    assert worker.keys() == library.keys()
    assert [k for k in library if _normal(worker[k]) != expected[k]][:5] == [], "worker"


def _normal(record: dict[str, Any]) -> dict[str, Any]:
    """One shape for JSON and Parquet records: Parquet keeps maps as (key, value) pairs and
    writes an absent optional field (a finding's ``tricks``, ``weight``; the record's
    ``evidence_omitted``, present only when evidence was capped) as null."""
    out = dict(record)
    for key in ("scores", "probabilities"):
        out[key] = dict(record[key])
    omitted = out.pop("evidence_omitted", None)
    if omitted:
        out["evidence_omitted"] = dict(omitted)
    for key in ("evidence", "evasion", "adjustments"):
        out[key] = [{k: v for k, v in item.items() if v is not None} for item in record[key]]
    return out
