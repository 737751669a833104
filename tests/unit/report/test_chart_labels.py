"""Chart labels are text: seller ids and categories with "$…$" are drawn, never parsed."""

from __future__ import annotations

from proscribe.report.charts import stacked_bars

HOSTILE = ["$x^$", r"$\frac{$", "a$b$c", r"$\alpha$ miners", "<b>&amp;"]


def test_hostile_labels_are_drawn_as_text() -> None:
    svg = stacked_bars(r"scan of $\sqrt{$", HOSTILE, {"block": [1, 2, 3, 4, 5]})
    assert svg.startswith("<svg")
    for label in ("$x^$", r"$\frac{$", "a$b$c", r"$\alpha$ miners"):
        assert label in svg  # the characters themselves, not rendered mathematics
    assert "<b>" not in svg and "&lt;b&gt;&amp;amp;" in svg
