"""``proscribe test [PATH]``: run the packs' ``*.cases.yaml`` and report PASS / FAIL per case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from proscribe.cases import CaseResult, case_files, run_cases
from proscribe.cli.common import stdout
from proscribe.decide import Engine
from proscribe.policy import bundled_pack_ids, load_pack


def test(
    path: Annotated[
        str | None, typer.Argument(help="A pack folder or id, or one cases file.")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Show passing cases too.")
    ] = False,
    mutate: Annotated[
        bool,
        typer.Option(
            "--mutate", help="Also disguise each case as sellers do; report what survives."
        ),
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the --mutate variants.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="--mutate: the report as JSON.")] = False,
) -> None:
    """Run pack test cases; exit 1 if any fails. With --mutate, also run every case through
    the tricks sellers use and exit 1 when the pack's `mutation.min_recall` is missed."""
    results: list[CaseResult] = []
    missed_bar = False
    for pack_ref, files in _targets(path):
        engine = Engine(load_pack(pack_ref))
        for file in files or case_files(engine.pack):
            results += run_cases(engine, file)
        if mutate:
            from proscribe.cli.mutation import run_mutation

            missed_bar |= run_mutation(engine, files or case_files(engine.pack), seed, as_json)
    if as_json and mutate:
        failed = sum(not r.passed for r in results)
        raise typer.Exit(1 if failed or missed_bar or not results else 0)
    for result in results:
        if verbose or not result.passed:
            _print(result)
    failed = sum(not r.passed for r in results)
    stdout.print("-" * 60)
    stdout.print(f"PASS: {len(results) - failed}/{len(results)}")
    if failed:
        stdout.print(f"FAIL: {failed}/{len(results)}")
    raise typer.Exit(1 if failed or missed_bar or not results else 0)


def _targets(path: str | None) -> list[tuple[str | Path, list[Path]]]:
    if path is None:
        return [(pack_id, []) for pack_id in bundled_pack_ids()]
    candidate = Path(path)
    if candidate.is_file() and candidate.name.endswith(".cases.yaml"):
        return [(candidate.parent, [candidate])]
    return [(path, [])]


def _print(result: CaseResult) -> None:
    status = "PASS" if result.passed else "FAIL"
    stdout.print(f"{status}: {result.file}: {result.name}", markup=False)
    for problem in result.problems:
        stdout.print(f"    {problem}", markup=False)
    if not result.passed:
        stdout.print(f"    case: {result.title}", markup=False)
        stdout.print(f"    reason: {result.reason}", markup=False)
