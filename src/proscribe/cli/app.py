"""The ``proscribe`` command line: wiring only, no business logic.

Exit codes: 0 clean, 1 violations or failed tests, 2 usage or configuration errors.
Commands are imported when they run (``proscribe.cli.lazy``): ``--help`` answers at once.
"""

from __future__ import annotations

import sys

import typer

from proscribe.cli.lazy import LazyGroup
from proscribe.errors import Diagnostic, ProscribeError

app = typer.Typer(
    name="proscribe",
    cls=LazyGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Turn a ban into enforced, explained controls from a policy pack.",
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """The group itself takes no options; its commands are in ``proscribe.cli.lazy``."""


def main() -> None:
    """Run the CLI; a ``ProscribeError`` prints its diagnostics and exits with its code (2)."""
    try:
        app()
    except ProscribeError as exc:
        _print(exc.diagnostics)
        sys.exit(exc.exit_code)


def _print(diagnostics: list[Diagnostic]) -> None:
    from proscribe.cli.common import stderr

    for diagnostic in diagnostics:
        stderr.print(diagnostic.render(), markup=False)
