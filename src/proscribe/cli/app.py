"""The ``proscribe`` command line: wiring only, no business logic.

Exit codes: 0 clean, 1 violations or failed tests, 2 usage or configuration errors.
"""

from __future__ import annotations

import sys

import typer

from proscribe.cli import (
    access,
    audit,
    db,
    enforce,
    evaluate,
    explain,
    impact,
    ledger,
    packs,
    rescan,
    scan,
    serve,
    shadow,
    spark,
    suggest,
    testing,
    train,
    worker,
)
from proscribe.cli.common import stderr
from proscribe.errors import ProscribeError

app = typer.Typer(
    name="proscribe",
    no_args_is_help=True,
    add_completion=False,
    help="Turn a ban into enforced, explained controls from a policy pack.",
    pretty_exceptions_enable=False,
)
app.command("scan")(scan.scan)
app.command("explain")(explain.explain)
app.command("test")(testing.test)
app.command("eval")(evaluate.evaluate)
app.command("train")(train.train_command)
app.command("impact")(impact.impact_command)
app.command("spark-scan")(spark.spark_scan)
app.command("suggest")(suggest.suggest_command)
app.add_typer(packs.app, name="pack")
app.add_typer(shadow.app, name="shadow")
app.command("enforce")(enforce.enforce)
app.command("reinstate")(enforce.reinstate_command)
app.command("rescan")(rescan.rescan_command)
app.add_typer(ledger.sellers_app, name="seller")
app.add_typer(ledger.listings_app, name="listing")
app.add_typer(ledger.appeals_app, name="appeal")
app.add_typer(audit.app, name="audit")
app.add_typer(access.app, name="access")
app.command("serve")(serve.serve)
app.add_typer(serve.keys_app, name="keys")
app.add_typer(serve.reviews_app, name="reviews")
app.add_typer(db.app, name="db")
app.command("worker")(worker.worker)


def main() -> None:
    """Run the CLI; a ``ProscribeError`` prints its diagnostics and exits with its code (2)."""
    try:
        app()
    except ProscribeError as exc:
        for diagnostic in exc.diagnostics:
            stderr.print(diagnostic.render(), markup=False)
        sys.exit(exc.exit_code)
