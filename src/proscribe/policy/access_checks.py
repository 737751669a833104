"""Checks of a pack's access rules: explicit time zones, ordered phases, decidable conflicts."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterator

from proscribe.errors import Diagnostic
from proscribe.policy.schema import Access, AccessRule, AccessSubjects
from proscribe.policy.yamlsource import YamlDocument

Path_ = tuple[str | int, ...]
FOREVER = dt.datetime.max.replace(tzinfo=dt.UTC)


def zone_of(access: Access) -> dt.tzinfo | None:
    return zoneinfo.ZoneInfo(access.timezone) if access.timezone else None


def aware(value: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """``value`` with its offset, or read in ``zone`` when it has none."""
    if value.tzinfo is not None:
        return value
    assert zone is not None, "checked at load: naive times need access.timezone"
    return value.replace(tzinfo=zone)


def check_access(access: Access, doc: YamlDocument) -> list[Diagnostic]:
    try:
        zone = zone_of(access)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return [
            Diagnostic(
                "PSC-P024",
                f"unknown time zone '{access.timezone}'",
                doc.locate(("access", "timezone")),
                "use an IANA name such as Asia/Shanghai",
            )
        ]
    found: list[Diagnostic] = []
    for index, rule in enumerate(access.rules):
        found += _rule(rule, zone, doc, ("access", "rules", index))
    if found:
        return found
    if access.combining == "only-one-applicable":
        found += _conflicts(access, zone, doc)
    return found


def _rule(
    rule: AccessRule, zone: dt.tzinfo | None, doc: YamlDocument, path: Path_
) -> list[Diagnostic]:
    found = list(_naive_times(rule, zone, doc, path))
    if found:
        return found
    found += _subjects(rule.subjects, doc, (*path, "subjects"))
    spans = sorted(
        (aware(p.start, zone), aware(p.end, zone) if p.end else FOREVER, i)
        for i, p in enumerate(rule.phases)
    )
    for start, end, i in spans:
        if end <= start:
            found.append(
                Diagnostic(
                    "PSC-P021",
                    f"rule '{rule.id}': phase {i + 1} ends before it starts",
                    doc.locate((*path, "phases", i, "end")),
                    "a phase runs from start (inclusive) to end (exclusive)",
                )
            )
    for (_, end_a, a), (start_b, _, b) in itertools.pairwise(spans):
        if start_b < end_a:
            found.append(
                Diagnostic(
                    "PSC-P021",
                    f"rule '{rule.id}': phases {a + 1} and {b + 1} overlap",
                    doc.locate((*path, "phases", b, "start")),
                    "end a phase where the next one starts",
                )
            )
    return found


def _naive_times(
    rule: AccessRule, zone: dt.tzinfo | None, doc: YamlDocument, path: Path_
) -> Iterator[Diagnostic]:
    if zone is not None:
        return
    times = [
        ((*path, "phases", i, key), getattr(p, key))
        for i, p in enumerate(rule.phases)
        for key in ("start", "end")
    ]
    times += [
        ((*path, "subjects", key), getattr(rule.subjects, key))
        for key in ("created_before", "created_from")
    ]
    for where, value in times:
        if value is not None and value.tzinfo is None:
            yield Diagnostic(
                "PSC-P020",
                f"rule '{rule.id}': time {value} has no time zone",
                doc.locate(where),
                "write the offset (2021-09-28T00:00:00+08:00) or "
                "set access.timezone (e.g. Asia/Shanghai)",
            )


def _subjects(subjects: AccessSubjects, doc: YamlDocument, path: Path_) -> list[Diagnostic]:
    named = (
        subjects.countries or subjects.kyc_country or subjects.ip_country or subjects.phone_country
    )
    if subjects.scope == "jurisdiction" and not named:
        return [
            Diagnostic(
                "PSC-P022",
                "the rule selects no country",
                doc.locate(path),
                "list countries (or kyc_country, ip_country, phone_country), or write "
                "scope: all for every user",
            )
        ]
    if subjects.scope == "all" and named:
        return [
            Diagnostic(
                "PSC-P023",
                "scope: all selects every user, yet countries are listed",
                doc.locate(path),
                "remove the countries, or use scope: jurisdiction",
            )
        ]
    return []


def _conflicts(access: Access, zone: dt.tzinfo | None, doc: YamlDocument) -> list[Diagnostic]:
    """Under only-one-applicable, two rules that can apply at once with different effects."""
    found = []
    for (_, a), (j, b) in itertools.combinations(enumerate(access.rules), 2):
        clash = _clash(a, b, zone)
        if clash:
            found.append(
                Diagnostic(
                    "PSC-P025",
                    f"rules '{a.id}' and '{b.id}' can both apply to {clash} with different "
                    "effects, and combining is only-one-applicable",
                    doc.locate(("access", "rules", j)),
                    "narrow one rule's subjects, actions or phases, or choose a combining strategy "
                    "that decides (deny-overrides, permit-overrides, first-applicable)",
                )
            )
    return found


def _clash(a: AccessRule, b: AccessRule, zone: dt.tzinfo | None) -> str | None:
    actions = (
        set(a.actions) & set(b.actions)
        if "*" not in a.actions + b.actions
        else (set(a.actions) | set(b.actions))
    )
    if not actions or not _may_overlap(a.subjects, b.subjects, zone):
        return None
    for pa, pb in itertools.product(a.phases, b.phases):
        if pa.effect == pb.effect:
            continue
        start = max(aware(pa.start, zone), aware(pb.start, zone))
        end = min(
            aware(pa.end, zone) if pa.end else FOREVER, aware(pb.end, zone) if pb.end else FOREVER
        )
        if start < end:
            return f"'{sorted(actions)[0]}' from {start.isoformat()}"
    return None


def _may_overlap(a: AccessSubjects, b: AccessSubjects, zone: dt.tzinfo | None) -> bool:
    for key in ("countries", "kyc_country", "ip_country", "phone_country"):
        left, right = getattr(a, key), getattr(b, key)
        if left and right and not set(left) & set(right):
            return False
    shared = set(a.attributes) & set(b.attributes)
    if any(a.attributes[k] != b.attributes[k] for k in shared):
        return False
    low = max([aware(t, zone) for t in (a.created_from, b.created_from) if t], default=None)
    high = min([aware(t, zone) for t in (a.created_before, b.created_before) if t], default=None)
    return low is None or high is None or low < high
