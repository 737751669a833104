"""Latency and throughput of ``POST /v1/listings/check`` on 127.0.0.1, beside the engine.

    .venv/bin/python bench/serve.py [--requests 3000] [--seconds 30] [--workers 1]

Starts ``proscribe serve`` on a throw-away SQLite database and a free loopback port, then
drives it with its own load client (asyncio, one keep-alive HTTP/1.1 connection per client,
pre-encoded requests, so that the client takes little of the machine's two cores), bounded in
requests and in seconds, at concurrency 1, 16 and 64. Each concurrency runs twice: with
keep-alive clients, and with clients that open a connection per request (``Connection: close``,
as a platform's many short-lived callers do). Listings come from the project's generator.
Prints requests/s and p50 / p99 latency, and the in-process ``Engine.decide`` figures for
the same listings.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from proscribe import Engine, Listing, load_pack
from proscribe.enforce.keys import create_key
from proscribe.store import engine_for, upgrade
from proscribe.synth.catalogue import generate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.integration.test_api import start

CLOSE = b"\r\nConnection: close\r\n\r\n"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _client(
    host: str,
    port: int,
    requests: list[bytes],
    take: Callable[[], int | None],
    latencies: list[float],
    deadline: float,
    keep_alive: bool = True,
) -> int:
    """One client sending pre-encoded requests, on one keep-alive HTTP/1.1 connection or on a
    new connection per request (its time counted in the latency); returns errors."""
    reader, writer = await asyncio.open_connection(host, port) if keep_alive else (None, None)
    errors = 0
    while time.perf_counter() < deadline and (n := take()) is not None:
        started = time.perf_counter()
        if not keep_alive:
            reader, writer = await asyncio.open_connection(host, port)
        assert reader is not None and writer is not None
        request = requests[n % len(requests)]
        writer.write(request if keep_alive else request.replace(b"\r\n\r\n", CLOSE, 1))
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(
            next(
                line.split(b":")[1]
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
        )
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - started)
        errors += not head.startswith(b"HTTP/1.1 200")
        if not keep_alive:
            writer.close()
            await writer.wait_closed()
    if keep_alive and writer is not None:
        writer.close()
    return errors


def load(
    url: str,
    key: str,
    bodies: list[dict[str, object]],
    clients: int,
    total: int,
    seconds: float,
    keep_alive: bool = True,
) -> tuple[float, list[float], int]:
    host, port = url.removeprefix("http://").split(":")
    requests = [
        (
            f"POST /v1/listings/check HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}"
            f"\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body
        for body in (orjson.dumps(b) for b in bodies)
    ]
    numbers = iter(range(total))
    latencies: list[float] = []

    async def run() -> int:
        deadline = time.perf_counter() + seconds
        tasks = [
            _client(
                host,
                int(port),
                requests,
                lambda: next(numbers, None),
                latencies,
                deadline,
                keep_alive,
            )
            for _ in range(clients)
        ]
        return sum(await asyncio.gather(*tasks))

    began = time.perf_counter()
    errors = asyncio.run(run())
    return len(latencies) / (time.perf_counter() - began), latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args()
    rows = list(generate(2000, seed=3))
    bodies = [{**r, "as_of": "2021-10-20", "jurisdiction": "CN"} for r in rows]
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    timings = []
    for r in rows:
        started = time.perf_counter()
        engine.decide(
            Listing(r["id"], r["title"], r["description"], r["category"]),
            as_of=dt.date(2021, 10, 20),
            jurisdiction="CN",
        )
        timings.append(time.perf_counter() - started)
    p50, p99 = statistics.median(timings) * 1e3, percentile(timings, 0.99) * 1e3
    print(
        f"Engine.decide in-process: {len(rows) / sum(timings):,.0f} listings/s, "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"
    )
    db = f"sqlite:///{tempfile.mkdtemp()}/serve.db"
    upgrade(engine_for(db))
    key = create_key(engine_for(db), name="bench", role="integrator")
    unlimited = {"PROSCRIBE_RATE_PER_KEY": "1000000", "PROSCRIBE_BURST_PER_KEY": "1000000"}
    process, url = start(db, unlimited, args.workers)
    try:
        load(url, key, bodies, 4, 400, 10)  # warm-up
        print(f"server: {args.workers} uvicorn worker(s) on 127.0.0.1")
        for clients, keep in ((c, k) for c in (1, 16, 64) for k in (True, False)):
            rate, latencies, errors = load(
                url, key, bodies, clients, args.requests, args.seconds, keep
            )
            how = "keep-alive" if keep else "connection per request"
            print(
                f"POST /v1/listings/check, {clients:>2} clients, {how:>22}: {rate:7,.0f} req/s, "
                f"p50 {statistics.median(latencies) * 1e3:6.1f} ms, "
                f"p99 {percentile(latencies, 0.99) * 1e3:6.1f} ms "
                f"({len(latencies):,} requests, {errors} errors)"
            )
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
