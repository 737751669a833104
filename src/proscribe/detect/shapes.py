"""Spec shapes: a signal found where all of its parts match close together in one field.

"S19 Pro 110T 3250W" names no maker, yet a model code, a hash rate and a power figure side by
side are a miner to anyone who knows the trade. The pack declares the parts (``shape:`` on a
signal); their patterns are compiled with the others, and this module puts the hits together.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise, product

from proscribe.detect.finding import Finding
from proscribe.policy import PolicyPack


@dataclass(frozen=True, slots=True)
class Shape:
    class_id: str
    signal: str
    parts: tuple[str, ...]
    window: int
    weight: float | None


def pack_shapes(pack: PolicyPack) -> dict[tuple[str, str], Shape]:
    return {
        (cls.id, s.id): Shape(cls.id, s.id, tuple(p.id for p in s.shape), s.shape_window, s.weight)
        for cls in pack.classes
        for s in cls.signals
        if s.shape
    }


def assemble(findings: list[Finding], shapes: dict[tuple[str, str], Shape]) -> list[Finding]:
    """Replace part hits by the shapes they complete (one finding per shape and field)."""
    parts = [f for f in findings if f.kind == "part"]
    if not parts:
        return findings
    if len({f.term for f in parts}) < min(len(s.parts) for s in shapes.values()):
        return [f for f in findings if f.kind != "part"]  # too few parts for any shape
    kept = [f for f in findings if f.kind != "part"]
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in parts:
        groups.setdefault((f.class_id, f.rule, f.field), []).append(f)
    for (class_id, signal, _), hits in sorted(groups.items()):
        shape = shapes.get((class_id, signal))
        found = _complete(shape, hits) if shape is not None else None
        if found is not None:
            kept.append(found)
    return kept


def _complete(shape: Shape, hits: list[Finding]) -> Finding | None:
    """The tightest set of one hit per part, within the window, as one finding."""
    by_part = [sorted((h for h in hits if h.term == p), key=lambda h: h.start) for p in shape.parts]
    if any(not h for h in by_part):
        return None
    best: tuple[Finding, ...] | None = None
    for combo in product(*(h[:4] for h in by_part)):  # a few hits per part is plenty
        start, end = min(h.start for h in combo), max(h.end for h in combo)
        fits = _disjoint(combo) and end - start <= shape.window
        if fits and (best is None or end - start < _span(best)):
            best = combo
    if best is None:
        return None
    return _finding(shape, best)


def _disjoint(hits: tuple[Finding, ...]) -> bool:
    ordered = sorted(hits, key=lambda h: h.start)
    return all(a.end <= b.start for a, b in pairwise(ordered))


def _span(hits: tuple[Finding, ...]) -> int:
    return max(h.end for h in hits) - min(h.start for h in hits)


def _finding(shape: Shape, hits: tuple[Finding, ...]) -> Finding:
    ordered = sorted(hits, key=lambda h: h.start)
    tricks = tuple(sorted({t for h in hits for t in h.tricks}))
    return Finding(
        shape.class_id,
        shape.signal,
        "pattern",
        "shape: " + " + ".join(shape.parts),
        ordered[0].field,
        " + ".join(h.text for h in ordered),
        ordered[0].start,
        ordered[-1].end,
        shape.weight,
        tricks,
    )
