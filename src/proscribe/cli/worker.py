"""``proscribe worker --source redis://…``: decide and enforce listing events as they arrive."""

from __future__ import annotations

import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Annotated

import orjson
import typer

from proscribe.cli.common import DEFAULT_PACK, open_db, parse_jurisdiction, stderr, stdout
from proscribe.deploy import Decider, deployment_for
from proscribe.deploy.resolve import default_ref
from proscribe.store import DEFAULT_URL
from proscribe.stream.worker import StreamConfig, Worker, WorkerStats

#: Seconds between progress lines on stderr.
PROGRESS_SECONDS = 10.0


def worker(
    source: Annotated[str, typer.Option(help="Redis URL, e.g. redis://127.0.0.1:6379/0.")],
    db: Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")] = DEFAULT_URL,
    stream: Annotated[str, typer.Option(help="The stream of listing events.")] = "listings",
    group: Annotated[str, typer.Option(help="Consumer group: workers of one group share.")] = (
        "proscribe"
    ),
    consumer: Annotated[
        str | None, typer.Option(help="This worker's name in the group (default host-pid).")
    ] = None,
    pack: Annotated[
        str | None,
        typer.Option(help="Pack id or the live pack's folder (default: the one pack live)."),
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Country code for events that name none.")
    ] = None,
    batch: Annotated[int, typer.Option(min=1, help="Events per read and transaction.")] = 100,
    claim_idle_ms: Annotated[
        int, typer.Option(min=1, help="Take over another worker's events pending this long.")
    ] = 60_000,
    max_deliveries: Annotated[
        int, typer.Option(min=1, help="Dead-letter an event delivered more times than this.")
    ] = 5,
) -> None:
    """Consume listing events: decide, record, enforce, acknowledge (at least once; replays
    change nothing). Unreadable events go to STREAM:dead with the reason. SIGTERM finishes the
    batch in hand and stops."""
    import redis

    engine = open_db(db)
    defaults = StreamConfig()
    config = StreamConfig(
        stream=stream,
        group=group,
        consumer=consumer or defaults.consumer,
        batch=batch,
        claim_idle_ms=claim_idle_ms,
        max_deliveries=max_deliveries,
        jurisdiction=parse_jurisdiction(jurisdiction),
    )
    with tempfile.TemporaryDirectory(prefix="proscribe-revisions-") as restored:
        ref = default_ref(engine, pack, DEFAULT_PACK)
        decider = Decider(deployment_for(engine, ref, Path(restored)))
        runner = Worker(redis.Redis.from_url(source), engine, decider, config)

        def stop(signum: int, frame: FrameType | None) -> None:
            runner.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        stderr.print(
            f"worker {config.consumer} of group {group} on {source} stream {stream}: "
            + "; ".join(decider.deployment.describe()),
            markup=False,
        )
        stats = runner.run(until=_progress())
    stdout.out(orjson.dumps({"consumer": config.consumer, **stats.__dict__}).decode())


def _progress() -> Callable[[WorkerStats], bool]:
    last = time.monotonic()

    def show(stats: WorkerStats) -> bool:
        nonlocal last
        if time.monotonic() - last >= PROGRESS_SECONDS:
            last = time.monotonic()
            stderr.print(
                f"decided {stats.decided:,}, dead-lettered {stats.dead:,}, "
                f"claimed {stats.claimed:,}",
                markup=False,
            )
        return False

    return show
