"""``proscribe serve``, ``proscribe keys create|revoke|list`` and ``proscribe reviews export``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from proscribe.cli.common import DEFAULT_PACK, open_db, stderr, stdout
from proscribe.deploy.resolve import default_ref, pack_in_store
from proscribe.enforce.keys import ROLES, create_key, list_keys, revoke_key
from proscribe.enforce.reviews import export_reviews
from proscribe.store import DEFAULT_URL

DbOption = Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")]
keys_app = typer.Typer(help="API keys for the service.", no_args_is_help=True)
reviews_app = typer.Typer(help="Reviewer decisions.", no_args_is_help=True)


def serve(
    db: DbOption = DEFAULT_URL,
    pack: Annotated[
        str | None,
        typer.Option(help="Pack id or folder (default: the one pack live in the store)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, help="uvicorn worker processes.")] = 1,
) -> None:
    """Start the HTTP service (FastAPI on uvicorn); OpenAPI at /openapi.json, docs at /docs."""
    import uvicorn

    engine = open_db(db)
    ref = default_ref(engine, pack, DEFAULT_PACK)
    pack_in_store(engine, ref)  # fail here, with the pack's own errors, not inside a worker
    os.environ["PROSCRIBE_DB"], os.environ["PROSCRIBE_PACK"] = db, ref
    uvicorn.run(
        "proscribe.api.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}.")],
    name: Annotated[str, typer.Option(help="Who holds it; named as the actor in the audit log.")],
    db: DbOption = DEFAULT_URL,
) -> None:
    """Create a key; it is printed once, alone on the last line, and stored only hashed."""
    engine = open_db(db)
    key = create_key(engine, name=name, role=role)
    stderr.print(f"key for {name} ({role}); store it now, it cannot be shown again:", markup=False)
    print(key)


@keys_app.command("revoke")
def keys_revoke(key_id: int, db: DbOption = DEFAULT_URL) -> None:
    """Revoke a key by its id (see `proscribe keys list`)."""
    engine = open_db(db)
    revoke_key(engine, key_id)
    stdout.print(f"key {key_id} revoked", markup=False)


@keys_app.command("list")
def keys_list(db: DbOption = DEFAULT_URL) -> None:
    """Keys by id, name, role and state (never the keys themselves)."""
    engine = open_db(db)
    for key in list_keys(engine):
        state = f"revoked {key['revoked_at']}" if key["revoked_at"] else "active"
        stdout.print(f"{key['id']}\t{key['name']}\t{key['role']}\t{state}", markup=False)


@reviews_app.command("export")
def reviews_export(
    out: Annotated[
        Path | None, typer.Option(help="Write JSON Lines to FILE (default stdout).")
    ] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Reviewer decisions as labelled listings, in the DEV set's format, for `proscribe train`."""
    engine = open_db(db)
    handle = out.open("wb") if out else sys.stdout.buffer
    count = 0
    for row in export_reviews(engine):
        handle.write(orjson.dumps(row) + b"\n")
        count += 1
    if out:
        handle.close()
        stderr.print(f"{count:,} labelled listings written to {out}", markup=False)
