"""``proscribe pack check|show|schema|diff|activate|end|history``."""

from __future__ import annotations

import datetime as dt
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import orjson
import typer
from pydantic import BaseModel
from rich.table import Table

from proscribe.cases import CASES_GLOB, CasesFile, load_cases
from proscribe.cli.common import open_db, parse_as_of, parse_jurisdiction, stdout
from proscribe.cli.effective import class_status, effective_lines, effective_record
from proscribe.deploy import deployment_for
from proscribe.errors import Diagnostic, PackError, UsageError
from proscribe.policy import PolicyPack, load_pack, resolve_pack
from proscribe.policy.inspect import inspect_pack
from proscribe.policy.schema import ClassFile, PackFile
from proscribe.store import DEFAULT_URL

app = typer.Typer(help="Validate, describe and document policy packs.", no_args_is_help=True)


class SchemaKind(StrEnum):
    pack = "pack"
    class_ = "class"
    cases = "cases"


@app.command("check")
def check(
    path: Annotated[str, typer.Argument(help="Pack folder, pack.yaml or bundled id.")],
) -> None:
    """Validate a pack and its cases; print every error of every stage at once (YAML,
    schema, references, patterns, dates, country codes, normalisation, cases); exit 2."""
    folder = resolve_pack(path)
    found = inspect_pack(folder)
    problems = list(found.problems)
    pack = None
    if not problems:
        try:
            pack = load_pack(folder)  # the overrides and the model
        except PackError as exc:
            problems += exc.diagnostics
    cases = 0
    for file in sorted(folder.glob(CASES_GLOB)):
        try:
            parsed = load_cases(file, found.class_ids)
            cases += len(parsed.cases) + len(parsed.access)
        except PackError as exc:
            problems += exc.diagnostics
    if problems or pack is None:
        raise PackError(sorted(problems, key=_where))
    words = sum(len(w) for c in pack.classes for s in c.signals for w in s.words.values())
    patterns = sum(len(s.patterns) for c in pack.classes for s in c.signals)
    stdout.print(
        f"OK {pack.id} revision {pack.revision}: {len(pack.classes)} classes, {words} "
        f"words, {patterns} patterns, {cases} cases; digest {pack.digest[:12]}",
        markup=False,
    )


def _where(d: Diagnostic) -> tuple[str, int, int]:
    """pack.yaml first, then the other files; in each, top to bottom."""
    loc = d.location
    if loc is None:
        return ("", 0, 0)
    name = Path(loc.file).name
    return ("" if name == "pack.yaml" else name, loc.line or 0, loc.column or 0)


