"""``proscribe access check|timeline|sweep``: account actions by jurisdiction and phase."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from proscribe.access import AccessRules, Subject
from proscribe.access.sweep import STATES, AccessSweep
from proscribe.cli.common import open_db, stderr, stdout
from proscribe.errors import Diagnostic, ProscribeError, UsageError
from proscribe.iterate import batched
from proscribe.policy import load_pack
from proscribe.store import DEFAULT_URL

app = typer.Typer(help="Account actions by jurisdiction and phase.", no_args_is_help=True)
PackOption = Annotated[str, typer.Option(help="Pack with access rules (id or folder).")]
SubjectOption = Annotated[str, typer.Option(help='JSON, e.g. {"id":"u1","kyc_country":"CN"}')]
EXIT = {"allow": 0, "allow-with-notice": 0, "deny": 1, "require-review": 3}
SHOWN = 50


def _rules(pack: str) -> AccessRules:
    policy = load_pack(pack)
    if policy.spec.access is None or not policy.spec.access.rules:
        raise UsageError(
            Diagnostic(
                "PSC-U011",
                f"pack '{policy.id}' declares no access rules",
                None,
                "use a pack with an `access` section, e.g. cn-exchange-offboarding-2021",
            )
        )
    return AccessRules(policy)


def _subject(text: str, rules: AccessRules) -> Subject:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise UsageError(
            Diagnostic(
                "PSC-U012",
                f"--subject is not JSON: {exc}",
                None,
                'quote it: --subject \'{"id":"u1","kyc_country":"CN"}\'',
            )
        ) from exc
    if not isinstance(data, dict):
        raise UsageError(
            Diagnostic(
                "PSC-U012",
                "--subject must be a JSON object",
                None,
                '{"id":"u1","kyc_country":"CN","created_at":"2021-03-01"}',
            )
        )
    return Subject.of(data, rules.zone)


def _instant(value: str | None, rules: AccessRules) -> dt.datetime:
    """An ISO time; one without an offset is read in the pack's time zone."""
    if value is None:  # the adapter reads the wall clock; the rules never do
        return dt.datetime.now(dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            Diagnostic(
                "PSC-U001",
                f"--as-of '{value}' is not a date or time",
                None,
                "write e.g. 2021-11-05T10:00+08:00",
            )
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=rules.zone)


@app.command("check")
def check(
    subject: SubjectOption,
    action: Annotated[str, typer.Option(help="register, login, deposit, withdraw, …")],
    pack: PackOption = "cn-exchange-offboarding-2021",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="ISO time (default: now, and says so).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the decision as JSON.")] = False,
) -> None:
    """May this subject take this action now? An action the pack does not declare is a
    usage error (exit 2). Exit 0 allow, 1 deny, 3 require-review."""
    rules = _rules(pack)
    who = _subject(subject, rules)
    instant = _instant(as_of, rules)
    decision = rules.check(who, action, as_of=instant)
    place = rules.jurisdiction(who)
    said = {
        "as_of": instant.isoformat(),
        "as_of_source": "given" if as_of else "now",
        "jurisdiction": place,
    }
    if as_json:
        stdout.out(orjson.dumps(decision.to_record() | said).decode())
    else:
        stdout.print(
            f"{action} by {who.id} as of {instant.isoformat(timespec='minutes')}"
            + ("" if as_of else " (now: --as-of not given)")
            + f" in {place or 'no known country'} under {rules.pack.id} {rules.pack.revision}",
            markup=False,
        )
        stdout.print(decision.reason, markup=False)
        if decision.notice:
            stdout.print(f"notice: {decision.notice}", markup=False)
    raise typer.Exit(EXIT[decision.effect])


