"""``proscribe enforce`` and ``proscribe reinstate``: verdicts become actions in the ledger."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
import typer
from rich.table import Table

from proscribe.catalogue import Catalogue, Rejected
from proscribe.catalogue.rows import Ids
from proscribe.catalogue.verdicts import read_verdicts
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
from proscribe.cli.scan import progress_bar
from proscribe.deploy import deployment_for
from proscribe.deploy.resolve import default_ref, pack_in_store
from proscribe.deploy.shadow import record_shadow
from proscribe.detect.relisted import RelistIndex
from proscribe.enforce import Changes, EnforceSummary, Ledger, reinstate
from proscribe.enforce.fingerprints import relist_index
from proscribe.errors import Diagnostic, UsageError
from proscribe.iterate import batched
from proscribe.policy import PolicyPack
from proscribe.scan import ChunkResult, ScanOptions, scan_rows
from proscribe.scan.runner import deployment_options
from proscribe.store import DEFAULT_URL
from proscribe.types import Listing

SHOWN = 40
_ALLOWED = b'"decision":"allow"'
DbOption = Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")]
PACK_HELP = (
    "Pack id (its live revision in the store, or bundled) or folder; default: the one pack "
    f"live in the store, or {DEFAULT_PACK} in an empty store."
)


def enforce(
    catalogue: Annotated[
        Path | None, typer.Argument(help="Catalogue to decide and enforce.")
    ] = None,
    verdicts: Annotated[
        Path | None, typer.Option(help="Enforce the verdicts of an earlier scan instead.")
    ] = None,
    pack: Annotated[str | None, typer.Option(help=PACK_HELP)] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Enforce as of YYYY-MM-DD (default: today).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Country code for every listing.")
    ] = None,
    db: DbOption = DEFAULT_URL,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would happen; write nothing.")
    ] = False,
    actor: Annotated[str, typer.Option(help="Who runs this, for the audit log.")] = "proscribe",
    workers: Annotated[
        int, typer.Option(min=1, help="Processes deciding listings.")
    ] = os.cpu_count() or 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Remove prohibited listings, strike and penalise their sellers; idempotent.

    Exits 1 when the input holds blocked listings (as `scan` does), 0 when it holds none.
    """
    if (catalogue is None) == (verdicts is None):
        raise UsageError(
            Diagnostic(
                "PSC-U005",
                "give either a CATALOGUE or --verdicts FILE",
                None,
                "proscribe enforce CATALOGUE … or proscribe enforce --verdicts v.jsonl",
            )
        )
    engine = open_db(db)
    summary = EnforceSummary()
    date, source = as_of_said(as_of)
    place = parse_jurisdiction(jurisdiction)
    with tempfile.TemporaryDirectory(prefix="proscribe-revisions-") as into:
        restored = Path(into)
        deployment = deployment_for(engine, default_ref(engine, pack, DEFAULT_PACK), restored)
        if deployment.staged or deployment.shadow:
            for line in deployment.describe():
                stderr.print(line, markup=False)
        ledgers = {rev: Ledger(engine, p, actor=actor) for rev, p in deployment.packs.items()}
        # Read before a dry run's transaction holds the lock; only a catalogue is decided here.
        relist = _relist(engine, deployment.live.id, catalogue)
        with engine.connect() as conn, progress_bar() as progress:
            session = conn.begin() if dry_run else None
            apply = _applier(
                ledgers, deployment.live.revision, conn if dry_run else None, summary, dry_run
            )
            if catalogue is not None:
                options = ScanOptions(
                    deployment.live.path,
                    date,
                    place,
                    workers,
                    keep_text=True,
                    relist=relist,
                    source="enforce",
                    **deployment_options(deployment),
                )
                _from_catalogue(catalogue, deployment.live, options, apply, progress, summary)
            else:
                assert verdicts is not None
                _from_verdicts(verdicts, deployment.live, apply, summary)
            if session is not None:
                session.rollback()
    live = deployment.live
    said_record: dict[str, str | None] = {"pack": live.id, "revision": live.revision}
    said_record["as_of"] = date.isoformat()
    said_record |= {"as_of_source": source, "jurisdiction": place}
    if as_json:
        record = {**summary.to_record(), **said_record, "dry_run": dry_run}
        stdout.out(orjson.dumps(record).decode())
    else:
        where = place or "each listing's own country"
        stdout.print(
            f"under {live.id} {live.revision} {said(date, source)} in {where}", markup=False
        )
        _print_summary(summary, dry_run)
    given = catalogue if catalogue is not None else verdicts
    assert given is not None
    check_not_all_rejected(given, summary.decided, summary.rejected)
    raise typer.Exit(1 if summary.blocked else 0)


Texts = dict[str, tuple[str, str | None, str | None]]
Shadow = list[dict[str, object]]
Apply = Callable[[list[dict[str, Any]], int, Texts, Shadow], None]


def _applier(
    ledgers: dict[str, Ledger],
    live: str,
    conn: sa.Connection | None,
    summary: EnforceSummary,
    dry_run: bool,
) -> Apply:
    """Each flagged verdict goes to the ledger of the revision that decided it (live or
    staged); shadow rows are kept in the same transaction."""
    shown = 0

    def apply(records: list[dict[str, Any]], decided: int, texts: Texts, shadow: Shadow) -> None:
        nonlocal shown
        summary.decided += decided
        summary.shadow += len(shadow)
        flagged = [r for r in records if r["decision"] != "allow"]
        summary.flagged += len(flagged)
        summary.blocked += sum(r["decision"] == "block" for r in flagged)
        summary.no_seller += sum(
            r["decision"] == "block" and not r.get("seller_id") for r in flagged
        )
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in flagged:
            groups.setdefault(r["revision"] if r["revision"] in ledgers else live, []).append(r)
        with nullcontext(conn) if conn is not None else ledgers[live].engine.begin() as c:
            for revision, group in groups.items():
                changes = ledgers[revision].apply(c, group, texts)
                summary.add(changes)
                if dry_run:
                    shown = _show(changes, shown)
            record_shadow(c, shadow)

    return apply


