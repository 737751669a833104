"""``proscribe audit verify`` and ``proscribe audit export``."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import orjson
import typer

from proscribe.audit import AuditLog
from proscribe.cli.common import open_db, stderr, stdout
from proscribe.errors import Diagnostic, UsageError
from proscribe.store import DEFAULT_URL

app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
DbOption = Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")]


@app.command("verify")
def verify(db: DbOption = DEFAULT_URL) -> None:
    """Check the hash chain; name the first broken link (exit 1)."""
    engine = open_db(db)
    started = time.perf_counter()
    result = AuditLog().verify(engine)
    seconds = time.perf_counter() - started
    if result.ok:
        stdout.print(
            f"OK: {result.events:,} events, chain intact ({seconds:.1f} s); head {result.head}",
            markup=False,
        )
        return
    stdout.print(
        f"BROKEN at event {result.broken_at}: {result.problem} ({result.events:,} events "
        "verified before it)",
        markup=False,
    )
    raise typer.Exit(1)


@app.command("export")
def export(
    since: Annotated[
        str | None, typer.Option(help="Only events from this ISO date or time.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="jsonl")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Write to FILE instead of stdout.")] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Export events, with their hashes, for a regulator."""
    if output_format != "jsonl":
        raise UsageError(
            Diagnostic(
                "PSC-U007", f"unknown export format '{output_format}'", None, "use --format jsonl"
            )
        )
    engine = open_db(db)
    handle = out.open("wb") if out else sys.stdout.buffer
    count = 0
    for event in AuditLog().export(engine, since):
        handle.write(orjson.dumps(event) + b"\n")
        count += 1
    if out:
        handle.close()
        stderr.print(f"{count:,} events written to {out}", markup=False)
