"""Evidence and reasons as people read them: each match trimmed to its words, the most
decisive first, the evasion said once."""

from __future__ import annotations

from typing import Any


def decisive(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence trimmed to the matched words (``'S19 '`` → ``'S19'``, its span with it),
    weights rounded to 2 places, ordered by weight (the most decisive first), then by where it
    is in the text; exact repeats dropped."""
    shown: dict[tuple[Any, ...], dict[str, Any]] = {}
    for item in evidence:
        trimmed = _trimmed(item)
        key = (trimmed["class"], trimmed["rule"], trimmed["field"], trimmed["start"])
        shown.setdefault(key, trimmed)
    return sorted(shown.values(), key=_decisiveness)


def _decisiveness(item: dict[str, Any]) -> tuple[float, str, int]:
    weight = item.get("weight")
    return (-(weight if weight is not None else -1.0), str(item["field"]), int(item["start"]))


def _trimmed(item: dict[str, Any]) -> dict[str, Any]:
    text = str(item.get("text") or "")
    start, end = int(item.get("start") or 0), int(item.get("end") or 0)
    lead = len(text) - len(text.lstrip())
    tail = len(text) - len(text.rstrip())
    weight = item.get("weight")
    out = {**item, "weight": round(float(weight), 2) if weight is not None else None}
    if text.strip() and end - start == len(text):
        out.update(text=text.strip(), start=start + lead, end=end - tail)
    return out


def reason_once(reason: str, evasion: list[dict[str, Any]]) -> str:
    """The verdict's reason without the sentences that repeat its evasion signals (the page
    lists those once, with the text each matched)."""
    if not evasion:
        return reason
    kinds = sorted({f"{e.get('signal')} ({e.get('detail')})" for e in evasion})
    reason = reason.replace(" Evasion: " + "; ".join(kinds) + ".", "")
    for item in evasion:
        if item.get("signal") == "relisted":
            reason = reason.replace(f" Relisted: {item.get('detail')}.", "")
    return reason
