"""Context for ambiguous words, declared by the pack, applied before a class is scored.

* ``context.unless`` on a signal: its words cancel the signal in the field where they
  appear ("Avalon" beside "board game").
* ``context.with`` on a signal: it counts only when one of the named signals of its class is
  found too ("Bitmain" beside a model code, a hash rate or a coin).
* ``precedence: exemption`` on an exemption: a finding inside the exemption's own match is
  vetoed whatever its weight ("挖矿工具" inside "金矿挖矿工具", gold-mining hand tools).

Every finding set aside becomes an adjustment that says why, in words.
"""

from __future__ import annotations

from collections.abc import Iterable

from proscribe.decide.verdict import Adjustment
from proscribe.detect import Finding
from proscribe.policy import PolicyPack
from proscribe.policy.schema import Context

_SCORED = ("word", "pattern")


class ContextRules:
    """The pack's contexts and exemption precedences, gathered once per engine."""

    def __init__(self, pack: PolicyPack) -> None:
        self.contexts: dict[tuple[str, str], Context] = {
            (c.id, s.id): s.context for c in pack.classes for s in c.signals if s.context
        }
        self.inside: set[tuple[str, str]] = {
            (c.id, e.id) for c in pack.classes for e in c.exemptions if e.precedence == "exemption"
        } | {("*", e.id) for e in pack.spec.exemptions if e.precedence == "exemption"}

    def apply(
        self, class_id: str, findings: list[Finding], exemptions: list[Finding]
    ) -> tuple[list[Finding], list[Adjustment]]:
        """``findings`` less those their context sets aside, and why."""
        if not findings or (not self.contexts and not self.inside):
            return findings, []  # the common case: nothing to set aside, nothing copied
        mine = [f for f in findings if f.class_id == class_id]
        if not mine:
            return findings, []  # other classes' cancelling words never score here
        notes: dict[Finding, Adjustment] = {}
        for f in mine:
            if f.kind in _SCORED:
                note = self._cancelled(f, mine) or self._inside(f, exemptions)
                if note is not None:
                    notes[f] = note
        # what may corroborate: the signals that still stand once contexts have cancelled
        # some (computed once: linear in the findings, and independent of their order)
        standing = {m.rule for m in mine if m.kind in (*_SCORED, "rule") and m not in notes}
        for f in mine:
            if f.kind in _SCORED and f not in notes:
                note = self._alone(f, standing)
                if note is not None:
                    notes[f] = note
        kept = [f for f in findings if f.kind != "cancel" and f not in notes]
        return kept, _unique(notes.values())

    def _cancelled(self, f: Finding, mine: list[Finding]) -> Adjustment | None:
        if (f.class_id, f.rule) not in self.contexts:
            return None
        cancel = next(
            (c for c in mine if c.kind == "cancel" and c.rule == f.rule and c.field == f.field),
            None,
        )
        if cancel is None:
            return None
        why = f"'{f.text}' ({f.rule}) does not count beside '{cancel.text}' in the {f.field}"
        return Adjustment("context", f.class_id, f.rule, cancel.term, why)

    def _alone(self, f: Finding, standing: set[str]) -> Adjustment | None:
        context = self.contexts.get((f.class_id, f.rule))
        if context is None or not context.with_:
            return None
        if standing.intersection(context.with_):
            return None
        needed = ", ".join(context.with_)
        why = f"'{f.text}' ({f.rule}) counts only with one of {needed}: none found"
        return Adjustment("context", f.class_id, f.rule, "corroboration", why)

    def _inside(self, f: Finding, exemptions: list[Finding]) -> Adjustment | None:
        for e in exemptions:
            if (e.class_id, e.rule) in self.inside and _within(f, e):
                why = (
                    f"'{f.text}' ({f.rule}, {f.weight or 0:.2f}) is part of '{e.text}' in the "
                    f"{f.field}: exemption '{e.rule}' takes precedence over the terms it contains"
                )
                return Adjustment("veto", f.class_id, f.rule, e.rule, why)
        return None


def _within(f: Finding, e: Finding) -> bool:
    return f.field == e.field and e.start <= f.start and f.end <= e.end


def _unique(notes: Iterable[Adjustment]) -> list[Adjustment]:
    seen: dict[tuple[str, str], Adjustment] = {}
    for note in notes:
        seen.setdefault((note.rule, note.reason), note)
    return list(seen.values())
