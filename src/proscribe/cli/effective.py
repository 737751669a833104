"""The effective policy of one country at one date, for ``proscribe pack show``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from proscribe.policy import PolicyPack
from proscribe.policy.overrides import LIFTED
from proscribe.policy.schema import ClassFile


def class_status(cls: ClassFile, date: dt.date | None) -> str:
    """``in force``, ``lifted here`` or ``withdrawn <date>`` (in force until it when ``date``
    comes before it)."""
    if cls.withdrawn == LIFTED:
        return "lifted here"
    if cls.withdrawn is None:
        return "in force"
    if date is not None and date < cls.withdrawn:
        return f"in force until {cls.withdrawn}"
    return f"withdrawn {cls.withdrawn}"


def effective_lines(
    pack: PolicyPack, global_pack: PolicyPack, where: str | None, date: dt.date | None
) -> list[str]:
    """What the header of ``pack show`` says about overrides, the country and the date."""
    lines = []
    if global_pack.overrides:
        listed = ", ".join(
            f"{o.id} (priority {o.priority}: {', '.join(o.jurisdictions)})"
            for o in sorted(global_pack.overrides, key=lambda o: -o.priority)
        )
        lines.append(f"overrides, highest precedence first: {listed}")
    if where is not None:
        applied = ", ".join(pack.applied) if pack.applied else "none (the global pack)"
        lines.append(f"effective policy in {where}: overrides applied {applied}")
        if not pack.applies_in(where):
            lines.append(f"{pack.id} does not apply in {where}: every listing there is allowed")
    if date is not None:
        lines.append(f"on {date}: phase {pack.phase_at(date)}")
    return lines


def effective_record(pack: PolicyPack, where: str | None, date: dt.date | None) -> dict[str, Any]:
    """The same as JSON: the country, the date and each class as it decides there."""
    model = pack.spec.model.thresholds if pack.spec.model else {}
    return {
        "jurisdiction": where,
        "as_of": date.isoformat() if date else None,
        "overrides_applied": list(pack.applied),
        "applies": pack.applies_in(where),
        "phase": pack.phase_at(date) if date else None,
        "enforcement": (
            pack.spec.enforcement.model_dump(mode="json") if pack.spec.enforcement else None
        ),
        "closed_categories": [c.path for c in pack.spec.closed_categories],
        "classes": [
            {
                "id": c.id,
                "status": class_status(c, date),
                "thresholds": c.thresholds.model_dump(),
                "model_thresholds": model[c.id].model_dump() if c.id in model else None,
            }
            for c in pack.classes
        ],
    }
