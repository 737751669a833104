"""``Decider``: decides listings under a deployment — each by the live or the staged revision,
and all of them again under the shadow revision, for comparison only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from proscribe.decide import Engine, Verdict
from proscribe.deploy.deployment import Deployment
from proscribe.detect import Document
from proscribe.detect.relisted import RelistIndex
from proscribe.types import Listing


@dataclass(frozen=True, slots=True)
class ShadowPair:
    """One listing decided twice: by the revision in force and by the shadow one."""

    live: Verdict
    shadow: Verdict

    @property
    def agree(self) -> bool:
        return (self.live.decision, self.live.classes) == (
            self.shadow.decision,
            self.shadow.classes,
        )

    def to_row(self, source: str, at: str) -> dict[str, object]:
        """A row of ``shadow_decisions`` (reasons kept only where the two disagree)."""
        agree = self.agree
        return {
            "pack_id": self.live.pack,
            "live_revision": self.live.revision,
            "shadow_revision": self.shadow.revision,
            "listing_id": self.live.id,
            "decided_at": at,
            "source": source,
            "live_decision": self.live.decision,
            "shadow_decision": self.shadow.decision,
            "live_classes": ",".join(self.live.classes),
            "shadow_classes": ",".join(self.shadow.classes),
            "agree": agree,
            "live_reason": None if agree else self.live.reason,
            "shadow_reason": None if agree else self.shadow.reason,
        }


class Decider:
    """Built once per process from a deployment; one engine per revision."""

    def __init__(self, deployment: Deployment, relist: RelistIndex | None = None) -> None:
        self.deployment = deployment
        self.live = Engine(deployment.live, relist=relist)
        self.staged = Engine(deployment.staged, relist=relist) if deployment.staged else None
        self.shadow = Engine(deployment.shadow, relist=relist) if deployment.shadow else None

    @property
    def engines(self) -> list[Engine]:
        return [e for e in (self.live, self.staged, self.shadow) if e is not None]

    def set_relist(self, relist: RelistIndex | None) -> None:
        for engine in self.engines:
            engine.relist = relist

    def decide_batch(
        self, listings: list[Listing], *, as_of: dt.date, jurisdiction: str | None = None
    ) -> tuple[list[Verdict], list[ShadowPair]]:
        """The verdicts that count, in input order, and the shadow comparisons (if any)."""
        docs = [Document.of(x) for x in listings]
        verdicts = self._in_force(docs, as_of, jurisdiction)
        if self.shadow is None:
            return verdicts, []
        shadow = self.shadow.decide_documents(docs, as_of=as_of, jurisdiction=jurisdiction)
        return verdicts, [ShadowPair(a, b) for a, b in zip(verdicts, shadow, strict=True)]

    def _in_force(
        self, docs: list[Document], as_of: dt.date, jurisdiction: str | None
    ) -> list[Verdict]:
        scope = self.deployment.scope
        if self.staged is None or scope is None:
            return self.live.decide_documents(docs, as_of=as_of, jurisdiction=jurisdiction)
        pack_id = self.deployment.live.id
        staged = [
            scope.covers(
                pack_id, d.listing.seller_id, d.listing.id, jurisdiction or d.listing.country
            )
            for d in docs
        ]
        out: list[Verdict | None] = [None] * len(docs)
        for engine, chosen in ((self.staged, True), (self.live, False)):
            where = [i for i, s in enumerate(staged) if s == chosen]
            if not where:
                continue
            decided = engine.decide_documents(
                [docs[i] for i in where], as_of=as_of, jurisdiction=jurisdiction
            )
            for i, verdict in zip(where, decided, strict=True):
                out[i] = verdict
        return [v for v in out if v is not None]
