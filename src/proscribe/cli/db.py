"""``proscribe db upgrade``: migrate the database to the schema this version needs."""

from __future__ import annotations

from typing import Annotated

import typer

from proscribe.cli.common import stdout
from proscribe.store import DEFAULT_URL, engine_for, upgrade

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_command(
    db: Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")] = DEFAULT_URL,
) -> None:
    """Create or migrate the schema (Alembic) to the newest revision."""
    revision = upgrade(engine_for(db))
    stdout.print(f"database at schema revision {revision}", markup=False)
