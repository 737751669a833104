"""Spec shapes: a declared signal found where all its parts match close together."""

from __future__ import annotations

from collections.abc import Callable

from proscribe import Verdict
from proscribe.detect.finding import Finding
from proscribe.detect.shapes import Shape, assemble

SHAPE = Shape("mining-hardware", "spec-shape", ("model-code", "hash-rate", "power"), 40, 0.85)


def _part(part: str, start: int, end: int, field: str = "title") -> Finding:
    return Finding("mining-hardware", "spec-shape", "part", part, field, "x", start, end)


def test_all_parts_close_together_make_one_finding() -> None:
    hits = [_part("model-code", 0, 3), _part("hash-rate", 4, 8), _part("power", 9, 14)]
    (found,) = assemble(hits, {("mining-hardware", "spec-shape"): SHAPE})
    assert (found.kind, found.rule, found.weight) == ("pattern", "spec-shape", 0.85)
    assert found.term == "shape: model-code + hash-rate + power"
    assert (found.start, found.end) == (0, 14)


def test_a_missing_part_or_a_wide_gap_makes_nothing() -> None:
    shapes = {("mining-hardware", "spec-shape"): SHAPE}
    assert assemble([_part("model-code", 0, 3), _part("hash-rate", 4, 8)], shapes) == []
    far = [_part("model-code", 0, 3), _part("hash-rate", 4, 8), _part("power", 90, 95)]
    assert assemble(far, shapes) == []
    split = [
        _part("model-code", 0, 3),
        _part("hash-rate", 4, 8),
        _part("power", 9, 14, "description"),
    ]
    assert assemble(split, shapes) == []


def test_a_brandless_miner_is_recognised_by_its_shape(decide: Callable[..., Verdict]) -> None:
    verdict = decide("X9 unit 100T 3000W, quiet")
    assert verdict.decision == "block"
    assert [f.term for f in verdict.evidence if f.rule == "spec-shape"] == [
        "shape: model-code + hash-rate + power"
    ]
    assert decide("i7 12700K 16GB 650W gaming PC").decision == "allow"
