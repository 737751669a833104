"""``Verdict``: the explained decision for one listing under one pack revision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from proscribe.detect import Finding

DECISIONS = ("allow", "review", "block")


def stronger(a: str, b: str) -> str:
    return a if DECISIONS.index(a) >= DECISIONS.index(b) else b


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A change to the evidence with its reason: an exemption vetoing a weak finding."""

    kind: str  # "veto"
    class_id: str
    rule: str
    by: str
    reason: str

    def to_record(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "class": self.class_id,
            "rule": self.rule,
            "by": self.by,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class EvasionSignal:
    """Deliberate evasion: ``obfuscated``, ``misplaced`` or ``relisted``, with its evidence."""

    signal: str
    class_id: str
    detail: str
    field: str
    text: str
    start: int
    end: int

    def to_record(self) -> dict[str, object]:
        return {
            "signal": self.signal,
            "class": self.class_id,
            "detail": self.detail,
            "field": self.field,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class ClassResult:
    """One class: the rule score, the model's calibrated probability, the class decision."""

    class_id: str
    score: float
    decision: str
    probability: float | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What happens to a listing and why; the same record in every adapter."""

    id: str
    decision: str
    classes: tuple[str, ...]
    score: float
    results: tuple[ClassResult, ...]
    evidence: tuple[Finding, ...]
    evasion: tuple[EvasionSignal, ...]
    adjustments: tuple[Adjustment, ...]
    reason: str
    notes: tuple[str, ...]
    pack: str
    revision: str
    as_of: dt.date
    jurisdiction: str | None
    phase: str
    seller_id: str | None = None
    category: str | None = None
    omitted: tuple[tuple[str, int], ...] = ()  # (class, evidence spans past MAX_EVIDENCE)

    def to_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "id": self.id,
            "decision": self.decision,
            "classes": list(self.classes),
            "score": round(self.score, 4),
            "scores": {r.class_id: round(r.score, 4) for r in self.results},
            "probabilities": {
                r.class_id: round(r.probability, 4)
                for r in self.results
                if r.probability is not None
            },
            "evidence": [f.to_record() for f in self.evidence],
            "evasion": [e.to_record() for e in self.evasion],
            "adjustments": [a.to_record() for a in self.adjustments],
            "reason": self.reason,
            "notes": list(self.notes),
            "pack": self.pack,
            "revision": self.revision,
            "as_of": self.as_of.isoformat(),
            "jurisdiction": self.jurisdiction,
            "phase": self.phase,
            "seller_id": self.seller_id,
            "category": self.category,
        }
        if self.omitted:  # only when the evidence was capped: records stay as they were
            record["evidence_omitted"] = dict(self.omitted)
        return record
