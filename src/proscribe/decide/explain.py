"""The reason of a verdict, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from proscribe.decide.scoring import ClassScore

if TYPE_CHECKING:
    from proscribe.decide.verdict import Adjustment, EvasionSignal
    from proscribe.detect import Finding
    from proscribe.policy import PolicyPack

_KIND = {
    "word": "term",
    "pattern": "pattern",
    "rule": "rule",
    "category": "closed category",
    "model": "classifier tokens",
}


def reason_for(
    decision: str,
    flagged: list[ClassScore],
    pack: PolicyPack,
    *,
    notes: list[str],
    evasion: tuple[EvasionSignal, ...],
    adjustments: tuple[Adjustment, ...],
    score: float,
) -> str:
    """One paragraph: the decision, each flagged class with its strongest evidence, evasion."""
    if notes:
        return "Allowed: " + "; ".join(notes) + "."
    if not flagged:
        return _allowed(adjustments, score)
    parts = [_class_reason(s, pack) for s in flagged]
    text = f"{decision.capitalize()}: " + " ".join(parts)
    if evasion:
        kinds = sorted({f"{e.signal} ({e.detail})" for e in evasion})
        text += " Evasion: " + "; ".join(kinds) + "."
    if pack.applied:
        text += f" Under the override{'s' if len(pack.applied) > 1 else ''} " + (
            ", ".join(pack.applied) + " for this country."
        )
    return text


def _class_reason(score: ClassScore, pack: PolicyPack) -> str:
    if score.by_model and pack.spec.model is not None:
        return _model_reason(score, pack)
    cls = pack.get_class(score.class_id)
    limit = cls.thresholds.block if score.decision == "block" else cls.thresholds.review
    shown = []
    for f in _top(score):
        what = f.term if f.kind == "model" else f.text  # the model's tokens, not one span
        shown.append(f"{_KIND.get(f.kind, f.kind)} '{what}' in {f.field} ({f.rule})")
    return (
        f"{score.class_id} scored {score.score:.2f} (≥ {limit:.2f} to {score.decision}): "
        + "; ".join(shown)
        + "."
    )


def _top(score: ClassScore) -> list[Finding]:
    seen: set[str] = set()
    out: list[Finding] = []
    for f in sorted(score.evidence, key=lambda f: -(f.weight or 0)):
        if f.rule not in seen and f.weight is not None:
            seen.add(f.rule)
            out.append(f)
    return out[:4]


def _allowed(adjustments: tuple[Adjustment, ...], score: float) -> str:
    if adjustments:
        return "Allowed: " + "; ".join(a.reason for a in adjustments[:3]) + "."
    if score > 0:
        return f"Allowed: weak evidence only (highest class score {score:.2f})."
    return "Allowed: nothing in the pack matched."


def _model_reason(score: ClassScore, pack: PolicyPack) -> str:
    assert pack.spec.model is not None
    limits = pack.spec.model.thresholds[score.class_id]
    limit = limits.block if score.decision == "block" else limits.review
    model = next(f for f in score.evidence if f.kind == "model")
    rules = [f for f in _top(score) if f.kind != "model"]
    also = "; also " + "; ".join(f"{_KIND.get(f.kind, f.kind)} '{f.text}'" for f in rules)
    return (
        f"{score.class_id}: the classifier gives {score.probability or 0:.2f} "
        f"(≥ {limit:.2f} to {score.decision}), led by '{model.term}' in {model.field}"
        + (also if rules else "")
        + "."
    )
