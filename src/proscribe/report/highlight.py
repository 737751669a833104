"""Render a field with its evidence spans marked, escaped for HTML."""

from __future__ import annotations

from html import escape
from typing import Any


def highlight(text: str | None, evidence: list[dict[str, Any]], field: str) -> str:
    """``text`` as HTML with each evidence span of ``field`` wrapped in ``<mark>``."""
    if not text:
        return ""
    spans = sorted(
        {
            (e["start"], e["end"], e["class"], e["rule"])
            for e in evidence
            if e["field"] == field and e["kind"] != "rule" and e["end"] <= len(text)
        }
    )
    out: list[str] = []
    position = 0
    for start, end, cls, rule in spans:
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(f'<mark title="{escape(cls)} · {escape(rule)}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
