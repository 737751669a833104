from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proscribe import PackError, load_pack
from proscribe.access import AccessRules, Subject
from proscribe.access.rules import SEVERITY
from proscribe.policy.pack import BUNDLED

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
EXCHANGE = AccessRules(load_pack("cn-exchange-offboarding-2021"))
CN = Subject.of({"id": "u1", "kyc_country": "CN", "created_at": "2021-03-01"})
EDGES = [
    dt.datetime(2021, 9, 26, tzinfo=SHANGHAI),
    dt.datetime(2021, 9, 28, tzinfo=SHANGHAI),
    dt.datetime(2021, 12, 1, tzinfo=SHANGHAI),
]


@pytest.mark.parametrize(
    ("action", "edge", "before", "after"),
    [
        ("register", 0, "allow", "deny"),
        ("deposit", 1, "allow", "deny"),
        ("login", 1, "allow", "allow-with-notice"),
        ("login", 2, "allow-with-notice", "deny"),
        ("withdraw", 2, "allow-with-notice", "require-review"),
    ],
)
def test_each_phase_edge_one_second_either_side(
    action: str, edge: int, before: str, after: str
) -> None:
    instant = EDGES[edge]
    second = dt.timedelta(seconds=1)
    assert EXCHANGE.check(CN, action, as_of=instant - second).effect == before
    assert EXCHANGE.check(CN, action, as_of=instant).effect == after
    in_utc = instant.astimezone(dt.UTC)  # the same instants, written in another zone
    assert EXCHANGE.check(CN, action, as_of=in_utc - second).effect == before
    assert EXCHANGE.check(CN, action, as_of=in_utc).effect == after


def test_decision_names_rule_phase_and_reason() -> None:
    decision = EXCHANGE.check(CN, "deposit", as_of=dt.datetime(2021, 11, 5, 10, tzinfo=SHANGHAI))
    assert (decision.effect, decision.rule, decision.phase) == ("deny", "cn-withdrawal-only", 1)
    assert "may no longer deposit" in decision.reason
    assert not decision.allowed


def test_naive_instant_is_refused() -> None:
    with pytest.raises(Exception, match="no time zone"):
        EXCHANGE.check(CN, "deposit", as_of=dt.datetime(2021, 11, 5))


INSTANTS = st.datetimes(
    min_value=dt.datetime(2021, 9, 1), max_value=dt.datetime(2022, 3, 1), timezones=st.just(dt.UTC)
)
SUBJECTS = st.builds(
    lambda k, i: Subject.of({"id": "s", "kyc_country": k, "ip_country": i}),
    st.sampled_from(["CN", "SG", "US", ""]),
    st.sampled_from(["CN", "SG", ""]),
)


@settings(max_examples=200, deadline=None)
@given(SUBJECTS, st.sampled_from(EXCHANGE.actions), INSTANTS, INSTANTS)
def test_decision_changes_only_at_declared_phase_edges(
    subject: Subject, action: str, a: dt.datetime, b: dt.datetime
) -> None:
    low, high = sorted((a, b))
    if any(low < edge <= high for edge in EXCHANGE.edges(subject)):
        return
    assert (
        EXCHANGE.check(subject, action, as_of=low).effect
        == EXCHANGE.check(subject, action, as_of=high).effect
    )


@settings(max_examples=200, deadline=None)
@given(SUBJECTS, st.sampled_from(EXCHANGE.actions), INSTANTS)
def test_deny_overrides_never_lets_an_allow_beat_a_deny(
    subject: Subject, action: str, when: dt.datetime
) -> None:
    decision = EXCHANGE.check(subject, action, as_of=when)
    where = EXCHANGE.jurisdiction(subject)
    effects = [
        p.effect
        for r in EXCHANGE._by_action.get(action, [])
        if r.matches(subject, where) and (p := r.phase_at(when.timestamp())) is not None
    ]
    if effects:
        assert decision.effect == max(effects, key=SEVERITY.index)
    if "deny" in effects:
        assert decision.effect == "deny"


def _pack_with(tmp_path: Path, access: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(BUNDLED / "cn-exchange-offboarding-2021", folder)
    text = (folder / "pack.yaml").read_text()
    (folder / "pack.yaml").write_text(text[: text.index("access:")] + access)
    return folder


def _errors(folder: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return str(caught.value)


def test_conflict_left_undecided_is_rejected_naming_both_rules(tmp_path: Path) -> None:
    folder = _pack_with(
        tmp_path,
        """access:
  timezone: Asia/Shanghai
  combining: only-one-applicable
  rules:
    - id: stop-deposits
      subjects: {kyc_country: [CN]}
      actions: [deposit]
      phases: [{start: 2021-09-28 00:00:00, effect: deny}]
    - id: vip-deposits
      subjects: {attributes: {tier: vip}, kyc_country: [CN, SG]}
      actions: [deposit, trade]
      phases: [{start: 2021-10-01 00:00:00, end: 2021-11-01 00:00:00, effect: allow}]
""",
    )
    message = _errors(folder)
    assert "PSC-P025 rules 'stop-deposits' and 'vip-deposits'" in message
    assert "'deposit' from 2021-10-01" in message


def test_disjoint_rules_are_fine_under_only_one_applicable(tmp_path: Path) -> None:
    folder = _pack_with(
        tmp_path,
        """access:
  timezone: Asia/Shanghai
  combining: only-one-applicable
  rules:
    - id: cn
      subjects: {kyc_country: [CN]}
      actions: [deposit]
      phases: [{start: 2021-09-28 00:00:00, effect: deny}]
    - id: sg
      subjects: {kyc_country: [SG]}
      actions: [deposit]
      phases: [{start: 2021-09-28 00:00:00, effect: allow-with-notice}]
""",
    )
    assert load_pack(folder).spec.access is not None


@pytest.mark.parametrize(
    ("access", "code"),
    [
        (
            "access:\n  rules:\n    - {id: r, subjects: {kyc_country: [CN]}, actions: [login], "
            "phases: [{start: 2021-09-28 00:00:00, effect: deny}]}\n",
            "PSC-P020",
        ),
        ("access:\n  timezone: Mars/Olympus\n  rules: []\n", "PSC-P024"),
        (
            "access:\n  timezone: UTC\n  rules:\n    - {id: r, subjects: {kyc_country: [CN]}, "
            "actions: [login], phases: [{start: 2021-10-01 00:00:00, effect: deny}, "
            "{start: 2021-09-01 00:00:00, end: 2021-10-02 00:00:00, effect: allow}]}\n",
            "PSC-P021",
        ),
        (
            "access:\n  timezone: UTC\n  rules:\n    - {id: r, subjects: {}, actions: [login], "
            "phases: [{start: 2021-10-01 00:00:00, effect: deny}]}\n",
            "PSC-P022",
        ),
    ],
)
def test_access_rule_errors(tmp_path: Path, access: str, code: str) -> None:
    assert code in _errors(_pack_with(tmp_path, access))
