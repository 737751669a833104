"""Access checks per second for a pack of 100 rules, beside the obvious alternative.

    .venv/bin/python bench/access.py [--rules 100] [--checks 300000]

Writes a generated pack (20 countries, 10 actions, KYC/IP selectors, shutdown rules, creation
dates, attributes, 1–3 phases per rule) to a temporary folder, then times on one core:
* ``AccessRules.check`` (rules compiled once, indexed by action and jurisdiction);
* the obvious alternative: every rule's subjects and phases tested on every check, in rule
  order, with deny-overrides, straight from the validated pack model.
Both must agree on every check. (The HTTP service does not exist yet; its figure comes with it.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import yaml

from proscribe import load_pack
from proscribe.access import AccessRules, Subject
from proscribe.access.rules import SEVERITY
from proscribe.policy.schema import Access

COUNTRIES = [
    "CN",
    "US",
    "SG",
    "DE",
    "FR",
    "JP",
    "KR",
    "IN",
    "BR",
    "GB",
    "HK",
    "TW",
    "RU",
    "TR",
    "NG",
    "VN",
    "TH",
    "ID",
    "MX",
    "CA",
]
ACTIONS = [
    "register",
    "login",
    "deposit",
    "withdraw",
    "trade",
    "transfer",
    "list-item",
    "buy",
    "stake",
    "lend",
]
EFFECTS = ["allow", "deny", "allow-with-notice", "require-review"]


def _rule(i: int, rng: random.Random) -> dict[str, object]:
    kind = rng.random()
    if kind < 0.05:
        subjects: dict[str, object] = {"scope": "all"}
    elif kind < 0.25:
        subjects = {rng.choice(["kyc_country", "ip_country"]): rng.sample(COUNTRIES, 2)}
    else:
        subjects = {"countries": rng.sample(COUNTRIES, rng.randint(1, 3))}
    if rng.random() < 0.2:
        subjects["created_from"] = f"2021-{rng.randint(1, 12):02d}-01 00:00:00"
    if rng.random() < 0.1:
        subjects["attributes"] = {"tier": rng.choice(["vip", "basic"])}
    start = dt.datetime(2021, rng.randint(1, 12), 1)
    phases = []
    for _ in range(rng.randint(1, 3)):
        end = start + dt.timedelta(days=rng.randint(20, 120))
        phases.append(
            {
                "start": start.strftime("%Y-%m-%d %H:%M:%S"),
                "end": end.strftime("%Y-%m-%d %H:%M:%S"),
                "effect": rng.choice(EFFECTS),
            }
        )
        start = end
    return {
        "id": f"rule-{i}",
        "subjects": subjects,
        "actions": rng.sample(ACTIONS, rng.randint(1, 3)),
        "phases": phases,
    }


def write_pack(rules: int) -> Path:
    rng = random.Random(5)
    folder = Path(tempfile.mkdtemp()) / "bench-access"
    folder.mkdir()
    pack = {
        "id": "bench-access",
        "revision": "1",
        "title": "generated",
        "jurisdictions": ["*"],
        "unknown_jurisdiction": "apply",
        "phases": {"effective": dt.date(2021, 1, 1)},
        "access": {
            "timezone": "Asia/Shanghai",
            "precedence": ["kyc_country", "ip_country"],
            "actions": ACTIONS,
            "rules": [_rule(i, rng) for i in range(rules)],
        },
    }
    (folder / "pack.yaml").write_text(yaml.safe_dump(pack, sort_keys=False))
    return folder


def naive(access: Access, zone: dt.tzinfo, subject: Subject, action: str, when: dt.datetime) -> str:
    """Every rule, every check: the evaluator one writes first."""
    where = subject.kyc_country or subject.ip_country
    found = []
    for rule in access.rules:
        s = rule.subjects
        if action not in rule.actions:
            continue
        if s.scope != "all" and (
            (s.countries and where not in s.countries)
            or (s.kyc_country and subject.kyc_country not in s.kyc_country)
            or (s.ip_country and subject.ip_country not in s.ip_country)
        ):
            continue
        if s.created_from and (
            subject.created_at is None or subject.created_at < s.created_from.replace(tzinfo=zone)
        ):
            continue
        if any(subject.attributes.get(k) != v for k, v in s.attributes.items()):
            continue
        for phase in rule.phases:
            end = phase.end.replace(tzinfo=zone) if phase.end else None
            if phase.start.replace(tzinfo=zone) <= when and (end is None or when < end):
                found.append(phase.effect)
    return max(found, key=SEVERITY.index) if found else access.default


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rules", type=int, default=100)
    parser.add_argument("--checks", type=int, default=300_000)
    args = parser.parse_args()
    pack = load_pack(write_pack(args.rules))
    rules = AccessRules(pack)
    rng = random.Random(9)
    subjects = [
        Subject.of(
            {
                "id": f"u{i}",
                "kyc_country": rng.choice([*COUNTRIES, ""]),
                "ip_country": rng.choice(COUNTRIES),
                "created_at": f"2021-{rng.randint(1, 12):02d}-15",
                "tier": rng.choice(["vip", "basic", ""]),
            },
            rules.zone,
        )
        for i in range(1000)
    ]
    start = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    work = [
        (
            rng.choice(subjects),
            rng.choice(ACTIONS),
            start + dt.timedelta(seconds=rng.randint(0, 600 * 86400)),
        )
        for _ in range(args.checks)
    ]
    began = time.perf_counter()
    fast = [rules.check(s, a, as_of=w).effect for s, a, w in work]
    compiled = args.checks / (time.perf_counter() - began)
    sample = work[: args.checks // 10]
    access = pack.spec.access
    assert access is not None
    began = time.perf_counter()
    slow = [naive(access, rules.zone, s, a, w) for s, a, w in sample]
    baseline = len(sample) / (time.perf_counter() - began)
    assert slow == fast[: len(sample)], "the two evaluators disagree"
    print(
        f"pack of {args.rules} rules, {len(ACTIONS)} actions, {len(COUNTRIES)} countries; one core"
    )
    print(
        f"AccessRules.check (compiled, indexed)   : {compiled:12,.0f} checks/s  ({args.checks:,})"
    )
    print(
        f"naive: every rule on every check        : {baseline:12,.0f} checks/s  ({len(sample):,})"
    )
    print(f"speed-up {compiled / baseline:.1f}x; both agree on all {len(sample):,} compared checks")


if __name__ == "__main__":
    main()
