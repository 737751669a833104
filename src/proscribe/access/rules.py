"""``AccessRules.check(subject, action, *, as_of) -> AccessDecision``: who may do what, when.

Rules are compiled once per pack: times become epoch seconds, and rules are indexed by action
and by the jurisdiction they select, so a check looks only at the few rules that can apply.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
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
    """The effect for one subject, action and instant, with the rule and phase behind it.

    ``reason`` is written only when read: most callers need the effect alone.
    """

    effect: str
    action: str
    rule: str | None
    phase: int | None
    start: dt.datetime | None
    end: dt.datetime | None
    notice: str | None
    pack: str
    revision: str
    what: str = ""  # the deciding rule's description
    zone: dt.tzinfo = dt.UTC

    @property
    def allowed(self) -> bool:
        return self.effect in ("allow", "allow-with-notice")

    @property
    def reason(self) -> str:
        if self.rule is None or self.start is None:
            return f"{self.effect}: no rule of {self.pack} applies (its default)"
        since = self.start.astimezone(self.zone).isoformat(timespec="minutes")
        until = (
            f" until {self.end.astimezone(self.zone).isoformat(timespec='minutes')}"
            if self.end
            else ""
        )
        return (
            f"{self.effect}: rule '{self.rule}' phase {self.phase} (from {since}{until}): "
            f"{self.what}"
        )

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
        self._decisions: dict[tuple[str, int, int], AccessDecision] = {}

    def known(self, action: str) -> None:
        """An action the pack does not declare (or, undeclared, no rule names while no rule
        covers every action) is a usage error: a typo must not fall through to the default."""
        if action in self.actions or (not self.spec.actions and self._wildcard):
            return
        if not self.actions:
            return
        guess = difflib.get_close_matches(action, self.actions, n=1)
        raise UsageError(
            Diagnostic(
                "PSC-U051",
                f"unknown action '{action}': pack {self.pack.id} declares "
                + ", ".join(self.actions),
                None,
                (f"did you mean '{guess[0]}'? " if guess else "")
                + "use one of the pack's actions (`access.actions` in pack.yaml)",
            )
        )

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
        self.known(action)
        ts = as_of.timestamp()
        where = self.jurisdiction(subject)
        index, general = self._plan.get(action) or self._wild_plan
        best = self._scan(general, subject, where, ts, None)
        for field, country in (
            ("countries", where),
            ("kyc_country", subject.kyc_country),
            ("ip_country", subject.ip_country),
            ("phone_country", subject.phone_country),
        ):
            listed = index.get((field, country)) if country else None
            if listed:
                best = self._scan(listed, subject, where, ts, best)
        return self._decision(action, best)

    def _decision(self, action: str, best: tuple[_Rule, _Phase] | None) -> AccessDecision:
        """Decisions depend only on (action, rule, phase): each is built once and reused."""
        key = (action, best[0].order, best[1].index) if best else (action, -1, -1)
        decision = self._decisions.get(key)
        if decision is None:
            if best is None:
                decision = AccessDecision(
                    self.spec.default,
                    action,
                    None,
                    None,
                    None,
                    None,
                    None,
                    self.pack.id,
                    self.pack.revision,
                    "",
                    self.zone,
                )
            else:
                rule, phase = best
                decision = AccessDecision(
                    phase.effect,
                    action,
                    rule.id,
                    phase.index + 1,
                    phase.start_at,
                    phase.end_at,
                    phase.notice,
                    self.pack.id,
                    self.pack.revision,
                    rule.description or rule.id,
                    self.zone,
                )
            self._decisions[key] = decision
        return decision

    def _scan(
        self,
        rules: Any,
        subject: Subject,
        where: str | None,
        ts: float,
        best: tuple[_Rule, _Phase] | None,
    ) -> tuple[_Rule, _Phase] | None:
        """Fold the applicable rules of ``rules`` into ``best`` by the combining strategy."""
        better = self._better
        for rule in rules:
            phase = rule.phase_at(ts)
            if (
                phase is not None
                and rule.matches(subject, where)
                and (best is None or better(rule, phase, best))
            ):
                best = (rule, phase)
        return best

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

    def _better(self, rule: _Rule, phase: _Phase, best: tuple[_Rule, _Phase]) -> bool:
        """Whether (rule, phase) beats ``best`` under the pack's combining strategy."""
        other_rule, other = best
        rank = SEVERITY.index
        if self.spec.combining == "first-applicable":
            return rule.order < other_rule.order
        if self.spec.combining == "permit-overrides":
            return (rank(phase.effect), rule.order) < (rank(other.effect), other_rule.order)
        # deny-overrides (only-one-applicable is conflict-free by the load-time check)
        return (rank(phase.effect), -rule.order) > (rank(other.effect), -other_rule.order)


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


def _plan(rules: list[_Rule]) -> tuple[Mapping[tuple[str, str], list[_Rule]], list[_Rule]]:
    """Each rule under its most selective selector: (field, country) → rules; shutdowns apart.

    A rule is filed once — under its resolved-jurisdiction countries if it has them, else its
    KYC, IP or phone countries — and ``matches`` still checks every selector it has.
    """
    index: dict[tuple[str, str], list[_Rule]] = {}
    general: list[_Rule] = []
    for rule in rules:
        field, countries = _selector(rule)
        if field is None:
            general.append(rule)
            continue
        for country in countries:
            index.setdefault((field, country), []).append(rule)
    return index, general


def _selector(rule: _Rule) -> tuple[str | None, frozenset[str]]:
    if rule.everyone:
        return None, frozenset()
    for field, countries in (
        ("countries", rule.countries),
        ("kyc_country", rule.kyc),
        ("ip_country", rule.ip),
        ("phone_country", rule.phone),
    ):
        if countries:
            return field, countries
    return None, frozenset()
