"""Decide a stream of catalogue rows on all cores, in input order, in bounded memory."""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from proscribe.catalogue import Rejected, Row
from proscribe.decide import Engine
from proscribe.policy import load_pack
from proscribe.scan.summary import Summary
from proscribe.types import Listing

#: Characters of a description kept for the report's examples.
EXAMPLE_TEXT = 400


@dataclass(frozen=True, slots=True)
class ScanOptions:
    pack: Path
    as_of: dt.date
    jurisdiction: str | None = None
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    chunk_size: int = 1000


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    """The columns of a verdict the store indexes, beside the full record."""

    listing_id: str
    seller_id: str | None
    category: str | None
    decision: str
    classes: str
    score: float
    record: bytes


@dataclass(slots=True)
class ChunkResult:
    lines: list[bytes]
    stored: list[StoredVerdict]
    summary: Summary


@dataclass(slots=True)
class ScanResult:
    summary: Summary
    pack_id: str = ""
    revision: str = ""
    digest: str = ""


_ENGINE: Engine | None = None
_OPTIONS: ScanOptions | None = None


def _init_worker(options: ScanOptions) -> None:
    global _ENGINE, _OPTIONS
    _ENGINE = Engine(load_pack(options.pack))
    _OPTIONS = options


def decide_chunk(listings: list[Listing]) -> ChunkResult:
    """Decide one chunk with this process's engine (see :func:`_init_worker`)."""
    assert _ENGINE is not None and _OPTIONS is not None
    result = ChunkResult([], [], Summary())
    for listing in listings:
        verdict = _ENGINE.decide(listing, as_of=_OPTIONS.as_of, jurisdiction=_OPTIONS.jurisdiction)
        record = verdict.to_record()
        line = orjson.dumps(record)
        result.lines.append(line + b"\n")
        result.stored.append(StoredVerdict(listing.id, listing.seller_id, listing.category,
                                           verdict.decision, ",".join(verdict.classes),
                                           verdict.score, line))
        result.summary.add(record, _shown(listing))
    return result


def _shown(listing: Listing) -> dict[str, object]:
    return {"id": listing.id, "title": listing.title,
            "description": (listing.description or "")[:EXAMPLE_TEXT] or None,
            "category": listing.category, "seller_id": listing.seller_id}


def scan_rows(rows: Iterable[Row], options: ScanOptions, consume: Callable[[ChunkResult], None],
              reject: Callable[[Rejected], None]) -> ScanResult:
    """Decide every listing of ``rows``; pass results in input order to ``consume``."""
    pack = load_pack(options.pack)
    summary = Summary()

    def counted(result: ChunkResult) -> None:
        summary.merge(result.summary)
        consume(result)

    def rejected(row: Rejected) -> None:
        summary.rejected += 1
        summary.rejects.append(row) if len(summary.rejects) < 1000 else None
        reject(row)

    chunks = _chunks(rows, options.chunk_size, rejected)
    if options.workers <= 1:
        _init_worker(options)
        for chunk in chunks:
            counted(decide_chunk(chunk))
    else:
        _parallel(chunks, options, counted)
    return ScanResult(summary, pack.id, pack.revision, pack.digest)


def _parallel(chunks: Iterator[list[Listing]], options: ScanOptions,
              consume: Callable[[ChunkResult], None]) -> None:
    window: deque[Future[ChunkResult]] = deque()
    limit = options.workers * 2
    with ProcessPoolExecutor(options.workers, initializer=_init_worker,
                             initargs=(options,)) as pool:
        for chunk in chunks:
            window.append(pool.submit(decide_chunk, chunk))
            if len(window) >= limit:
                consume(window.popleft().result())
        while window:
            consume(window.popleft().result())


def _chunks(rows: Iterable[Row], size: int,
            reject: Callable[[Rejected], None]) -> Iterator[list[Listing]]:
    chunk: list[Listing] = []
    for row in rows:
        if isinstance(row, Rejected):
            reject(row)
            continue
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
