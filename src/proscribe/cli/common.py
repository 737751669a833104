"""Helpers shared by the commands: parsing options, loading packs, consoles, the clock."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from rich.console import Console

from proscribe.errors import Diagnostic, UsageError
from proscribe.types import Clock, SystemClock

if TYPE_CHECKING:  # SQLAlchemy loads only for the commands that open a database
    import sqlalchemy as sa

stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)
#: Where "today" comes from when --as-of is not given; tests replace it.
clock: Clock = SystemClock()

DEFAULT_PACK = "cn-crypto-mining-2021"


def parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return clock.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            Diagnostic(
                "PSC-U001",
                f"--as-of '{value}' is not a date",
                None,
                "write it as YYYY-MM-DD, e.g. 2021-10-20",
            )
        ) from None


def as_of_said(value: str | None) -> tuple[dt.date, str]:
    """The as-of date and how it was chosen (``given``, or ``today`` when --as-of was not
    given): commands print both, so a default never passes unsaid."""
    return parse_as_of(value), "given" if value is not None else "today"


def said(as_of: dt.date, source: str) -> str:
    return f"as of {as_of}" + (" (today: --as-of not given)" if source == "today" else "")


def parse_jurisdiction(value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise UsageError(
            Diagnostic(
                "PSC-U004",
                f"--jurisdiction '{value}' is not a country code",
                None,
                "use a two-letter ISO 3166 code such as CN or US",
            )
        )
    return value.upper()


def open_db(url: str) -> sa.Engine:
    """The database at ``url``, migrated to the schema this version needs."""
    from proscribe.store import engine_for, upgrade

    engine = engine_for(url)
    upgrade(engine)
    return engine
