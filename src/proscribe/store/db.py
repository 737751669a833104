"""Connect to the database, migrate it, and refuse schemas newer than this code knows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from proscribe.errors import Diagnostic, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_URL = "sqlite:///proscribe.db"


def engine_for(url: str) -> sa.Engine:
    """A SQLAlchemy engine for ``url``; SQLite files get WAL and foreign keys."""
    try:
        engine = sa.create_engine(url, future=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(
            Diagnostic(
                "PSC-S001",
                f"cannot use database URL '{url}': {exc}",
                None,
                "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB",
            )
        ) from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # Transactions are begun by _sqlite_begin, not by the driver, so that writers take the
    # write lock at once (BEGIN IMMEDIATE) and concurrent processes queue instead of failing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine) -> str:
    """Bring the schema to the newest revision this code knows; return it."""
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":  # concurrent first runs queue here
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(7252021)"))
            _refuse_newer(connection)
            command.upgrade(_config(connection), "head")
    except sa.exc.OperationalError as exc:
        raise StoreError(
            Diagnostic(
                "PSC-S003",
                f"cannot reach the database: {exc.orig}",
                None,
                "check the URL, that the server runs, and the credentials",
            )
        ) from exc
    return head_revision()


def _refuse_newer(connection: sa.Connection) -> None:
    current = current_revision(connection)
    if current is None:
        return
    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    if current not in known:
        raise StoreError(
            Diagnostic(
                "PSC-S002",
                f"the database schema is at revision '{current}', newer than this "
                f"proscribe knows (up to '{head_revision()}')",
                None,
                "upgrade proscribe, or point --db at another database",
            )
        )
