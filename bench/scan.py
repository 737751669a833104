"""Scan throughput and memory: ``proscribe scan`` end to end vs the obvious alternative.

    .venv/bin/python bench/scan.py [--rows 1000000] [--naive-rows 20000] [--workers N]

Generates a project-written catalogue (``proscribe.synth``) of realistic, mixed English
and Chinese listings, then measures, in one run:

* ``proscribe scan`` end to end (read, normalise, match, decide, write verdicts), all cores;
* ``Engine.decide_batch`` in-process on one core;
* the naive scanner: one Python ``re`` alternation of the pack's words and patterns, after
  NFKC and case folding, on one core. It is slow, so it runs on the first ``--naive-rows``
  rows and its rate is reported per listing;
* peak memory of the scan at a quarter of the rows and at all of them (flat = streaming);
* on real rows (the first ``--real-rows`` of ``../shared/data/dev/ALL.jsonl`` when present,
  generated rows otherwise), the script a platform engineer writes in an afternoon — NFKC +
  casefold + one ``re`` alternation of the pack's plain words, one process, JSON Lines in and
  out — against ``proscribe scan --workers 1``, ``scan`` on all cores and ``decide_batch``, each
  best of ``--repeat``, with the ratios. ``--real-only`` runs this part alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import orjson

from proscribe import Engine, Listing, load_pack
from proscribe.detect.relisted import RelistIndex, Removed, signature
from proscribe.synth.catalogue import write

OUT = Path(__file__).resolve().parent / "out"
DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev" / "ALL.jsonl"
KEPT = ("id", "title", "description", "category", "price", "currency", "seller_id")
AS_OF = dt.date(2021, 10, 20)


def catalogue(rows: int) -> Path:
    path = OUT / f"catalogue-{rows}.jsonl"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        started = time.perf_counter()
        write(path, rows, seed=7)
        print(f"generated {rows:,} listings in {time.perf_counter() - started:.1f} s → {path}")
    return path


def run_scan(path: Path, out: Path, workers: int = os.cpu_count() or 1) -> tuple[float, float]:
    """Run a real ``proscribe scan`` of ``path`` into ``out``.

    Returns its wall-clock seconds and the peak RSS (MiB) of its largest process, read from
    this one child's resource usage (``wait4``), so earlier children do not count.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "proscribe", "scan", str(path), "--as-of", str(AS_OF),
         "--jurisdiction", "CN", "--workers", str(workers), "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(errors.decode())
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def scan_end_to_end(path: Path, rows: int, workers: int) -> tuple[float, float]:
    """Rows per second and peak RSS (MiB) of the largest process of a real ``proscribe scan``."""
    seconds, peak = run_scan(path, OUT / "verdicts.jsonl", workers)
    return rows / seconds, peak


def listings(path: Path, count: int) -> list[Listing]:
    with path.open("rb") as handle:
        return [
            Listing(r["id"], r["title"], r.get("description"), r.get("category"))
            for r in map(orjson.loads, islice(handle, count))
        ]


def decide_batch_rate(path: Path, count: int) -> float:
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    batch = listings(path, count)
    started = time.perf_counter()
    engine.decide_batch(batch, as_of=AS_OF, jurisdiction="CN")
    return count / (time.perf_counter() - started)


def relist_rate(path: Path, seen: int, count: int) -> tuple[float, int]:
    """``decide_batch`` once the blocked listings among the first ``seen`` have been removed.

    Every listing is then also matched against them (MinHash + LSH). Returns listings/s on
    the ``count`` listings after those, and how many removed listings there are.
    """
    plain = Engine(load_pack("cn-crypto-mining-2021"))
    first = listings(path, seen)
    index = RelistIndex()
    for listing, verdict in zip(first, plain.decide_batch(first, as_of=AS_OF), strict=True):
        if verdict.decision == "block":
            found = Removed(listing.id, None, verdict.classes, "2021-10-16")
            index.add(found, signature(listing.title, listing.description))
    engine = Engine(plain.pack, relist=index)
    batch = listings(path, seen + count)[seen:]
    started = time.perf_counter()
    engine.decide_batch(batch, as_of=AS_OF, jurisdiction="CN")
    return count / (time.perf_counter() - started), len(index)


def naive_rate(path: Path, count: int) -> tuple[float, int]:
    """One ``re`` alternation of every word and pattern of the pack, after NFKC + casefold."""
    pack = load_pack("cn-crypto-mining-2021")
    words = [w for c in pack.classes for s in c.signals for ws in s.words.values() for w in ws]
    patterns = [p for c in pack.classes for s in c.signals for p in s.patterns]
    alternation = re.compile("|".join([re.escape(w.casefold()) for w in words] + patterns))
    batch = listings(path, count)
    started = time.perf_counter()
    hits = 0
    for item in batch:
        text = unicodedata.normalize("NFKC", f"{item.title} {item.description or ''}").casefold()
        hits += alternation.search(text) is not None
    return count / (time.perf_counter() - started), len(words) + len(patterns)


