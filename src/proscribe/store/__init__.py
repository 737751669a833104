"""Storage: SQLAlchemy Core over SQLite (default) or PostgreSQL, migrated by Alembic."""

from proscribe.store.db import DEFAULT_URL, engine_for, upgrade
from proscribe.store.verdicts import ScanStore

__all__ = ["DEFAULT_URL", "ScanStore", "engine_for", "upgrade"]
