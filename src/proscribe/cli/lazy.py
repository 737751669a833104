"""Commands imported when they run: ``proscribe --help`` loads no command module at all.

Each command's module is imported only by the command that needs it, so scikit-learn waits for
``train``, FastAPI and uvicorn for ``serve``, pyspark for ``spark-scan``. The listing in
``--help`` reads the one-line summaries below (a test keeps each equal to its command's own
help); ``proscribe COMMAND --help`` shows the command itself.
"""

from __future__ import annotations

import importlib

import typer
import typer.main
from typer import _click as click  # typer 0.29 carries its own click
from typer.core import TyperCommand, TyperGroup

#: (name, module, attribute, summary) in the order ``--help`` lists them. The attribute is
#: a command function or a ``typer.Typer`` of subcommands.
COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("scan", "scan", "scan", "Scan a catalogue; exit 1 when anything is blocked, 2 when every row was rejected."),  # noqa: E501
    ("explain", "explain", "explain", "Explain the verdict for one listing."),
    ("test", "testing", "test", "Run pack test cases; exit 1 if any fails. With --mutate, also run every case through\nthe tricks sellers use and exit 1 when the pack's `mutation.min_recall` is missed."),  # noqa: E501
    ("eval", "evaluate", "evaluate", "Measure the engine on labelled listings; exit 1 when a gate fails."),  # noqa: E501
    ("train", "train", "train_command", "Train on labelled listings; report held-out precision and recall per label."),  # noqa: E501
    ("impact", "impact", "impact_command", "Decide the catalogue under both revisions and report what changes (exit 0)."),  # noqa: E501
    ("spark-scan", "spark", "spark_scan", "Decide a catalogue on Spark; verdicts as `proscribe scan --out FILE.parquet` writes them."),  # noqa: E501
    ("suggest", "suggest", "suggest_command", "Phrases that co-occur with what the pack blocks but are not in it (with counts,\nexample listings and the share of blocked neighbours), and the listings just below a\nclass's review threshold."),  # noqa: E501
    ("enforce", "enforce", "enforce", "Remove prohibited listings, strike and penalise their sellers; idempotent."),  # noqa: E501
    ("reinstate", "enforce", "reinstate_command", "Reinstate what was removed only under a withdrawn pack or class; lift its penalties."),  # noqa: E501
    ("rescan", "rescan", "rescan_command", "Re-decide every stored listing under the revisions in place and enforce the changes."),  # noqa: E501
    ("serve", "serve", "serve", "Start the HTTP service (FastAPI on uvicorn); OpenAPI at /openapi.json, docs at /docs."),  # noqa: E501
    ("worker", "worker", "worker", "Consume listing events: decide, record, enforce, acknowledge (at least once; replays\nchange nothing). Unreadable events go to STREAM:dead with the reason. SIGTERM finishes the\nbatch in hand and stops."),  # noqa: E501
    ("pack", "packs", "app", "Validate, describe and document policy packs."),
    ("shadow", "shadow", "app", "Compare a shadow revision with the live one."),
    ("seller", "ledger", "sellers_app", "Sellers' standing and history."),
    ("listing", "ledger", "listings_app", "Listings' status and history."),
    ("appeal", "ledger", "appeals_app", "Appeals against removals."),
    ("audit", "audit", "app", "The tamper-evident audit log."),
    ("access", "access", "app", "Account actions by jurisdiction and phase."),
    ("keys", "serve", "keys_app", "API keys for the service."),
    ("reviews", "serve", "reviews_app", "Reviewer decisions."),
    ("db", "db", "app", "Database schema."),
)  # fmt: skip
_BY_NAME = {name: (module, attribute) for name, module, attribute, _ in COMMANDS}


def load(name: str) -> click.Command:
    """The real command ``name``: its module imported now."""
    module, attribute = _BY_NAME[name]
    target = getattr(importlib.import_module(f"proscribe.cli.{module}"), attribute)
    if isinstance(target, typer.Typer):
        group = typer.main.get_group(target)
        group.name = name
        return group
    single = typer.Typer(add_completion=False)
    single.command(name)(target)
    return typer.main.get_command(single)


class LazyGroup(TyperGroup):
    """The top-level group: summaries for listing, real commands only when resolved."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *(c[0] for c in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        summary = next((c[3] for c in COMMANDS if c[0] == cmd_name), None)
        if summary is None:
            return super().get_command(ctx, cmd_name)
        return TyperCommand(cmd_name, help=summary)  # listed in --help; never run

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in _BY_NAME:
            return args[0], load(args[0]), args[1:]
        return super().resolve_command(ctx, args)
