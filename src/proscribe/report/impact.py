"""The HTML report of ``proscribe impact``: changes per class and category, sellers, examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from proscribe.impact import KINDS
from proscribe.report.charts import stacked_bars

TOP = 15


def write_impact_report(path: Path, record: dict[str, Any], meta: dict[str, Any]) -> None:
    env = Environment(loader=PackageLoader("proscribe.report"), autoescape=select_autoescape())
    html = env.get_template("impact.html").render(
        r=record, meta=meta, kinds=KINDS, charts=_charts(record)
    )
    path.write_text(html, encoding="utf-8")


def _charts(record: dict[str, Any]) -> dict[str, str]:
    return {
        "classes": _bars("Changes per class", record["by_class"]),
        "categories": _bars(f"Changes per category (top {TOP})", record["by_category"]),
    }


def _bars(title: str, groups: dict[str, dict[str, int]]) -> str:
    top = sorted(groups, key=lambda g: -sum(groups[g].values()))[:TOP]
    series = {kind: [groups[g].get(kind, 0) for g in top] for kind in KINDS}
    return stacked_bars(title, top, {k: v for k, v in series.items() if any(v)})
