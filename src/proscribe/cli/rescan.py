"""``proscribe rescan``: the retroactive sweep after a revision goes live."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.table import Table

from proscribe.cli.common import DEFAULT_PACK, as_of_said, open_db, said, stderr, stdout
from proscribe.cli.scan import progress_bar
from proscribe.deploy import Decider, deployment_for
from proscribe.deploy.rescan import Rescan, rescan
from proscribe.deploy.resolve import default_ref
from proscribe.store import DEFAULT_URL


def rescan_command(
    pack: Annotated[
        str | None,
        typer.Option(help="Pack id or the live pack's folder (default: the one pack live)."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Decide as of YYYY-MM-DD (default: today).")
    ] = None,
    db: Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")] = DEFAULT_URL,
    actor: Annotated[str, typer.Option(help="Who runs this, for the audit log.")] = "proscribe",
    batch: Annotated[int, typer.Option(min=1, help="Listings per transaction.")] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Re-decide every stored listing under the revisions in place and enforce the changes.

    Newly blocked listings are removed and struck; listings now allowed are reinstated and
    their strikes revoked. Resumes an unfinished run of the same revisions and date; running
    it again changes nothing.
    """
    engine = open_db(db)
    date, source = as_of_said(as_of)
    with tempfile.TemporaryDirectory(prefix="proscribe-revisions-") as restored:
        deployment = deployment_for(engine, default_ref(engine, pack, DEFAULT_PACK), Path(restored))
        for line in deployment.describe():
            stderr.print(line, markup=False)
        decider = Decider(deployment)
        with progress_bar() as progress:
            task = progress.add_task("rescanning", total=None)

            def show(run: Rescan) -> None:
                progress.update(task, completed=run.done, total=run.total)

            run = rescan(engine, decider, as_of=date, actor=actor, batch=batch, progress=show)
        live = deployment.live
    if as_json:
        said_record = {"pack": live.id, "revision": live.revision, "as_of_source": source}
        stdout.out(orjson.dumps(run.to_record() | said_record).decode())
        return
    title = f"Rescan {run.id}" + (" (resumed)" if run.resumed else "")
    title += f" under {live.id} {live.revision} {said(date, source)}"
    table = Table(title=title, show_header=False, show_edge=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("stored listings", f"{run.total:,}")
    for kind, n in sorted(run.counts.items()):
        table.add_row(kind, f"{n:,}")
    stdout.print(table)