@app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="Bundled pack id or pack folder.")],
    jurisdiction: Annotated[
        str | None,
        typer.Option(help="Show the effective policy in this country (its overrides applied)."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Say what is in force on YYYY-MM-DD.")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(help="Show the revision live in this store (when one was activated)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the pack as JSON.")] = False,
) -> None:
    """Say what a pack prohibits, where and from when; for one country at one date."""
    with tempfile.TemporaryDirectory(prefix="proscribe-revision-") as restored:
        global_pack = (
            deployment_for(open_db(db), ref, Path(restored)).live if db else load_pack(ref)
        )
        _show_pack(global_pack, jurisdiction, as_of, as_json)


def _show_pack(
    global_pack: PolicyPack, jurisdiction: str | None, as_of: str | None, as_json: bool
) -> None:
    where = parse_jurisdiction(jurisdiction)
    pack = global_pack.effective(where)
    date = parse_as_of(as_of) if as_of else None
    if as_json:
        data = {
            "spec": pack.spec.model_dump(mode="json", by_alias=True),
            "classes": [c.model_dump(mode="json") for c in pack.classes],
            "digest": pack.digest,
            "overrides": [o.model_dump(mode="json", by_alias=True) for o in global_pack.overrides],
        }
        if where or date:
            data["effective"] = effective_record(pack, where, date)
        stdout.out(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
        return
    _describe(pack, global_pack, where, date)


class Mode(StrEnum):
    live = "live"
    staged = "staged"
    shadow = "shadow"


DbOption = Annotated[str, typer.Option(help="Database URL.", envvar="PROSCRIBE_DB")]


@app.command("activate")
def activate_command(
    path: Annotated[str, typer.Argument(help="Pack folder, pack.yaml or bundled id.")],
    note: Annotated[str, typer.Option(help="Why this revision goes live (kept and audited).")],
    by: Annotated[str, typer.Option(help="Who activates it.")] = "cli",
    mode: Annotated[
        Mode,
        typer.Option(
            help="live: everywhere (ends a stage); staged: for --share of sellers and/or "
            "--jurisdictions only; shadow: decided beside the live revision, recorded, no effect."
        ),
    ] = Mode.live,
    share: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="staged: the share of sellers (stable hashing)."),
    ] = None,
    jurisdictions: Annotated[
        str | None, typer.Option(help="staged: comma-separated country codes, e.g. HK,MO.")
    ] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Put a revision in place: its files, who, when and why are kept; an audit event is written."""
    from proscribe.deploy.revisions import activate

    countries = _countries(jurisdictions)
    if (share is not None or bool(countries)) != (mode == Mode.staged):
        raise UsageError(
            Diagnostic(
                "PSC-U042",
                "--share and --jurisdictions go with --mode staged, and it needs one of them",
                None,
                "e.g. --mode staged --share 0.1, or --mode staged --jurisdictions HK",
            )
        )
    pack = load_pack(path)
    done = activate(
        open_db(db), pack, by=by, note=note, mode=mode.value, share=share, jurisdictions=countries
    )
    if done is None:
        stdout.print(
            f"{pack.id} {pack.revision} is {mode.value} already (digest {pack.digest[:12]})"
        )
        return
    where = f" for {done.scope().describe()}" if mode == Mode.staged else ""
    stdout.print(
        f"activated {pack.id} {pack.revision} (digest {pack.digest[:12]}) as {mode.value}{where} "
        f"by {by}: {note}",
        markup=False,
    )


def _countries(value: str | None) -> list[str] | None:
    if value is None:
        return None
    codes = [c.strip() for c in value.split(",") if c.strip()]
    return [code for code in (parse_jurisdiction(c) for c in codes) if code is not None]


@app.command("end")
def end_command(
    pack_id: Annotated[str, typer.Argument(help="The pack id.")],
    mode: Annotated[Mode, typer.Option(help="What to end: staged or shadow.")],
    note: Annotated[str, typer.Option(help="Why (kept and audited).")],
    by: Annotated[str, typer.Option(help="Who ends it.")] = "cli",
    db: DbOption = DEFAULT_URL,
) -> None:
    """End a pack's stage (its sellers go back to the live revision) or its shadow."""
    from proscribe.deploy.revisions import end

    if mode == Mode.live:
        raise UsageError(
            Diagnostic(
                "PSC-U042",
                "the live revision is replaced, not ended",
                None,
                "activate another revision, or withdraw the pack with a `withdrawn` date",
            )
        )
    done = end(open_db(db), pack_id, mode.value, by=by, note=note)
    if done is None:
        stdout.print(f"{pack_id}: no {mode.value} revision in place", markup=False)
        return
    stdout.print(
        f"ended the {mode.value} revision {done.revision} of {pack_id}: {note}", markup=False
    )


@app.command("history")
def history_command(
    pack_id: Annotated[str, typer.Argument(help="The pack id.")],
    db: DbOption = DEFAULT_URL,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every activation of a pack, oldest first, and what is in place now."""
    from proscribe.deploy.revisions import history, in_place

    engine = open_db(db)
    found = history(engine, pack_id)
    with engine.connect() as conn:
        now = in_place(conn, pack_id)
    current = {
        mode: getattr(now, mode).id for mode in ("live", "staged", "shadow") if getattr(now, mode)
    }
    if as_json:
        records = [{**a.to_record(), "in_place": a.id in current.values()} for a in found]
        stdout.out(orjson.dumps(records, option=orjson.OPT_INDENT_2).decode())
        return
    if not found:
        stdout.print(f"{pack_id}: no revision activated in this store", markup=False)
        return
    for a in found:
        mode = a.mode + (f" ({a.scope().describe()})" if a.mode == "staged" else "")
        now_on = "  ← in place" if a.id in current.values() else ""
        stdout.print(
            f"{a.activated_at}  {mode:<24} {a.revision:<12} {a.digest[:12]}  by "
            f"{a.activated_by}: {a.note}{now_on}",
            markup=False,
        )


@app.command("diff")
def diff(
    old: Annotated[str, typer.Argument(help="The revision in force: pack folder or bundled id.")],
    new: Annotated[str, typer.Argument(help="The candidate revision: pack folder or bundled id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON.")] = False,
) -> None:
    """What changed between two revisions: classes, words, patterns, thresholds, dates, rules."""
    from proscribe.policy.diff import diff_packs

    before, after = load_pack(old), load_pack(new)
    changes = diff_packs(before, after)
    if as_json:
        record = {
            "from": {"id": before.id, "revision": before.revision, "digest": before.digest},
            "to": {"id": after.id, "revision": after.revision, "digest": after.digest},
            "changes": [c.to_record() for c in changes],
        }
        stdout.out(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
        return
    stdout.print(
        f"{before.id} {before.revision} → {after.id} {after.revision}: "
        f"{len(changes)} change{'s' if len(changes) != 1 else ''}",
        markup=False,
    )
    for change in changes:
        stdout.print(f"  {change.describe()}", markup=False)


def _describe(
    pack: PolicyPack, global_pack: PolicyPack, where: str | None, date: dt.date | None
) -> None:
    spec = pack.spec
    phases = spec.phases
    stdout.print(f"[bold]{spec.id}[/] revision {spec.revision}: {spec.title}")
    if spec.summary:
        stdout.print(spec.summary.strip(), markup=False)
    for line in effective_lines(pack, global_pack, where, date):
        stdout.print(line, markup=False)
    stdout.print(
        f"applies in: {', '.join(spec.jurisdictions)} (unknown jurisdiction: "
        f"{spec.unknown_jurisdiction})",
        markup=False,
    )
    dates = [
        f"{name} {getattr(phases, name)}"
        for name in ("announced", "effective", "enforced", "withdrawn")
        if getattr(phases, name)
    ]
    stdout.print("phases: " + ", ".join(dates), markup=False)
    table = Table(title="Prohibited classes", show_edge=False)
    for name in (
        "class",
        f"on {date}" if date else "what",
        "review ≥",
        "block ≥",
        "model review/block",
        "words",
        "patterns",
        "rules",
        "exemptions",
    ):
        table.add_column(name)
    model = spec.model.thresholds if spec.model else {}
    for cls in pack.classes:
        words = sum(len(w) for s in cls.signals for w in s.words.values())
        patterns = sum(len(s.patterns) for s in cls.signals)
        limits = model.get(cls.id)
        table.add_row(
            cls.id,
            class_status(cls, date) if date else cls.title,
            f"{cls.thresholds.review:.2f}",
            f"{cls.thresholds.block:.2f}",
            f"{limits.review:.2f}/{limits.block:.2f}" if limits else "—",
            str(words),
            str(patterns),
            str(len(cls.rules)),
            str(len(cls.exemptions)),
        )
    stdout.print(table)
    for closed in spec.closed_categories:
        stdout.print(f"closed category: {closed.path} → {closed.class_}", markup=False)
    if spec.enforcement:
        ladder = ", ".join(f"{s.at_strikes}: {s.step}" for s in spec.enforcement.ladder)
        stdout.print(f"penalty ladder (strikes: step): {ladder}", markup=False)
        if spec.enforcement.evasion:
            ev = spec.enforcement.evasion
            stdout.print(f"evasion ({', '.join(ev.signals)}): {ev.step} at once", markup=False)


@app.command("schema")
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file's schema.")] = SchemaKind.pack,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="The key reference of docs/policy-packs.md.")
    ] = False,
) -> None:
    """Print the JSON Schema of pack.yaml, a class file or a cases file (for editors), or
    with --markdown the reference of every key (generated from the same schema)."""
    if markdown:
        from proscribe.policy.reference import markdown_reference

        stdout.out(markdown_reference(), end="")
        return
    models: dict[str, type[BaseModel]] = {"pack": PackFile, "class": ClassFile, "cases": CasesFile}
    model = models[kind.value]
    stdout.out(
        orjson.dumps(model.model_json_schema(by_alias=True), option=orjson.OPT_INDENT_2).decode()
    )


@app.command("new")
def new_command(
    pack_id: Annotated[str, typer.Argument(help="The new pack's id (lower-case).")],
    template: Annotated[
        str,
        typer.Option("--from", help="listing-ban (a commented starting pack) or a bundled id."),
    ] = "listing-ban",
    directory: Annotated[
        Path | None, typer.Option("--dir", help="Where to write it (default: ./ID).")
    ] = None,
    jurisdictions: Annotated[
        str, typer.Option(help="Comma-separated ISO 3166-1 alpha-2 codes, or '*'.")
    ] = "*",
) -> None:
    """Write a commented, valid starting pack (pack.yaml, one class file, a cases file) that
    passes `pack check` and `proscribe test` at once."""
    from proscribe.policy.template import new_pack

    places = [c.strip().upper() for c in jurisdictions.split(",") if c.strip()] or ["*"]
    folder = directory or Path(pack_id)
    written = new_pack(folder, pack_id, template=template, jurisdictions=places, today=_today())
    for path in written:
        stdout.print(f"wrote {path}", markup=False)
    stdout.print(
        f"next: edit the words and dates, then `proscribe pack check {folder}`, "
        f"`proscribe test {folder}`, `proscribe pack activate {folder} --note …`",
        markup=False,
    )


def _today() -> dt.date:
    from proscribe.cli.common import clock

    return clock.today()
