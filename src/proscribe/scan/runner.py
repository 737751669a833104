"""Decide a stream of catalogue rows on all cores, in input order, in bounded memory."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from proscribe.catalogue import Catalogue, Rejected, Row, from_json_line
from proscribe.deploy.decider import Decider
from proscribe.deploy.deployment import Deployment
from proscribe.deploy.scope import Scope
from proscribe.deploy.shadow import shadow_rows
from proscribe.detect.relisted import RelistIndex
from proscribe.iterate import batched, ordered_map
from proscribe.policy import PolicyPack, load_pack
from proscribe.scan.summary import Summary
from proscribe.types import Listing

#: Rejected rows kept in the summary for the report (all are counted and reported).
KEPT_REJECTS = 1000


@dataclass(frozen=True, slots=True)
class ScanOptions:
    pack: Path
    as_of: dt.date
    jurisdiction: str | None = None
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    chunk_size: int = 1000
    store: bool = False  # also return the columns the store indexes
    keep_text: bool = False  # also return the text of flagged listings (for the ledger)
    relist: RelistIndex | None = None  # removed listings (from the store): copies are relisted
    staged: Path | None = None  # a staged revision, deciding within ``scope``
    scope: Scope | None = None
    shadow: Path | None = None  # a shadow revision: decided too, returned as ``shadow`` rows
    source: str = "scan"  # who decides, for the shadow rows


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
    rejected: list[Rejected]
    summary: Summary
    texts: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)
    shadow: list[dict[str, object]] = field(default_factory=list)


#: What a worker receives: parsed listings, or raw JSON lines with their row numbers.
Item = Listing | tuple[int, bytes]


@dataclass(slots=True)
class ScanResult:
    summary: Summary
    pack: PolicyPack


_DECIDER: Decider | None = None
_OPTIONS: ScanOptions | None = None


def deployment_options(deployment: Deployment) -> dict[str, Any]:
    """The :class:`ScanOptions` fields that make workers decide under ``deployment``."""
    return {
        "staged": deployment.staged.path if deployment.staged else None,
        "scope": deployment.scope,
        "shadow": deployment.shadow.path if deployment.shadow else None,
    }


def _init_worker(options: ScanOptions, pack: PolicyPack | None = None) -> None:
    """Build this process's engines once: from ``pack`` in-process, from paths in a worker."""
    global _DECIDER, _OPTIONS
    deployment = Deployment(
        pack if pack is not None else load_pack(options.pack),
        load_pack(options.staged) if options.staged else None,
        options.scope,
        load_pack(options.shadow) if options.shadow else None,
    )
    _DECIDER = Decider(deployment, relist=options.relist)
    _OPTIONS = options


def decide_chunk(items: list[Item]) -> ChunkResult:
    """Decide one chunk with this process's engines (see :func:`_init_worker`)."""
    assert _DECIDER is not None and _OPTIONS is not None
    result = ChunkResult([], [], [], Summary())
    listings: list[Listing] = []
    for item in items:
        listing = item if isinstance(item, Listing) else from_json_line(item[1], item[0])
        if isinstance(listing, Rejected):
            result.rejected.append(listing)
        else:
            listings.append(listing)
    verdicts, pairs = _DECIDER.decide_batch(
        listings, as_of=_OPTIONS.as_of, jurisdiction=_OPTIONS.jurisdiction
    )
    result.shadow = shadow_rows(pairs, _OPTIONS.source)
    for listing, verdict in zip(listings, verdicts, strict=True):
        record = verdict.to_record()
        line = orjson.dumps(record)
        result.lines.append(line + b"\n")
        if _OPTIONS.store:
            result.stored.append(
                StoredVerdict(
                    listing.id,
                    listing.seller_id,
                    listing.category,
                    verdict.decision,
                    ",".join(verdict.classes),
                    verdict.score,
                    line,
                )
            )
        result.summary.add(record, listing)
        if _OPTIONS.keep_text and verdict.decision != "allow":
            result.texts[listing.id] = (listing.title, listing.description, listing.category)
    return result


def scan_rows(
    rows: Iterable[Row] | Catalogue,
    options: ScanOptions,
    consume: Callable[[ChunkResult], None],
    reject: Callable[[Rejected], None],
    pack: PolicyPack,
) -> ScanResult:
    """Decide every listing of ``rows`` under ``pack`` (loaded from ``options.pack`` by the
    caller; workers load it from that path); pass results in input order to ``consume``.

    Rejected rows go to ``reject`` (and are counted); none is dropped silently.
    """
    summary = Summary()

    def counted(result: ChunkResult) -> None:
        for row in result.rejected:
            rejected(row)
        summary.merge(result.summary)
        consume(result)

    def rejected(row: Rejected) -> None:
        summary.rejected += 1
        if len(summary.rejects) < KEPT_REJECTS:
            summary.rejects.append(row)
        reject(row)

    source = rows if isinstance(rows, Catalogue) else None
    items = source.raw_lines() if source is not None and source.format == "jsonl" else rows
    chunks = _chunks(items, options.chunk_size, rejected, source)
    if options.workers <= 1:
        _init_worker(options, pack)
        for chunk in chunks:
            counted(decide_chunk(chunk))
    else:
        _parallel(chunks, options, counted)
    return ScanResult(summary, pack)


def _parallel(
    chunks: Iterator[list[Item]], options: ScanOptions, consume: Callable[[ChunkResult], None]
) -> None:
    with ProcessPoolExecutor(
        options.workers, initializer=_init_worker, initargs=(options,)
    ) as pool:
        for result in ordered_map(pool, decide_chunk, chunks, options.workers * 2):
            consume(result)


def _chunks(
    rows: Iterable[Row | tuple[int, bytes]],
    size: int,
    reject: Callable[[Rejected], None],
    source: Catalogue | None,
) -> Iterator[list[Item]]:
    return batched(_accepted(rows, reject, source), size)


def _accepted(
    rows: Iterable[Row | tuple[int, bytes]],
    reject: Callable[[Rejected], None],
    source: Catalogue | None,
) -> Iterator[Item]:
    """Rows to decide; rejected ones (and raw JSON rows whose id came before) to ``reject``."""
    for row in rows:
        if isinstance(row, Rejected):
            reject(row)
        elif isinstance(row, tuple) and source is not None and (dup := source.screen(row)):
            reject(dup)
        else:
            yield row
