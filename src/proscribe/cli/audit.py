"""``proscribe audit verify|export|keygen|checkpoint``: the tamper-evident log."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Annotated, NoReturn

import orjson
import typer

from proscribe.audit import AuditLog
from proscribe.audit.checkpoint import (
    check,
    keygen,
    load_private,
    load_public,
    read_checkpoint,
    sign_head,
)
from proscribe.audit.replay import replay as replay_ledger
from proscribe.cli.common import open_db, stderr, stdout
from proscribe.errors import Diagnostic, UsageError
from proscribe.store import DEFAULT_URL

app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
DbOption = Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")]


@app.command("verify")
def verify(
    checkpoint: Annotated[
        Path | None,
        typer.Option(help="A signed checkpoint the log must still extend (`audit checkpoint`)."),
    ] = None,
    public_key: Annotated[
        Path | None, typer.Option(help="The public key the checkpoint was signed with.")
    ] = None,
    replay: Annotated[
        bool,
        typer.Option(help="Replay the log and compare removals, strikes and standings with it."),
    ] = True,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Check the hash chain, the ledger against the log, and a signed checkpoint (exit 1)."""
    if (checkpoint is None) != (public_key is None):
        raise UsageError(
            Diagnostic(
                "PSC-U064",
                "--checkpoint and --public-key go together",
                None,
                "pass both: the checkpoint file and the public key that signed it",
            )
        )
    engine = open_db(db)
    started = time.perf_counter()
    result = AuditLog().verify(engine)
    if not result.ok:
        _broken(
            f"BROKEN at event {result.broken_at}: {result.problem} ({result.events:,} events "
            "verified before it)"
        )
    checks = ["chain intact"]
    if replay:
        _broken_if(replay_ledger(engine), "LEDGER DIFFERS FROM THE LOG")
        checks.append("ledger matches the log")
    if checkpoint is not None and public_key is not None:
        signed, signature = read_checkpoint(checkpoint)
        _broken_if(check(engine, signed, signature, load_public(public_key)), "CHECKPOINT FAILS")
        checks.append(f"extends the checkpoint of {signed.at} (event {signed.seq:,})")
    seconds = time.perf_counter() - started
    stdout.print(
        f"OK: {result.events:,} events, {'; '.join(checks)} ({seconds:.1f} s); head {result.head}",
        markup=False,
    )


def _broken_if(problem: str | None, title: str) -> None:
    if problem is not None:
        _broken(f"{title}: {problem}")


def _broken(message: str) -> NoReturn:
    stdout.print(message, markup=False)
    raise typer.Exit(1)


@app.command("keygen")
def keygen_command(
    private: Annotated[Path, typer.Option("--private", help="Where to write the private key.")],
    public: Annotated[Path, typer.Option("--public", help="Where to write the public key.")],
) -> None:
    """Create an Ed25519 key pair for signing checkpoints (the private key is 0600)."""
    ident = keygen(private, public)
    stdout.print(
        f"key {ident}: private {private} (keep it off the database's machine), public {public}",
        markup=False,
    )


@app.command("checkpoint")
def checkpoint_command(
    key: Annotated[Path, typer.Option(help="The private key (`audit keygen`).")],
    out: Annotated[Path, typer.Option(help="Where to write the signed checkpoint (JSON).")],
    db: DbOption = DEFAULT_URL,
) -> None:
    """Sign the log's head (sequence number and hash, with the time) to keep elsewhere."""
    private = load_private(key)
    engine = open_db(db)
    document = sign_head(engine, private, dt.datetime.now(dt.UTC))
    out.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
    signed = document["checkpoint"]
    stdout.print(
        f"checkpoint of event {signed['seq']:,} ({signed['hash'][:12]}…) signed by key "
        f"{signed['key_id']}: {out}",
        markup=False,
    )


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