def real_rows(count: int, folder: Path) -> tuple[Path, int, str]:
    """The first ``count`` DEV rows as a catalogue (listing fields only, in a temporary folder,
    never in the repository), or generated rows where DEV data is absent."""
    if not DEV.is_file():
        path = catalogue(count)
        return path, count, f"generated rows ({DEV} absent)"
    path = folder / "real.jsonl"
    with DEV.open("rb") as source, path.open("wb") as out:
        rows = 0
        for line in islice(source, count):
            row = orjson.loads(line)
            out.write(orjson.dumps({k: row[k] for k in KEPT if row.get(k) is not None}) + b"\n")
            rows += 1
    return path, rows, f"real rows of {DEV}"


def naive_script(path: Path, out: Path) -> float:
    """The afternoon script, end to end: JSON Lines in, NFKC + casefold, one ``re``
    alternation of the pack's plain words, JSON Lines out. Returns its seconds."""
    started = time.perf_counter()
    pack = load_pack("cn-crypto-mining-2021")
    words = {w for c in pack.classes for s in c.signals for ws in s.words.values() for w in ws}
    plain = sorted((unicodedata.normalize("NFKC", w).casefold() for w in words), key=len)
    alternation = re.compile("|".join(re.escape(w) for w in reversed(plain)))
    with path.open("rb") as source, out.open("wb") as sink:
        for line in source:
            row = orjson.loads(line)
            text = f"{row.get('title') or ''} {row.get('description') or ''}"
            found = alternation.search(unicodedata.normalize("NFKC", text).casefold())
            record = {"id": row["id"], "flagged": found is not None}
            sink.write(orjson.dumps(record | {"match": found.group(0)} if found else record))
            sink.write(b"\n")
    return time.perf_counter() - started


def best(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeat))


def compare_on_real_rows(count: int, workers: int, repeat: int) -> None:
    """The issue's table: the naive script against scan (1 and all cores) and decide_batch."""
    with tempfile.TemporaryDirectory() as folder:
        path, rows, what = real_rows(count, Path(folder))
        out = Path(folder) / "out.jsonl"
        print(f"\n{rows:,} {what}; best of {repeat} runs each")
        naive = rows / best(repeat, lambda: naive_script(path, out))
        one = rows / best(repeat, lambda: run_scan(path, out, 1)[0])
        every = rows / best(repeat, lambda: run_scan(path, out, workers)[0])
        batch = max(decide_batch_rate(path, rows) for _ in range(repeat))
    print(f"naive script (NFKC + casefold + re of plain words), 1 process : {naive:9,.0f}/s")
    print(f"proscribe scan --workers 1, end to end : {one:9,.0f}/s = {one / naive:.2f}x naive")
    print(
        f"proscribe scan --workers {workers}, end to end : {every:9,.0f}/s = {every / naive:.2f}x"
    )
    print(f"Engine.decide_batch, 1 core            : {batch:9,.0f}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--naive-rows", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--real-rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--real-only", action="store_true")
    args = parser.parse_args()
    if args.real_only:
        compare_on_real_rows(args.real_rows, args.workers, args.repeat)
        return
    big = catalogue(args.rows)
    small = catalogue(args.rows // 4)
    print(f"machine: {os.cpu_count()} cores; scan uses {args.workers} workers\n")
    # The real scans first: a child's peak RSS counts the pages it shares with this process
    # between fork and exec, so measure before this process holds the in-process samples.
    rate_small, peak_small = scan_end_to_end(small, args.rows // 4, args.workers)
    rate_big, peak_big = scan_end_to_end(big, args.rows, args.workers)
    naive, expressions = naive_rate(big, args.naive_rows)
    print(
        f"naive re alternation ({expressions} expressions), 1 core : {naive:12,.0f} listings/s"
        f"  (on {args.naive_rows:,} listings)"
    )
    batch = decide_batch_rate(big, min(args.rows, 100_000))
    print(f"Engine.decide_batch, 1 core                     : {batch:12,.0f} listings/s")
    relist, removed = relist_rate(big, min(args.rows // 2, 200_000), 20_000)
    print(f"  … and matched against {removed:>7,} removed listings : {relist:12,.0f} listings/s")
    print(
        f"proscribe scan end to end, {args.rows // 4:>9,} listings : {rate_small:12,.0f} "
        f"listings/s, peak RSS {peak_small:,.0f} MiB"
    )
    print(
        f"proscribe scan end to end, {args.rows:>9,} listings : {rate_big:12,.0f} "
        f"listings/s, peak RSS {peak_big:,.0f} MiB"
    )
    print(
        f"\nend-to-end scan vs naive scanner: {rate_big / naive:,.1f}x; peak memory at 4x the "
        f"rows: {peak_big / peak_small:.2f}x"
    )
    compare_on_real_rows(args.real_rows, args.workers, args.repeat)


if __name__ == "__main__":
    main()
