"""``AccessRules.check(subject, action, *, as_of) -> AccessDecision``: who may do what, when.

Rules are compiled once per pack: times become epoch seconds, and rules are indexed by action
and by the jurisdiction they select, so a check looks only at the few rules that can apply.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from proscribe.access.subject import Subject
from proscribe.errors import Diagnostic, UsageError
from proscribe.policy import PolicyPack
from proscribe.policy.access_checks import aware, zone_of
from proscribe.policy.schema import Access, AccessRule

#: Strictness of effects, mildest first: deny-overrides takes the strictest.
SEVERITY = ("allow", "allow-with-notice", "require-review", "deny")
INFINITY = float("inf")


@dataclass(frozen=True, slots=True)
class AccessDecision:
    """The effect for one subject, action and instant, with the rule and phase behind it."""

    effect: str
    action: str
    rule: str | None
    phase: int | None
    start: dt.datetime | None
    end: dt.datetime | None
    reason: str
    notice: str | None
    pack: str
    revision: str

    @property
    def allowed(self) -> bool:
        return self.effect in ("allow", "allow-with-notice")

    def to_record(self) -> dict[str, Any]:
        return {
            "effect": self.effect,
            "allowed": self.allowed,
            "action": self.action,
            "rule": self.rule,
            "phase": self.phase,
            "from": self.start.isoformat() if self.start else None,
            "until": self.end.isoformat() if self.end else None,
            "reason": self.reason,
            "notice": self.notice,
            "pack": self.pack,
            "revision": self.revision,
        }


@dataclass(frozen=True, slots=True)
class _Phase:
    start: float
    end: float
    effect: str
    notice: str | None
    index: int
    start_at: dt.datetime
    end_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    order: int
    description: str | None
    everyone: bool
    countries: frozenset[str]
    kyc: frozenset[str]
    ip: frozenset[str]
    phone: frozenset[str]
    created_before: float
    created_from: float
    attributes: tuple[tuple[str, object], ...]
    starts: tuple[float, ...]
    phases: tuple[_Phase, ...]

    def matches(self, subject: Subject, jurisdiction: str | None) -> bool:
        if not self.everyone:
            if self.countries and jurisdiction not in self.countries:
                return False
            if (
                (self.kyc and subject.kyc_country not in self.kyc)
                or (self.ip and subject.ip_country not in self.ip)
                or (self.phone and subject.phone_country not in self.phone)
            ):
                return False
        created = subject.created
        if created is not None and not self.created_from <= created < self.created_before:
            return False
        if created is None and (self.created_before != INFINITY or self.created_from != -INFINITY):
            return False
        return all(subject.attributes.get(k) == v for k, v in self.attributes)

    def phase_at(self, ts: float) -> _Phase | None:
        index = bisect.bisect_right(self.starts, ts) - 1
        if index < 0:
            return None
        phase = self.phases[index]
        return phase if ts < phase.end else None


class AccessRules:
    """The compiled access rules of one pack."""

    def __init__(self, pack: PolicyPack) -> None:
        self.pack = pack
        self.spec: Access = pack.spec.access or Access()
        zone = zone_of(self.spec)
        self.zone = zone or dt.UTC
        rules = [_compile(i, r, zone) for i, r in enumerate(self.spec.rules)]
        self.actions = tuple(self.spec.actions) or tuple(
            sorted({a for r in self.spec.rules for a in r.actions if a != "*"})
        )
        self._by_action: dict[str, list[_Rule]] = {}
        self._wildcard = [
            r for r, src in zip(rules, self.spec.rules, strict=True) if "*" in src.actions
        ]
        for rule, source in zip(rules, self.spec.rules, strict=True):
            for action in source.actions:
                if action != "*":
                    self._by_action.setdefault(action, []).append(rule)
        for action, listed in self._by_action.items():
            self._by_action[action] = sorted(listed + self._wildcard, key=lambda r: r.order)
        self._plan = {a: _plan(rs) for a, rs in self._by_action.items()}
        self._wild_plan = _plan(self._wildcard)
        self._rules = rules

    def jurisdiction(self, subject: Subject) -> str | None:
        for source in self.spec.precedence:
            value = getattr(subject, source)
            if value:
                return str(value)
        return None

    def check(self, subject: Subject, action: str, *, as_of: dt.datetime) -> AccessDecision:
        if as_of.tzinfo is None:
            raise UsageError(
                Diagnostic(
                    "PSC-U008",
                    f"the time {as_of} has no time zone",
                    None,
                    "write an offset, e.g. 2021-11-05T10:00+08:00",
                )
            )
        ts = as_of.timestamp()
        where = self.jurisdiction(subject)
        by_country, general = self._plan.get(action) or self._wild_plan
        applicable: list[tuple[_Rule, _Phase]] = []
        for rule in by_country.get(where, general) if where else general:
            phase = rule.phase_at(ts)
            if phase is None or not rule.matches(subject, where):
                continue
            if self.spec.combining == "first-applicable":
                return self._decision(action, rule, phase)
            applicable.append((rule, phase))
        return self._combine(action, applicable)

    def edges(self, subject: Subject) -> list[dt.datetime]:
        """Every instant at which some rule that can apply to ``subject`` changes phase."""
        where = self.jurisdiction(subject)
        instants = set()
        for rule in self._rules:
            if rule.matches(subject, where):
                for phase in rule.phases:
                    instants.add(phase.start_at)
                    if phase.end_at is not None:
                        instants.add(phase.end_at)
        return sorted(instants)

    def _combine(self, action: str, applicable: list[tuple[_Rule, _Phase]]) -> AccessDecision:
        if not applicable:
            return AccessDecision(
                self.spec.default,
                action,
                None,
                None,
                None,
                None,
                f"no rule of {self.pack.id} applies: default {self.spec.default}",
                None,
                self.pack.id,
                self.pack.revision,
            )
        rank = SEVERITY.index
        if self.spec.combining == "permit-overrides":
            rule, phase = min(applicable, key=lambda rp: (rank(rp[1].effect), rp[0].order))
        else:  # deny-overrides; only-one-applicable is conflict-free by the load-time check
            rule, phase = max(applicable, key=lambda rp: (rank(rp[1].effect), -rp[0].order))
        return self._decision(action, rule, phase)

    def _decision(self, action: str, rule: _Rule, phase: _Phase) -> AccessDecision:
        since = phase.start_at.astimezone(self.zone).isoformat(timespec="minutes")
        until = (
            f" until {phase.end_at.astimezone(self.zone).isoformat(timespec='minutes')}"
            if phase.end_at
            else ""
        )
        what = rule.description or rule.id
        reason = f"{phase.effect}: rule '{rule.id}' phase {phase.index + 1} (from {since}{until}): {what}"
        return AccessDecision(
            phase.effect,
            action,
            rule.id,
            phase.index + 1,
            phase.start_at,
            phase.end_at,
            reason,
            phase.notice,
            self.pack.id,
            self.pack.revision,
        )


def _compile(order: int, rule: AccessRule, zone: dt.tzinfo | None) -> _Rule:
    phases = sorted(
        (_phase(i, p.start, p.end, p.effect, p.notice, zone) for i, p in enumerate(rule.phases)),
        key=lambda p: p.start,
    )
    s = rule.subjects
    return _Rule(
        rule.id,
        order,
        rule.description,
        s.scope == "all",
        frozenset(s.countries),
        frozenset(s.kyc_country),
        frozenset(s.ip_country),
        frozenset(s.phone_country),
        aware(s.created_before, zone).timestamp() if s.created_before else INFINITY,
        aware(s.created_from, zone).timestamp() if s.created_from else -INFINITY,
        tuple(sorted(s.attributes.items())),
        tuple(p.start for p in phases),
        tuple(phases),
    )


def _phase(
    index: int,
    start: dt.datetime,
    end: dt.datetime | None,
    effect: str,
    notice: str | None,
    zone: dt.tzinfo | None,
) -> _Phase:
    begin = aware(start, zone)
    finish = aware(end, zone) if end else None
    return _Phase(
        begin.timestamp(),
        finish.timestamp() if finish else INFINITY,
        effect,
        notice,
        index,
        begin,
        finish,
    )


def _plan(rules: list[_Rule]) -> tuple[Mapping[str, list[_Rule]], list[_Rule]]:
    """Per country, the rules a subject of that jurisdiction can meet, in rule order.

    Rules selecting only by resolved jurisdiction go to their countries; every other rule
    (shutdowns, KYC/IP/phone selectors) is in the general list and in every country's list.
    """
    general = [r for r in rules if r.everyone or not r.countries]
    by_country: dict[str, list[_Rule]] = {}
    for rule in rules:
        if rule.countries and not rule.everyone:
            for country in rule.countries:
                by_country.setdefault(country, []).append(rule)
    merged = {c: sorted(rs + general, key=lambda r: r.order) for c, rs in by_country.items()}
    return merged, general
