"""The HTML report of a scan: decisions per class and category, top sellers, examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from proscribe.report.charts import stacked_bars
from proscribe.report.evidence import decisive, reason_once
from proscribe.report.highlight import highlight
from proscribe.scan import Summary

TOP = 15


def render_report(summary: Summary, meta: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("proscribe.report"), autoescape=select_autoescape())
    template = env.get_template("report.html")
    return template.render(
        meta=meta,
        summary=summary,
        charts=_charts(summary),
        examples=_examples(summary),
        sellers=summary.sellers.most_common(TOP),
        evidence=summary.evidence.most_common(TOP),
    )


def write_report(path: Path, summary: Summary, meta: dict[str, Any]) -> None:
    path.write_text(render_report(summary, meta), encoding="utf-8")


def _charts(summary: Summary) -> dict[str, str]:
    classes = sorted({cls for cls, _ in summary.by_class})
    flagged = {
        cat: summary.by_category[(cat, "block")] + summary.by_category[(cat, "review")]
        for cat, _ in summary.by_category
    }
    categories = [c for c, n in sorted(flagged.items(), key=lambda kv: -kv[1]) if n][:TOP]
    sellers = summary.sellers.most_common(TOP)
    return {
        "classes": stacked_bars(
            "Decisions per class",
            classes,
            {d: [summary.by_class[(c, d)] for c in classes] for d in ("block", "review")},
        ),
        "categories": stacked_bars(
            "Flagged listings per category",
            categories,
            {d: [summary.by_category[(c, d)] for c in categories] for d in ("block", "review")},
        ),
        "sellers": stacked_bars(
            "Top sellers by flagged listings",
            [s for s, _ in sellers],
            {"flagged": [n for _, n in sellers]},
        ),
    }


def _examples(summary: Summary) -> list[dict[str, Any]]:
    shown = []
    for (cls, decision), items in sorted(summary.examples.items()):
        for item in items:
            record, listing = item["record"], item["listing"]
            evidence = decisive(record["evidence"])
            shown.append(
                {
                    "class": cls,
                    "decision": decision,
                    "id": listing["id"],
                    "category": listing.get("category"),
                    "seller": listing.get("seller_id"),
                    "title": highlight(listing["title"], evidence, "title"),
                    "description": highlight(listing.get("description"), evidence, "description"),
                    "reason": reason_once(record["reason"], record["evasion"]),
                    "evasion": record["evasion"],
                }
            )
    return shown