@app.command("timeline")
def timeline(
    subject: SubjectOption,
    pack: PackOption = "cn-exchange-offboarding-2021",
    plot: Annotated[Path | None, typer.Option(help="Also draw it to FILE.png or FILE.svg.")] = None,
) -> None:
    """Which actions the subject may take in each period between phase edges."""
    rules = _rules(pack)
    who = _subject(subject, rules)
    periods = _periods(rules, who)
    table = Table(
        title=f"{who.id} under {rules.pack.id} ({rules.spec.timezone or 'UTC'})", show_edge=False
    )
    table.add_column("period")
    for action in rules.actions:
        table.add_column(action)
    for label, _, effects in periods:
        table.add_row(label, *(effects[a] for a in rules.actions))
    stdout.print(table)
    if plot is not None:
        from proscribe.report.timeline import draw_timeline

        draw_timeline(plot, rules, who, periods)
        stdout.print(f"timeline picture: {plot.resolve()}", markup=False)


def _periods(rules: AccessRules, who: Subject) -> list[tuple[str, dt.datetime, dict[str, str]]]:
    """One row per period between phase edges: its label, first instant and effects."""
    edges = rules.edges(who)

    def fmt(instant: dt.datetime) -> str:
        return instant.astimezone(rules.zone).strftime("%Y-%m-%d %H:%M")

    starts = [edges[0] - dt.timedelta(seconds=1), *edges] if edges else [dt.datetime.now(dt.UTC)]
    rows = []
    for index, start in enumerate(starts):
        if index == 0 and edges:
            label = f"before {fmt(edges[0])}"
        elif index + 1 < len(starts):
            label = f"{fmt(start)} → {fmt(starts[index + 1])}"
        else:
            label = f"from {fmt(start)}" if edges else "always"
        effects = {a: rules.check(who, a, as_of=start).effect for a in rules.actions}
        rows.append((label, start, effects))
    return rows


@app.command("sweep")
def sweep(
    accounts: Annotated[
        Path, typer.Argument(help="CSV: id, kyc_country, ip_country, phone_country, created_at, …")
    ],
    pack: PackOption = "cn-exchange-offboarding-2021",
    as_of: Annotated[str | None, typer.Option("--as-of", help="ISO date or time.")] = None,
    db: Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")] = DEFAULT_URL,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would happen; write nothing.")
    ] = False,
    actor: Annotated[str, typer.Option(help="Who runs this, for the audit log.")] = "proscribe",
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Which accounts must be notified, restricted or retired at a date; recorded idempotently."""
    rules = _rules(pack)
    when = _instant(as_of, rules)
    engine = open_db(db)
    runner = AccessSweep(rules, actor=actor)
    changed: Counter[str] = Counter()
    shown = 0
    with engine.connect() as conn:
        transaction = conn.begin()
        for batch in batched(_accounts(accounts, rules), 1000):
            changes = runner.apply(conn, batch, when)
            for action in changes.actions:
                changed[action.kind] += 1
                if shown < SHOWN and not as_json:
                    stdout.print(
                        f"{'would be ' if dry_run else ''}{action.kind}: {action.subject}: "
                        f"{action.detail}",
                        markup=False,
                    )
                    shown += 1
            if not dry_run:
                transaction.commit()
                transaction = conn.begin()
        transaction.rollback() if dry_run else transaction.commit()
    summary = {state: changed[state] for state in STATES[1:]} | {
        "dry_run": dry_run,
        "as_of": when.isoformat(),
    }
    if as_json:
        stdout.out(orjson.dumps(summary).decode())
    else:
        stdout.print(
            "accounts changed: " + ", ".join(f"{s} {changed[s]:,}" for s in STATES[1:]),
            markup=False,
        )


def _accounts(path: Path, rules: AccessRules) -> Any:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(
            Diagnostic(
                "PSC-C001", f"cannot read the accounts: {exc.strerror}", None, "check the path"
            )
        ) from exc
    with handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "id" not in reader.fieldnames:
            raise UsageError(
                Diagnostic(
                    "PSC-C003",
                    "the accounts file has no 'id' column",
                    None,
                    "columns: id, kyc_country, ip_country, phone_country, "
                    "created_at, and any attributes",
                )
            )
        for row in reader:
            try:
                yield Subject.of(row, rules.zone)
            except ProscribeError as exc:  # reported and skipped, never fatal
                first = exc.diagnostics[0]
                stderr.print(
                    f"{path}: row {reader.line_num} (id {row.get('id') or '?'}): "
                    f"{first.code} {first.message}\n    hint: {first.hint}",
                    markup=False,
                )
