"""The scan summary as rich tables on the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from proscribe.scan import Summary

TOP_EVIDENCE = 10


def print_summary(console: Console, summary: Summary, classes: tuple[str, ...]) -> None:
    totals = Table(title="Scan summary", show_edge=False)
    for name in ("scanned", "block", "review", "allow", "rejected rows"):
        totals.add_column(name, justify="right")
    d = summary.decisions
    totals.add_row(
        f"{summary.scanned:,}",
        f"{d['block']:,}",
        f"{d['review']:,}",
        f"{d['allow']:,}",
        f"{summary.rejected:,}",
    )
    console.print(totals)
    per_class = Table(title="Per class", show_edge=False)
    per_class.add_column("class")
    per_class.add_column("block", justify="right")
    per_class.add_column("review", justify="right")
    for cls in classes:
        per_class.add_row(
            cls, f"{summary.by_class[(cls, 'block')]:,}", f"{summary.by_class[(cls, 'review')]:,}"
        )
    console.print(per_class)
    if summary.evidence:
        top = Table(title="Top evidence", show_edge=False)
        for name in ("class", "signal", "text", "listings"):
            top.add_column(name, justify="right" if name == "listings" else "left")
        for (cls, rule, text), count in summary.evidence.most_common(TOP_EVIDENCE):
            top.add_row(cls, rule, text, f"{count:,}")
        console.print(top)
    if summary.evasion:
        console.print(
            "Evasion: " + ", ".join(f"{k} {v:,}" for k, v in summary.evasion.most_common())
        )
