"""The SVG charts (escaped text, integer axes, a colour and a swatch per series) and the
evidence as reviewers read it (trimmed, most decisive first, evasion said once)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from proscribe.report.charts import PALETTE, stacked_bars, ticks
from proscribe.report.evidence import decisive, reason_once

NS = "{http://www.w3.org/2000/svg}"


def test_hostile_and_cjk_labels_are_plain_text() -> None:
    labels = ["$x^2$ \\alpha", "<script>alert(1)</script>", "二手显卡 & 矿卡"]
    svg = stacked_bars("Title <b>$y$</b>", labels, {"$c$": [1, 2, 3], "<i>": [0, 1, 0]})
    root = ET.fromstring(svg)  # well-formed: every label escaped
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    for label in labels:
        assert any(label in t for t in texts), label
    assert "Title <b>$y$</b>" in texts and "$c$" in texts and "<i>" in texts
    assert not list(root.iter(f"{NS}script")) and not list(root.iter("script"))
    assert "<script>" not in svg


def test_integer_axis_and_one_colour_and_swatch_per_series() -> None:
    assert ticks(0) == [0, 1] and ticks(3) == [0, 1, 2, 3] and ticks(23) == [0, 5, 10, 15, 20, 25]
    assert all(isinstance(t, int) for n in range(200) for t in ticks(n))
    series = {f"class-{i}": [1, 0] for i in range(6)}
    root = ET.fromstring(stacked_bars("t", ["a", "b"], series))
    swatches = [r.get("fill") for r in root.iter(f"{NS}rect") if r.get("class") == "swatch"]
    assert len(swatches) == 6 and len(set(swatches)) == 6
    assert set(swatches) <= set(PALETTE)
    axis = [t.text for t in root.iter(f"{NS}text") if t.get("text-anchor") == "middle"]
    assert axis == [str(n) for n in range(7)]  # row "a" stacks six 1s: whole numbers 0…6


def test_empty_chart_is_empty() -> None:
    assert stacked_bars("t", [], {}) == ""


def test_evidence_trimmed_rounded_and_most_decisive_first() -> None:
    evidence = [
        {"class": "m", "rule": "second-hand", "field": "title", "text": "二手", "start": 0,
         "end": 2, "weight": 0.2, "kind": "word"},
        {"class": "m", "rule": "asic", "field": "title", "text": "S19 ", "start": 10,
         "end": 14, "weight": 0.846243143081665, "kind": "pattern"},
        {"class": "m", "rule": "mining-card", "field": "title", "text": "矿卡", "start": 5,
         "end": 7, "weight": 0.9, "kind": "word"},
        {"class": "m", "rule": "r", "field": "title", "text": "x", "start": 0, "end": 0,
         "weight": None, "kind": "rule"},
    ]  # fmt: skip
    shown = decisive(evidence)
    assert [e["text"] for e in shown] == ["矿卡", "S19", "二手", "x"]
    assert shown[1]["weight"] == 0.85 and (shown[1]["start"], shown[1]["end"]) == (10, 13)


def test_evasion_is_said_once() -> None:
    evasion = [{"signal": "obfuscated", "detail": "spacing", "text": "b i t"}]
    reason = "Block: c scored 0.91. Evasion: obfuscated (spacing)."
    assert reason_once(reason, evasion) == "Block: c scored 0.91."
    assert reason_once(reason, []) == reason
