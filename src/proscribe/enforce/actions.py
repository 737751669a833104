"""What enforcement did: actions (for people) and the audit events that prove them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from proscribe.audit import AuditEvent


@dataclass(frozen=True, slots=True)
class Action:
    """One change to a listing or a seller, in words."""

    kind: str  # removed | notice | strike | standing | reinstated | strike-revoked | appeal-…
    subject: str  # listing:ID | seller:ID | appeal:N
    detail: str

    def to_record(self) -> dict[str, str]:
        return {"kind": self.kind, "subject": self.subject, "detail": self.detail}


@dataclass
class Changes:
    """Actions and audit events gathered inside one transaction."""

    actions: list[Action] = field(default_factory=list)
    events: list[AuditEvent] = field(default_factory=list)

    def add(self, action: Action, event: AuditEvent) -> None:
        self.actions.append(action)
        self.events.append(event)

    def extend(self, other: Changes) -> None:
        self.actions += other.actions
        self.events += other.events


@dataclass
class EnforceSummary:
    """Counts for the end of an enforce run."""

    decided: int = 0
    flagged: int = 0
    blocked: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    standings: dict[str, str] = field(default_factory=dict)
    evasion: int = 0
    no_seller: int = 0
    shadow: int = 0  # listings also decided under a shadow revision
    rejected: int = 0  # rows that could not be decided (each reported with its code)
    cleaned: int = 0  # rows decided with characters removed (PSC-C018)

    def add(self, changes: Changes) -> None:
        for action in changes.actions:
            self.kinds[action.kind] += 1
            if action.kind == "strike" and "aggravated" in action.detail:
                self.evasion += 1
            if action.kind == "standing":
                self.standings[action.subject.removeprefix("seller:")] = action.detail.split()[-1]

    def to_record(self) -> dict[str, Any]:
        return {
            "decided": self.decided,
            "rejected": self.rejected,
            "cleaned": self.cleaned,
            "flagged": self.flagged,
            "blocked": self.blocked,
            "shadow_decisions": self.shadow,
            "actions": dict(self.kinds),
            "sellers_per_step": dict(Counter(self.standings.values())),
            "evasion_cases": self.evasion,
            "blocked_without_seller": self.no_seller,
        }
