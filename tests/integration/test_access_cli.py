"""``proscribe access`` as a user runs it; the sweep on real SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from proscribe.store import engine_for
from proscribe.store.tables import account_states, audit_events

Cli = Callable[..., subprocess.CompletedProcess[str]]
CN = '{"id":"u1","kyc_country":"CN","created_at":"2021-03-01"}'


@pytest.mark.parametrize(
    ("action", "as_of", "code", "effect"),
    [
        ("deposit", "2021-11-05T10:00+08:00", 1, "deny"),
        ("login", "2021-11-05T10:00+08:00", 0, "allow-with-notice"),
        ("withdraw", "2021-12-05T10:00", 3, "require-review"),  # no offset: the pack's zone
        ("deposit", "2021-09-20T10:00+08:00", 0, "allow"),
    ],
)
def test_check_exit_codes_and_json(
    cli: Cli, action: str, as_of: str, code: int, effect: str
) -> None:
    done = cli(
        "access",
        "check",
        "--pack",
        "cn-exchange-offboarding-2021",
        "--subject",
        CN,
        "--action",
        action,
        "--as-of",
        as_of,
        "--json",
    )
    assert done.returncode == code, done.stderr
    record = json.loads(done.stdout)
    assert record["effect"] == effect
    assert record["pack"] == "cn-exchange-offboarding-2021"


def test_check_text_names_rule_phase_and_notice(cli: Cli) -> None:
    done = cli(
        "access", "check", "--subject", CN, "--action", "login", "--as-of", "2021-11-05T10:00+08:00"
    )
    assert "rule 'cn-login-notice' phase 1" in done.stdout
    assert "notice: Your account is withdrawal-only" in done.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--subject", "{not json", "--action", "login"), "PSC-U012"),
        (("--subject", '{"kyc_country":"CN"}', "--action", "login"), "PSC-U009"),
        (("--subject", CN, "--action", "login", "--pack", "cn-crypto-mining-2021"), "PSC-U011"),
        (("--subject", CN, "--action", "login", "--as-of", "yesterday"), "PSC-U001"),
    ],
)
def test_bad_check_input_exits_two(cli: Cli, args: tuple[str, ...], code: str) -> None:
    done = cli("access", "check", *args)
    assert done.returncode == 2 and code in done.stderr


def test_an_unknown_action_is_a_usage_error_naming_the_packs_actions(cli: Cli) -> None:
    done = cli("access", "check", "--subject", CN, "--action", "depsit")
    assert done.returncode == 2, done.stdout
    assert "PSC-U051" in done.stderr and "did you mean 'deposit'?" in done.stderr
    assert "register, login, deposit, withdraw, trade, transfer" in done.stderr


def test_check_says_when_and_where_it_decided(cli: Cli) -> None:
    now = cli("access", "check", "--subject", CN, "--action", "register")
    assert "(now: --as-of not given) in CN under cn-exchange-offboarding-2021" in now.stdout
    given = cli(
        "access",
        "check",
        "--subject",
        CN,
        "--action",
        "login",
        "--as-of",
        "2021-11-05T10:00+08:00",
        "--json",
    )
    record = json.loads(given.stdout)
    assert (record["as_of_source"], record["jurisdiction"]) == ("given", "CN")
    assert record["as_of"] == "2021-11-05T10:00:00+08:00"


def test_timeline_table_and_picture(cli: Cli, tmp_path: Path) -> None:
    picture = tmp_path / "timeline.svg"
    done = cli("access", "timeline", "--subject", CN, "--plot", str(picture))
    assert done.returncode == 0, done.stderr
    assert "require-review" in done.stdout.replace("\n", "") or "require-r" in done.stdout
    assert picture.read_text().startswith("<?xml")


def _accounts(tmp_path: Path) -> str:
    path = tmp_path / "accounts.csv"
    path.write_text(
        "id,kyc_country,ip_country,created_at,tier\n"
        "a1,CN,,2021-03-01,vip\n"
        "a2,SG,CN,2020-01-01,\n"
        "a3,US,,2021-05-05,\n"
        "a4,CN,CN,2021-06-01,\n"
    )
    return str(path)


def _states(db: str) -> dict[str, str]:
    with engine_for(db).connect() as conn:
        return {r.account_id: r.state for r in conn.execute(sa.select(account_states))}


def test_sweep_through_the_ledger_is_idempotent(cli: Cli, db_url: str, tmp_path: Path) -> None:
    accounts = _accounts(tmp_path)
    sweep = (
        "access",
        "sweep",
        accounts,
        "--pack",
        "cn-exchange-offboarding-2021",
        "--db",
        db_url,
        "--json",
        "--as-of",
    )
    notified = json.loads(cli(*sweep, "2021-11-05").stdout)
    assert notified["restricted"] == 2 and notified["retired"] == 0
    assert _states(db_url) == {"a1": "restricted", "a4": "restricted"}
    with engine_for(db_url).connect() as conn:
        events = conn.execute(sa.select(sa.func.count()).select_from(audit_events)).scalar_one()
    again = json.loads(cli(*sweep, "2021-11-05").stdout)
    assert again["restricted"] == again["retired"] == 0
    with engine_for(db_url).connect() as conn:
        assert (
            conn.execute(sa.select(sa.func.count()).select_from(audit_events)).scalar_one()
            == events
        )
    retired = json.loads(cli(*sweep, "2021-12-02").stdout)
    assert retired["retired"] == 2  # only a reviewed withdrawal is left
    assert _states(db_url) == {"a1": "retired", "a4": "retired"}


def test_sweep_dry_run_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    done = cli(
        "access", "sweep", _accounts(tmp_path), "--as-of", "2021-11-05", "--db", db, "--dry-run"
    )
    assert "would be restricted: account:a1" in done.stdout
    assert _states(db) == {}


def test_pool_shutdown_retires_everyone_after_withdrawals_close(cli: Cli, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    done = cli(
        "access",
        "sweep",
        _accounts(tmp_path),
        "--pack",
        "cn-mining-pool-shutdown-2021",
        "--as-of",
        "2022-01-02",
        "--db",
        db,
        "--json",
    )
    assert json.loads(done.stdout)["retired"] == 4
