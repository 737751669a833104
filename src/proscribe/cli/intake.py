"""What `scan` and `enforce` say about the rows of a catalogue besides their verdicts."""

from __future__ import annotations

from pathlib import Path

from proscribe.catalogue import Catalogue
from proscribe.cli.common import stderr
from proscribe.errors import CatalogueError, Diagnostic, Location

#: Notices (rows changed on the way in) printed one by one; the rest are counted.
SHOWN_NOTICES = 20


def print_notices(source: Catalogue) -> None:
    """Each row changed on the way in (``PSC-C018``: NUL characters removed), up to a limit."""
    for row in source.notices[:SHOWN_NOTICES]:
        stderr.print(
            f"{source.path}: row {row.row} (id {row.id}): {row.code} {row.message}",
            markup=False,
        )
    if len(source.notices) > SHOWN_NOTICES:
        more = len(source.notices) - SHOWN_NOTICES
        stderr.print(f"… and {more:,} more rows changed the same way", markup=False)


def check_not_all_rejected(path: Path, decided: int, rejected: int) -> None:
    """Exit 2 (``PSC-C020``) when rows were read but not one of them could be decided."""
    if decided == 0 and rejected > 0:
        raise CatalogueError(
            Diagnostic(
                "PSC-C020",
                f"every row was rejected ({rejected:,}); nothing was decided",
                Location(str(path)),
                "see the rejected rows above: is this the right file and format?",
            )
        )
