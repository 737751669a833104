"""Shared value types: listings, spans and the injected clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

#: Fields of a listing that the engine reads text from, in order.
TEXT_FIELDS = ("title", "description")


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing as the engine sees it; only ``id`` and ``title`` are required."""

    id: str
    title: str
    description: str | None = None
    category: str | None = None
    seller_id: str | None = None
    price: float | None = None
    currency: str | None = None
    country: str | None = None
    listed_at: str | None = None

    def field(self, name: str) -> str | None:
        value: str | None = getattr(self, name)
        return value


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in one field of the original listing."""

    field: str
    start: int
    end: int


class Clock(Protocol):
    """Where "now" comes from; injected so that nothing reads the wall clock deep inside."""

    def today(self) -> dt.date: ...


class SystemClock:
    """The real clock, used only by adapters (CLI, API) to default ``as_of``."""

    def today(self) -> dt.date:
        return dt.datetime.now(dt.UTC).date()


@dataclass(frozen=True, slots=True)
class FixedClock:
    """A clock stopped at one date, for tests and reproducible runs."""

    date: dt.date

    def today(self) -> dt.date:
        return self.date
