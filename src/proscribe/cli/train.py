"""``proscribe train LABELLED.jsonl… --out MODEL``: fit the classifier a pack can name."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from proscribe.cli.common import stderr, stdout
from proscribe.errors import Diagnostic, Location, UsageError
from proscribe.evaluate import read_labelled


def train_command(
    labelled: Annotated[
        list[Path] | None,
        typer.Argument(help="Labelled JSON Lines (the DEV format, or `reviews export`)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Model file to write (.skops).")] = Path(
        "model.skops"
    ),
    synthetic: Annotated[
        int, typer.Option(help="Add this many rows of the project-written training corpus.")
    ] = 0,
    seed: Annotated[int, typer.Option(help="Seed for the corpus and the held-out split.")] = 7,
    c: Annotated[float, typer.Option("--c", help="Inverse L2 regularisation strength.")] = 0.5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    pack: Annotated[
        Path | None,
        typer.Option(
            help="Train for this pack folder from its cases (+ --db reviews, + the files) "
            "and write the model and thresholds into it."
        ),
    ] = None,
    db: Annotated[
        str | None, typer.Option(help="--pack: also learn from this store's reviewer decisions.")
    ] = None,
) -> None:
    """Train on labelled listings; report held-out precision and recall per label."""
    from proscribe.classify.train import train  # scikit-learn loads only for this command

    files = labelled or []
    if pack is not None:
        from proscribe.cli.packtrain import train_pack

        train_pack(pack, files, db, seed=seed, c=c, as_json=as_json)
        return
    if not files and synthetic <= 0:
        raise UsageError(
            Diagnostic(
                "PSC-U020",
                "nothing to train on",
                Location("proscribe train"),
                "give labelled JSON Lines files, --synthetic N, or both",
            )
        )
    with stderr.status("training: reading rows, hashing tokens, fitting…"):
        try:
            model, report = train(_rows(files, synthetic, seed), c=c, seed=seed)
        except ValueError as exc:
            raise UsageError(
                Diagnostic("PSC-U021", str(exc), Location("proscribe train"), _HINT)
            ) from exc
        model.save(out)
    if as_json:
        stdout.out(orjson.dumps({**report.to_record(), "out": str(out)}).decode())
        return
    _print(report.to_record(), out)


_HINT = "labelled rows need label allowed or prohibited (with a class)"


def _rows(files: list[Path], synthetic: int, seed: int) -> Iterator[dict[str, Any]]:
    from proscribe.synth.training import training_rows

    labelled = itertools.chain.from_iterable(read_labelled(f) for f in files)
    return itertools.chain(labelled, training_rows(synthetic, seed) if synthetic else ())


def _print(record: dict[str, Any], out: Path) -> None:
    table = Table(title=f"held-out rows ({record['rows']:,} trained)", show_edge=False)
    for name in ("label", "precision", "recall", "F1", "support"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for label, s in record["holdout"].items():
        table.add_row(
            label,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s["support"]),
        )
    stdout.print(table)
    skipped = ", ".join(f"{k} {v}" for k, v in record["skipped"].items()) or "none"
    stdout.print(
        f"temperature {record['temperature']}; skipped rows: {skipped}; "
        f"{record['seconds']} s; wrote {out}"
    )