def _show(changes: Changes, shown: int) -> int:
    for action in changes.actions:
        if shown < SHOWN:
            stdout.print(f"would {action.kind}: {action.subject}: {action.detail}", markup=False)
        shown += 1
    return shown


def _relist(engine: sa.Engine, pack_id: str, catalogue: Path | None) -> RelistIndex | None:
    """Removed listings that copies are matched against; those in the input itself are not
    originals (they stood beside their look-alikes), so a re-run finds nothing new."""
    if catalogue is None:
        return None
    index = relist_index(engine, pack_id)
    if not len(index):
        return index
    present = {row.id for row in Catalogue(catalogue) if isinstance(row, Listing)}
    return relist_index(engine, pack_id, present=present)


def _from_catalogue(
    path: Path,
    pack: PolicyPack,
    options: ScanOptions,
    apply: Apply,
    progress: Any,
    summary: EnforceSummary,
) -> None:
    source = Catalogue(path)
    task = progress.add_task("enforcing", total=source.size)

    def consume(chunk: ChunkResult) -> None:
        flagged = [
            line for line in chunk.lines if not line.startswith(_ALLOWED, line.find(b'"decision"'))
        ]
        records = [orjson.loads(line) for line in flagged]
        apply(records, len(chunk.lines), chunk.texts, chunk.shadow)
        progress.update(task, completed=source.done)

    scanned = scan_rows(source, options, consume, _report_reject(path), pack)
    summary.rejected += scanned.summary.rejected
    summary.cleaned += len(source.notices)
    print_notices(source)


def _from_verdicts(path: Path, pack: PolicyPack, apply: Apply, summary: EnforceSummary) -> None:
    shown = _report_reject(path)
    ids = Ids()

    def reject(row: Rejected) -> None:
        summary.rejected += 1
        shown(row)

    for number, chunk in enumerate(batched(read_verdicts(path), 1000)):
        good = []
        for at, row in enumerate(chunk, start=number * 1000 + 1):
            if isinstance(row, Rejected):
                reject(row)
            elif dup := ids.check(str(row["id"]), at):
                reject(dup)
            elif row["pack"] != pack.id:
                reject(
                    Rejected(
                        0,
                        str(row["id"]),
                        "PSC-C013",
                        f"decided under pack '{row['pack']}', not '{pack.id}'",
                        "pass the pack the verdicts were decided under",
                    )
                )
            else:
                good.append(row)
        apply(good, len(good), {}, [])


def _report_reject(path: Path) -> Callable[[Rejected], None]:
    def reject(row: Rejected) -> None:
        where = f"row {row.row}" if row.row else "a row"
        stderr.print(
            f"{path}: {where}{f' (id {row.id})' if row.id else ''}: {row.code} "
            f"{row.message}\n    hint: {row.hint}",
            markup=False,
        )

    return reject


def _print_summary(summary: EnforceSummary, dry_run: bool) -> None:
    title = "Enforcement (dry run: nothing written)" if dry_run else "Enforcement"
    table = Table(title=title, show_header=False, show_edge=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    k = summary.kinds
    for name, value in (
        ("listings decided", summary.decided),
        ("rows rejected", summary.rejected),
        ("rows with characters removed", summary.cleaned),
        ("flagged", summary.flagged),
        ("removed", k["removed"]),
        ("removed with notice", k["notice"]),
        ("strikes", k["strike"]),
        ("evasion cases", summary.evasion),
        ("sellers whose standing changed", len(summary.standings)),
        ("blocked, no seller", summary.no_seller),
        ("shadow decisions recorded", summary.shadow),
    ):
        table.add_row(name, f"{value:,}")
    for step, count in sorted(summary.to_record()["sellers_per_step"].items()):
        table.add_row(f"  sellers now {step}", f"{count:,}")
    stdout.print(table)


def reinstate_command(
    pack: Annotated[
        str | None,
        typer.Option(help="The withdrawing pack: id (live in the store) or folder."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date of the withdrawal check (default: today).")
    ] = None,
    db: DbOption = DEFAULT_URL,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would happen; write nothing.")
    ] = False,
    actor: Annotated[str, typer.Option(help="Who runs this, for the audit log.")] = "proscribe",
) -> None:
    """Reinstate what was removed only under a withdrawn pack or class; lift its penalties."""
    engine = open_db(db)
    policy = pack_in_store(engine, default_ref(engine, pack, DEFAULT_PACK))
    date, source = as_of_said(as_of)
    stdout.print(
        f"reinstate under {policy.id} {policy.revision} {said(date, source)}", markup=False
    )
    changes = reinstate(engine, policy, date, actor=actor, dry_run=dry_run)
    if not changes.actions:
        stdout.print(
            f"nothing to reinstate: no class of {policy.id} is withdrawn as of {date}, "
            "or nothing rests on one",
            markup=False,
        )
    verb = "would " if dry_run else ""
    for action in changes.actions:
        stdout.print(f"{verb}{action.kind}: {action.subject}: {action.detail}", markup=False)
