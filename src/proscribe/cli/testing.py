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
) -> None:
    """Run pack test cases; exit 1 if any fails."""
    results: list[CaseResult] = []
    for pack_ref, files in _targets(path):
        engine = Engine(load_pack(pack_ref))
        for file in files or case_files(engine.pack):
            results += run_cases(engine, file)
    for result in results:
        if verbose or not result.passed:
            _print(result)
    failed = sum(not r.passed for r in results)
    stdout.print("-" * 60)
    stdout.print(f"PASS: {len(results) - failed}/{len(results)}")
    if failed:
        stdout.print(f"FAIL: {failed}/{len(results)}")
    raise typer.Exit(1 if failed or not results else 0)


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
