"""``proscribe scan CATALOGUE``: an explained verdict for every listing of a catalogue."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import orjson
import sqlalchemy as sa
import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

import proscribe
from proscribe.catalogue import Catalogue, Rejected, VerdictWriter, output_format
from proscribe.cli.common import (
    DEFAULT_PACK,
    as_of_said,
    open_db,
    parse_jurisdiction,
    said,
    stderr,
    stdout,
)
from proscribe.cli.intake import check_not_all_rejected, print_notices
from proscribe.detect.relisted import RelistIndex
from proscribe.policy import PolicyPack, load_pack
from proscribe.report.console import print_summary
from proscribe.scan import ChunkResult, ScanOptions, ScanResult, StoredVerdict, scan_rows
from proscribe.store import ScanStore

SHOWN_REJECTS = 20


def scan(
    catalogue: Annotated[
        Path, typer.Argument(help="CSV, JSON Lines or Parquet; needs id and title.")
    ],
    pack: Annotated[str, typer.Option(help="Bundled pack id or pack folder.")] = DEFAULT_PACK,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD (default today).")
    ] = None,
    jurisdiction: Annotated[
        str | None,
        typer.Option(help="Country code for every listing (default: each listing's country)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Write verdicts to FILE.jsonl or FILE.parquet.")
    ] = None,
    report: Annotated[Path | None, typer.Option(help="Write an HTML report to FILE.html.")] = None,
    db: Annotated[
        str | None,
        typer.Option(
            help="Record the scan and its verdicts in this database URL.", envvar="PROSCRIBE_DB"
        ),
    ] = None,
    rejects: Annotated[
        Path | None, typer.Option(help="Write rejected rows to FILE.jsonl (default: beside --out).")
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes deciding listings (default: all cores).")
    ] = os.cpu_count() or 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Scan a catalogue; exit 1 when anything is blocked, 2 when every row was rejected."""
    policy = load_pack(pack)  # once here; each worker process loads it from its path
    date, date_from = as_of_said(as_of)
    database = open_db(db) if db is not None else None  # opened and migrated once
    options = ScanOptions(
        policy.path,
        date,
        parse_jurisdiction(jurisdiction),
        workers,
        store=db is not None,
        relist=_relist(database, policy),
    )
    source = Catalogue(catalogue)
    if out is not None:
        output_format(out)
    rejects = rejects or (out.with_name(out.stem + ".rejects.jsonl") if out else None)
    started = dt.datetime.now(dt.UTC)
    with ExitStack() as stack:
        result = _run(source, policy, options, stack, out, rejects, database, started)
    record = _summary_record(result, source) | {
        "as_of": options.as_of.isoformat(),
        "as_of_source": date_from,
        "jurisdiction": options.jurisdiction,
    }
    if as_json:
        stdout.out(orjson.dumps(record).decode())
    else:
        stdout.print(
            f"under {policy.id} {policy.revision} {said(options.as_of, date_from)} in "
            f"{options.jurisdiction or 'each listing’s own country (--jurisdiction not given)'}",
            markup=False,
        )
        print_summary(stdout, result.summary, policy.class_ids)
    print_notices(source)
    check_not_all_rejected(catalogue, result.summary.scanned, result.summary.rejected)
    if report is not None:
        _report(report, result, options, catalogue)
    raise typer.Exit(1 if result.summary.prohibited else 0)


def _summary_record(result: ScanResult, source: Catalogue) -> dict[str, object]:
    s = result.summary
    return {
        "scanned": s.scanned,
        "rejected": s.rejected,
        "cleaned": len(source.notices),
        "decisions": {d: s.decisions[d] for d in ("block", "review", "allow")},
        "pack": result.pack.id,
        "revision": result.pack.revision,
    }


def _relist(database: sa.Engine | None, policy: PolicyPack) -> RelistIndex | None:
    """Removed listings kept in the store, so that copies of them are seen as relisted."""
    if database is None:
        return None
    from proscribe.enforce.fingerprints import relist_index

    return relist_index(database, policy.id)


def _run(
    source: Catalogue,
    policy: PolicyPack,
    options: ScanOptions,
    stack: ExitStack,
    out: Path | None,
    rejects_path: Path | None,
    database: sa.Engine | None,
    started: dt.datetime,
) -> ScanResult:
    writer = stack.enter_context(VerdictWriter(out)) if out else None
    rejects = stack.enter_context(rejects_path.open("wb")) if rejects_path else None
    store, scan_id = _store(database, source, policy, options, started)
    progress = stack.enter_context(progress_bar())
    task = progress.add_task("scanning", total=source.size)
    shown = 0

    def consume(chunk: ChunkResult) -> None:
        if writer is not None:
            writer.write(chunk.lines)
        if store is not None:
            store.add_verdicts(scan_id, [_stored(v) for v in chunk.stored])
        progress.update(task, completed=source.done)

    def reject(row: Rejected) -> None:
        nonlocal shown
        if rejects is not None:
            rejects.write(orjson.dumps(row.to_record()) + b"\n")
        if shown < SHOWN_REJECTS or rejects is None:
            stderr.print(
                f"{source.path}: row {row.row}{f' (id {row.id})' if row.id else ''}: "
                f"{row.code} {row.message}\n    hint: {row.hint}",
                markup=False,
            )
            shown += 1

    result = scan_rows(source, options, consume, reject, policy)
    progress.update(task, completed=source.size)
    if result.summary.rejected > shown and rejects_path:
        stderr.print(
            f"… {result.summary.rejected - shown} more rejected rows in {rejects_path}",
            markup=False,
        )
    if store is not None:
        s = result.summary
        store.finish_scan(
            scan_id,
            finished_at=dt.datetime.now(dt.UTC),
            scanned=s.scanned,
            rejected=s.rejected,
            blocked=s.decisions["block"],
            reviewed=s.decisions["review"],
        )
        where = database.url.render_as_string(hide_password=True) if database else ""
        stderr.print(f"recorded as scan {scan_id} in {where}", markup=False)
    return result


def _store(
    database: sa.Engine | None,
    source: Catalogue,
    pack: PolicyPack,
    options: ScanOptions,
    started: dt.datetime,
) -> tuple[ScanStore | None, int]:
    if database is None:
        return None, 0
    store = ScanStore(database)
    scan_id = store.begin_scan(
        started_at=started,
        catalogue=str(source.path),
        pack_id=pack.id,
        revision=pack.revision,
        pack_digest=pack.digest,
        as_of=options.as_of,
        jurisdiction=options.jurisdiction,
    )
    return store, scan_id


def _stored(v: StoredVerdict) -> dict[str, object]:
    return {
        "listing_id": v.listing_id,
        "seller_id": v.seller_id,
        "category": v.category,
        "decision": v.decision,
        "classes": v.classes,
        "score": v.score,
        "record": v.record.decode(),
    }


def progress_bar() -> Progress:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    )


def _report(path: Path, result: ScanResult, options: ScanOptions, catalogue: Path) -> None:
    from proscribe.report.html import write_report

    meta = {
        "pack": result.pack.id,
        "revision": result.pack.revision,
        "as_of": options.as_of,
        "jurisdiction": options.jurisdiction,
        "catalogue": str(catalogue),
        "version": proscribe.__version__,
    }
    write_report(path, result.summary, meta)
    stdout.print(f"HTML report: {path.resolve()}", markup=False)
