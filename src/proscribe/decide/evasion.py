"""Evasion signals on a verdict: ``obfuscated`` (a trick hid a word) and ``misplaced``.

Both mean evasion, never an honest seller's accident: ``obfuscated`` only where a trick had
to be undone to see the evidence, ``misplaced`` only when the listing's *deciding* class —
the strongest, and blocked or at the pack's declared confidence — is listed in a known
category where that class is not expected. A secondary class, a review-level doubt or a
listing without a category never makes a listing misplaced.
"""

from __future__ import annotations

from proscribe.decide.scoring import ClassScore
from proscribe.decide.verdict import EvasionSignal
from proscribe.detect.category import is_expected
from proscribe.policy import PolicyPack
from proscribe.types import Listing


def evasion_signals(
    pack: PolicyPack, listing: Listing, flagged: list[ClassScore]
) -> list[EvasionSignal]:
    """The ``obfuscated`` signals of every flagged class, then ``misplaced`` if it applies."""
    signals = [s for c in flagged for s in _obfuscated(c)]
    misplaced = _misplaced(pack, listing, flagged)
    return signals + ([misplaced] if misplaced is not None else [])


def _obfuscated(score: ClassScore) -> list[EvasionSignal]:
    seen: set[tuple[str, int, int]] = set()
    signals = []
    for f in score.evidence:
        if f.tricks and (f.field, f.start, f.end) not in seen:
            seen.add((f.field, f.start, f.end))
            why = f"{', '.join(f.tricks)} undone to read '{f.term}'"
            signals.append(
                EvasionSignal("obfuscated", score.class_id, why, f.field, f.text, f.start, f.end)
            )
    return signals


def deciding(flagged: list[ClassScore]) -> ClassScore | None:
    """The class that decides the listing: the highest score, the first class on a tie."""
    return flagged[0] if flagged else None


def _misplaced(
    pack: PolicyPack, listing: Listing, flagged: list[ClassScore]
) -> EvasionSignal | None:
    top = deciding(flagged)
    category = listing.category
    if top is None or not category or not category.strip():
        return None
    expected = pack.get_class(top.class_id).expected_categories
    if not expected or not _confident(pack, top) or is_expected(category, expected):
        return None
    level = "blocked" if top.decision == "block" else f"scored {top.score:.2f}"
    why = (
        f"listed under '{category}', but its deciding class {top.class_id} ({level}) is "
        f"expected only under {_some(expected)}"
    )
    return EvasionSignal("misplaced", top.class_id, why, "category", category, 0, len(category))


def _confident(pack: PolicyPack, top: ClassScore) -> bool:
    """Blocked, or at least as sure as the pack's ``misplaced_confidence``."""
    if top.decision == "block":
        return True
    enforcement = pack.spec.enforcement
    evasion = enforcement.evasion if enforcement is not None else None
    level = evasion.misplaced_confidence if evasion is not None else None
    return level is not None and top.score >= level


def _some(names: list[str], shown: int = 4) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")
