"""``Engine.decide(listing, *, as_of, jurisdiction) -> Verdict``: findings + pack rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from proscribe.decide.budget import match_notes, unread_review, within_budget
from proscribe.decide.context import ContextRules
from proscribe.decide.evasion import evasion_signals
from proscribe.decide.explain import reason_for
from proscribe.decide.model import ModelVoter
from proscribe.decide.scoring import ClassScore, ModelVote, score_class
from proscribe.decide.verdict import DECISIONS, Adjustment, ClassResult, Verdict, stronger
from proscribe.detect import Document, Finding, Recognizer, build_recognizers
from proscribe.policy import PolicyPack
from proscribe.policy.overrides import LIFTED
from proscribe.types import Listing

if TYPE_CHECKING:  # datasketch (and SciPy under it) loads only where a relist index is built
    from proscribe.detect.relisted import RelistIndex

#: The smallest class probability that makes a listing worth matching against removed ones.
RELIST_GATE = 0.05


class Engine:
    """Decides listings under one pack revision; build it once, reuse it for every listing."""

    def __init__(
        self,
        pack: PolicyPack,
        recognizers: list[Recognizer] | None = None,
        relist: RelistIndex | None = None,
    ) -> None:
        self.pack = pack
        self.recognizers = recognizers if recognizers is not None else build_recognizers(pack)
        self.votes = ModelVoter(pack) if pack.model is not None else None
        self.relist = relist  # removed listings (from the store): copies of them are relisted
        self.context = ContextRules(pack)  # ambiguous words: corroboration, cancelling contexts
        self.fast_path = True  # listings with no sign of any class skip per-class scoring
        self._quiet_reason: str | None = None
        self._local: dict[tuple[str, ...], Engine] = {}  # per-country overrides' engines

    def decide(
        self, listing: Listing, *, as_of: dt.date, jurisdiction: str | None = None
    ) -> Verdict:
        return self.decide_batch([listing], as_of=as_of, jurisdiction=jurisdiction)[0]

    def decide_batch(
        self, listings: Iterable[Listing], *, as_of: dt.date, jurisdiction: str | None = None
    ) -> list[Verdict]:
        """Decide many listings; the classifier scores them in one vectorised pass."""
        docs = [Document.of(x) for x in listings]
        return self.decide_documents(docs, as_of=as_of, jurisdiction=jurisdiction)

    def decide_documents(
        self, docs: list[Document], *, as_of: dt.date, jurisdiction: str | None = None
    ) -> list[Verdict]:
        """Decide normalised documents: two engines (two revisions) can share one normalisation.

        Listings in a country with overrides are decided by the pack as it stands there.
        """
        if not self.pack.overrides:
            return self._decide_all(docs, as_of, jurisdiction)
        groups: dict[tuple[str, ...], list[int]] = {}
        for i, doc in enumerate(docs):
            key = self.pack.override_key(jurisdiction or doc.listing.country)
            groups.setdefault(key, []).append(i)
        out: list[Verdict | None] = [None] * len(docs)
        for key, where in groups.items():
            engine = self._overridden(key, jurisdiction or docs[where[0]].listing.country)
            decided = engine._decide_all([docs[i] for i in where], as_of, jurisdiction)
            for i, verdict in zip(where, decided, strict=True):
                out[i] = verdict
        return [v for v in out if v is not None]

    def _overridden(self, key: tuple[str, ...], jurisdiction: str | None) -> Engine:
        """The engine of the pack as it stands under the overrides ``key`` (built once)."""
        if not key:
            return self
        local = self._local.get(key)
        if local is None:
            pack = self.pack.effective(jurisdiction)
            same_categories = pack.spec.closed_categories == self.pack.spec.closed_categories
            local = Engine(pack, self.recognizers if same_categories else None)
            self._local[key] = local
        local.relist = self.relist  # the service swaps its index in: follow it
        local.fast_path = self.fast_path
        return local

    def _decide_all(
        self, docs: list[Document], as_of: dt.date, jurisdiction: str | None
    ) -> list[Verdict]:
        bounded = [within_budget(doc) for doc in docs]
        docs = [doc for doc, _ in bounded]
        votes = self.votes.for_documents(docs) if self.votes is not None else None
        return [
            self._decide(doc, votes[i] if votes is not None else {}, as_of, jurisdiction, cut)
            for i, (doc, cut) in enumerate(bounded)
        ]

    def _decide(
        self,
        doc: Document,
        votes: dict[str, ModelVote],
        as_of: dt.date,
        jurisdiction: str | None,
        cut: tuple[str, ...] = (),
    ) -> Verdict:
        findings = [f for r in self.recognizers for f in r.detect(doc)]
        budget = cut + match_notes(findings)
        where = jurisdiction or doc.listing.country
        place = where.upper() if where else None
        if self.fast_path and not findings and all(v.finding is None for v in votes.values()):
            verdict = self._quiet(doc.listing, votes, as_of, place)
        else:
            scores = [
                self._score(cls_id, findings, as_of, votes.get(cls_id))
                for cls_id in self.pack.class_ids
            ]
            verdict = self._verdict(doc.listing, scores, as_of, place)
        if self.relist is not None and len(self.relist) and self._in_force(verdict):
            from proscribe.decide.relisted import with_relisted

            verdict = with_relisted(verdict, doc.listing, self.relist, self.pack.class_ids)
        if cut:
            live = verdict.phase in ("grace", "enforced") and self.pack.applies_in(where)
            verdict = unread_review(verdict, live)
        return replace(verdict, notes=verdict.notes + budget) if budget else verdict

    def _quiet(
        self, listing: Listing, votes: dict[str, ModelVote], as_of: dt.date, place: str | None
    ) -> Verdict:
        """The verdict of a listing with no finding and no model vote that acts: what the slow
        path gives (every class allowed at score 0, no evidence, no evasion, the plain reason),
        built at once. ``tests/integration/test_fast_path.py`` holds the two paths equal."""
        if self._quiet_reason is None:
            self._quiet_reason = reason_for(
                "allow", [], self.pack, notes=[], evasion=(), adjustments=(), score=0.0
            )
        results = tuple(
            ClassResult(c, 0.0, "allow", votes[c].probability if c in votes else None)
            for c in self.pack.class_ids
        )
        return Verdict(
            listing.id,
            "allow",
            (),
            0.0,
            results,
            (),
            (),
            (),
            self._quiet_reason,
            (),
            self.pack.id,
            self.pack.revision,
            as_of,
            place,
            self.pack.phase_at(as_of),
            listing.seller_id,
            listing.category,
        )

    def _in_force(self, verdict: Verdict) -> bool:
        """Whether to look for a relisting: the pack applies where and when this verdict is
        made, and the listing shows some sign of a class (a finding, or a model probability
        of at least ``RELIST_GATE``): a copy of a removed listing scores like its original,
        and plainly harmless listings — most of a catalogue — skip the MinHash entirely.
        """
        live = verdict.phase in ("grace", "enforced")
        if not live or verdict.notes or not self.pack.applies_in(verdict.jurisdiction):
            return False
        signs = verdict.score > 0 or verdict.decision != "allow"
        return signs or any((r.probability or 0.0) >= RELIST_GATE for r in verdict.results)

    def _score(
        self, class_id: str, findings: list[Finding], as_of: dt.date, vote: ModelVote | None
    ) -> ClassScore:
        cls = self.pack.get_class(class_id)
        exemptions = [
            f for f in findings if f.kind == "exemption" and f.class_id in (class_id, "*")
        ]
        kept, context = self.context.apply(class_id, findings, exemptions)
        result = score_class(cls, kept, exemptions, vote)
        if context:
            result = replace(result, adjustments=(*context, *result.adjustments))
        if cls.withdrawn is not None and as_of >= cls.withdrawn:
            if result.decision == "allow":
                return result
            ended = (
                f"lifted here by {', '.join(self.pack.applied)}"
                if cls.withdrawn == LIFTED
                else f"withdrawn on {cls.withdrawn}"
            )
            why = f"{class_id} would be {result.decision} but is {ended}"
            note = Adjustment("withdrawn", class_id, class_id, "pack", why)
            return replace(result, decision="allow", adjustments=(*result.adjustments, note))
        return result

    def _verdict(
        self, listing: Listing, scores: list[ClassScore], as_of: dt.date, jurisdiction: str | None
    ) -> Verdict:
        phase = self.pack.phase_at(as_of)
        flagged = sorted((s for s in scores if s.decision != "allow"), key=_strength)
        decision = "allow"
        for s in flagged:
            decision = stronger(decision, s.decision)
        notes = self._caps(flagged, decision, phase, jurisdiction)
        if notes:
            decision, flagged = "allow", []
        evasion = tuple(evasion_signals(self.pack, listing, flagged))
        adjustments = tuple(a for s in scores for a in s.adjustments)
        score = max((s.score for s in scores), default=0.0)
        reason = reason_for(
            decision,
            flagged,
            self.pack,
            notes=notes,
            evasion=evasion,
            adjustments=adjustments,
            score=score,
        )
        return Verdict(
            listing.id,
            decision,
            tuple(s.class_id for s in flagged),
            score,
            tuple(ClassResult(s.class_id, s.score, s.decision, s.probability) for s in scores),
            tuple(f for s in flagged for f in s.evidence),
            evasion,
            adjustments,
            reason,
            tuple(notes),
            self.pack.id,
            self.pack.revision,
            as_of,
            jurisdiction,
            phase,
            listing.seller_id,
            listing.category,
            tuple((s.class_id, s.omitted) for s in flagged if s.omitted),
        )

    def _caps(
        self, flagged: list[ClassScore], decision: str, phase: str, jurisdiction: str | None
    ) -> list[str]:
        """Why a flagged listing is nevertheless allowed: wrong place or wrong time."""
        if not flagged:
            return []
        names = ", ".join(s.class_id for s in flagged)
        if not self.pack.applies_in(jurisdiction):
            where = jurisdiction or "an unknown jurisdiction"
            return [f"{self.pack.id} does not apply in {where}; it would be {decision} as {names}"]
        effective = self.pack.spec.phases.effective
        if phase == "pending":
            return [f"prohibited from {effective.isoformat()}: would be {decision} as {names}"]
        if phase == "withdrawn":
            return [
                f"{self.pack.id} was withdrawn on {self.pack.spec.phases.withdrawn}; "
                f"it would have been {decision} as {names}"
            ]
        return []


def _strength(score: ClassScore) -> tuple[float, int]:
    """Strongest first: the higher score, then the harsher decision (stable on ties)."""
    return (-score.score, -DECISIONS.index(score.decision))
