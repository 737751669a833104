"""Named example listings with the verdicts they must get (``*.cases.yaml``), like ``opa test``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from proscribe.decide import Engine, Verdict
from proscribe.errors import Diagnostic, PackError
from proscribe.policy import PolicyPack
from proscribe.policy.validation import validate
from proscribe.policy.yamlsource import read_yaml
from proscribe.types import Listing

CASES_GLOB = "*.cases.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Defaults(_Strict):
    as_of: dt.date | None = None
    jurisdiction: str | None = None


class Case(_Strict):
    name: str
    title: str
    description: str | None = None
    category: str | None = None
    as_of: dt.date | None = None
    jurisdiction: str | None = None
    expect: str = Field(pattern="^(allow|review|block)$")
    classes: list[str] | None = None
    evasion: list[str] | None = None


class CasesFile(_Strict):
    defaults: Defaults = Defaults()
    cases: list[Case] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class CaseResult:
    file: str
    case: Case
    verdict: Verdict
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def case_files(pack: PolicyPack) -> list[Path]:
    return sorted(pack.path.glob(CASES_GLOB))


def load_cases(path: Path, pack: PolicyPack) -> CasesFile:
    doc = read_yaml(path)
    parsed, problems = validate(doc, CasesFile) if not doc.problems else (None, doc.problems)
    if parsed is not None:
        for index, case in enumerate(parsed.cases):
            for pos, cls in enumerate(case.classes or []):
                if cls not in pack.class_ids:
                    problems.append(
                        Diagnostic(
                            "PSC-P014",
                            f"case '{case.name}' names unknown class '{cls}'",
                            doc.locate(("cases", index, "classes", pos)),
                            f"known classes: {', '.join(pack.class_ids)}",
                        )
                    )
    if problems or parsed is None:
        raise PackError(problems)
    return parsed


def run_cases(engine: Engine, path: Path) -> list[CaseResult]:
    cases = load_cases(path, engine.pack)
    results = []
    for index, case in enumerate(cases.cases):
        as_of = case.as_of or cases.defaults.as_of or engine.pack.spec.phases.effective
        listing = Listing(f"{path.stem}-{index + 1}", case.title, case.description, case.category)
        verdict = engine.decide(
            listing, as_of=as_of, jurisdiction=case.jurisdiction or cases.defaults.jurisdiction
        )
        results.append(CaseResult(path.name, case, verdict, tuple(_check(case, verdict))))
    return results


def _check(case: Case, verdict: Verdict) -> list[str]:
    problems = []
    if verdict.decision != case.expect:
        problems.append(f"expected {case.expect}, got {verdict.decision}")
    missing = [c for c in case.classes or [] if c not in verdict.classes]
    if missing:
        problems.append(f"expected classes {case.classes}, got {list(verdict.classes)}")
    if case.evasion is not None:
        signals = sorted({e.signal for e in verdict.evasion})
        if signals != sorted(set(case.evasion)):
            problems.append(f"expected evasion {sorted(set(case.evasion))}, got {signals}")
    return problems
