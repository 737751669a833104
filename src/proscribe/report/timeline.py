"""The access timeline of one subject as a picture: one bar per action, coloured by effect."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

COLOURS = {
    "allow": "#27ae60",
    "allow-with-notice": "#f1c40f",
    "require-review": "#e67e22",
    "deny": "#c0392b",
}


def draw_timeline(
    path: Path, rules: Any, subject: Any, periods: list[tuple[str, dt.datetime, dict[str, str]]]
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["text.parse_math"] = False  # ids and names are text, not mathtext
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    starts = [start for _, start, _ in periods]
    span = (starts[-1] - starts[0]) if len(starts) > 1 else dt.timedelta(days=30)
    margin = max(span / 5, dt.timedelta(days=7))
    ends = [*starts[1:], starts[-1] + margin]
    if len(starts) > 1:  # the period before the first edge: drawn with the same margin
        starts[0] = starts[1] - margin
    fig, ax = plt.subplots(figsize=(9, 1 + 0.5 * len(rules.actions)))
    for row, action in enumerate(rules.actions):
        for start, (_, _, effects), end in zip(starts, periods, ends, strict=True):
            ax.barh(
                row,
                mdates.date2num(end) - mdates.date2num(start),
                left=mdates.date2num(start),
                color=COLOURS[effects[action]],
                edgecolor="white",
            )
    ax.set_yticks(range(len(rules.actions)), rules.actions)
    ax.invert_yaxis()
    ax.xaxis_date(tz=rules.zone)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d", tz=rules.zone))
    ax.set_title(f"{subject.id} under {rules.pack.id}", loc="left", fontsize=11)
    ax.legend(
        handles=[Patch(color=c, label=e) for e, c in COLOURS.items()],
        fontsize=8,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=4,
        frameon=False,
    )
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
