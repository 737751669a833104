"""Charts for the HTML report, drawn by matplotlib as inline SVG (no network, no JavaScript)."""

from __future__ import annotations

import io

COLOURS = {
    "block": "#c0392b",
    "review": "#e67e22",
    "allow": "#27ae60",
    "newly blocked": "#c0392b",
    "newly sent to review": "#e67e22",
    "unblocked": "#27ae60",
    "no longer reviewed": "#7f8c8d",
}


def stacked_bars(title: str, labels: list[str], series: dict[str, list[int]]) -> str:
    """A horizontal stacked bar chart as an SVG string; empty when there is nothing to draw."""
    if not labels:
        return ""
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # Text stays text in the SVG, so the browser draws Chinese labels with its own fonts;
    # matplotlib's bundled font has no CJK glyphs and would otherwise warn for each one.
    matplotlib.rcParams["svg.fonttype"] = "none"
    # Labels are seller ids and categories: text, never mathtext ("$…$" must not be parsed).
    matplotlib.rcParams["text.parse_math"] = False
    warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)

    height = 1.2 + 0.38 * len(labels)
    fig, ax = plt.subplots(figsize=(8, height))
    left = [0] * len(labels)
    for name, values in series.items():
        ax.barh(labels, values, left=left, label=name, color=COLOURS.get(name, "#2c3e50"))
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_title(title, loc="left", fontsize=11)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
