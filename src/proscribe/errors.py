"""Shared error vocabulary: every error a user sees carries a code, a location and a hint.

Codes:
  PSC-P0xx  policy pack (syntax, schema, semantics)
  PSC-C0xx  catalogue input (files and rows)
  PSC-U0xx  usage (arguments, options)
  PSC-S0xx  store (database)
  PSC-E0xx  enforcement ledger (unknown ids, appeals)
  PSC-B0xx  per-listing budget notes on a verdict (see ``proscribe.limits``, docs/limits.md)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file, and optionally a line and column (1-based)."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in user input, with what to do about it."""

    code: str
    message: str
    location: Location | None = None
    hint: str | None = None

    def render(self) -> str:
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.code} {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text

    def to_dict(self) -> dict[str, object]:
        loc = self.location
        return {
            "code": self.code,
            "message": self.message,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "hint": self.hint,
        }


class ProscribeError(Exception):
    """Base of every error proscribe raises on purpose; carries one or more diagnostics."""

    exit_code = 2

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic) -> None:
        self.diagnostics = diagnostics if isinstance(diagnostics, list) else [diagnostics]
        super().__init__("\n".join(d.render() for d in self.diagnostics))

    @property
    def code(self) -> str:
        return self.diagnostics[0].code


class PackError(ProscribeError):
    """A policy pack that cannot be loaded; lists every problem found, not just the first."""


class CatalogueError(ProscribeError):
    """A catalogue that cannot be read at all (as opposed to one malformed row)."""


class UsageError(ProscribeError):
    """Bad arguments or options."""


class StoreError(ProscribeError):
    """The database cannot be reached or has an unexpected schema."""


class LedgerError(ProscribeError):
    """A request the ledger cannot carry out: an unknown id, an appeal it cannot take."""


def error(
    cls: type[ProscribeError],
    code: str,
    message: str,
    *,
    hint: str | None = None,
    file: str | None = None,
    line: int | None = None,
) -> ProscribeError:
    """Build a single-diagnostic error of the given class."""
    location = Location(file, line) if file else None
    return cls(Diagnostic(code, message, location, hint))
