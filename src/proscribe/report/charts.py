"""Charts drawn by the project as native SVG: no matplotlib, no JavaScript, no fonts on the
server. Text stays text (escaped), so the browser draws any script (CJK included) with its own
fonts, and a label such as ``$x$`` or ``<script>`` is shown exactly as written."""

from __future__ import annotations

import unicodedata
from html import escape

#: Fixed colours for decisions and changes; other series take the palette in order.
COLOURS = {
    "block": "#b91c1c",
    "review": "#c2410c",
    "allow": "#15803d",
    "newly blocked": "#b91c1c",
    "newly sent to review": "#c2410c",
    "unblocked": "#15803d",
    "no longer reviewed": "#4b5563",
}
#: One colour per class (Okabe–Ito, darkened to reach 3:1 against white: see the UI tests).
PALETTE = [
    "#0072b2",
    "#c2410c",
    "#008060",
    "#b8207a",
    "#7a5c00",
    "#5b4fc4",
    "#b91c1c",
    "#4b5563",
    "#0e7490",
    "#6b21a8",
]
WIDTH = 720
LABEL_W = 190
RIGHT = 40
ROW = 26
BAR = 18
TOP = 58
MAX_LABEL = 28


def colours(names: list[str]) -> dict[str, str]:
    """A colour per series: the fixed ones first, then the palette, never twice in a chart."""
    chosen = {n: COLOURS[n] for n in names if n in COLOURS}
    free = [c for c in PALETTE if c not in chosen.values()]
    for index, name in enumerate(n for n in names if n not in chosen):
        chosen[name] = free[index % len(free)]
    return chosen


def ticks(largest: int) -> list[int]:
    """Integer ticks from 0 covering ``largest``: steps of 1, 2, 5, 10, 20, 50, … (≤ 8 ticks)."""
    steps = (1, 2, 5)
    scale, index = 1, 0
    while max(largest, 1) / (steps[index] * scale) > 7:
        index += 1
        if index == len(steps):
            index, scale = 0, scale * 10
    step = steps[index] * scale
    top = -(-max(largest, 1) // step) * step
    return list(range(0, top + 1, step))


def stacked_bars(title: str, labels: list[str], series: dict[str, list[int]]) -> str:
    """A horizontal stacked bar chart as an SVG string; empty when there is nothing to draw."""
    if not labels:
        return ""
    names = list(series)
    palette = colours(names)
    totals = [sum(int(series[n][i]) for n in names) for i in range(len(labels))]
    axis = ticks(max(totals, default=0))
    legend, rows = _legend(names, palette)
    top = TOP + 20 * (rows - 1)
    scale = (WIDTH - LABEL_W - RIGHT) / axis[-1]
    height = top + ROW * len(labels) + 34
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{_e(title)}" '
        'font-family="system-ui, sans-serif" font-size="13">',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="18" font-size="15" font-weight="600" fill="#111827">{_e(title)}</text>',
        *legend,
        *_grid(axis, scale, top, height),
    ]
    for row, label in enumerate(labels):
        y = top + row * ROW
        shown = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
        out.append(
            f'<text x="{LABEL_W - 8}" y="{y + BAR / 2 + 4:.0f}" text-anchor="end" '
            f'fill="#111827"><title>{_e(label)}</title>{_e(shown)}</text>'
        )
        x = float(LABEL_W)
        for name in names:
            value = int(series[name][row])
            if value <= 0:
                continue
            w = value * scale
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" '
                f'fill="{palette[name]}"><title>{_e(label)} · {_e(name)}: {value}</title></rect>'
            )
            x += w
        out.append(
            f'<text x="{x + 4:.1f}" y="{y + BAR / 2 + 4:.0f}" fill="#374151" '
            f'font-size="12">{totals[row]}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _legend(names: list[str], palette: dict[str, str]) -> tuple[list[str], int]:
    """Swatch and name per series, wrapped onto as many rows as needed; (parts, rows)."""
    out, x, y = [], 0.0, 28
    for name in names:
        width = 16 + _text_width(name[:40]) + 18
        if x and x + width > WIDTH:
            x, y = 0.0, y + 20
        out.append(
            f'<rect class="swatch" x="{x:.0f}" y="{y}" width="12" height="12" '
            f'fill="{palette[name]}"/>'
            f'<text x="{x + 16:.0f}" y="{y + 11}" fill="#111827">{_e(name[:40])}</text>'
        )
        x += width
    return out, (y - 28) // 20 + 1


def _text_width(text: str) -> float:
    """Roughly how wide the browser draws ``text`` at 13px: wide (CJK) characters count 13."""
    return sum(13.0 if unicodedata.east_asian_width(c) in "WF" else 7.5 for c in text)


def _grid(axis: list[int], scale: float, top: int, height: int) -> list[str]:
    out = []
    bottom = height - 30
    for value in axis:
        x = LABEL_W + value * scale
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#e5e7eb"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#374151" '
            f'font-size="12">{value}</text>'
        )
    return out


def _e(text: object) -> str:
    return escape(str(text), quote=True)
