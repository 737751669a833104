"""Named example listings with the verdicts they must get (``*.cases.yaml``), like ``opa test``."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from proscribe.access import AccessRules, Subject
from proscribe.decide import Engine, Verdict
from proscribe.errors import Diagnostic, Location, PackError
from proscribe.policy import PolicyPack
from proscribe.policy.inspect import display
from proscribe.policy.lint import country_problem
from proscribe.policy.safety import refuse_link
from proscribe.policy.validation import validate
from proscribe.policy.yamlsource import YamlDocument, read_yaml
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


class AccessCase(_Strict):
    """An account action and the effect it must get (``access`` in a cases file)."""

    name: str
    subject: dict[str, Any]
    action: str
    at: dt.datetime
    expect: str = Field(pattern="^(allow|deny|allow-with-notice|require-review)$")
    rule: str | None = None


class CasesFile(_Strict):
    defaults: Defaults = Defaults()
    cases: list[Case] = Field(default_factory=list)
    access: list[AccessCase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> CasesFile:
        if not self.cases and not self.access:
            raise ValueError("a cases file needs `cases` (listings) or `access` (account actions)")
        return self


@dataclass(frozen=True, slots=True)
class CaseResult:
    file: str
    name: str
    title: str  # what was decided: the listing's title, or the subject and action
    reason: str
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def case_files(pack: PolicyPack) -> list[Path]:
    """The pack's ``*.cases.yaml``; a link among them is refused (PSC-P045)."""
    files = sorted(pack.path.glob(CASES_GLOB))
    for path in files:
        refuse_link(pack.path.resolve(), pack.path.resolve() / path.name, Location(str(path)))
    return files


def load_cases(path: Path, pack: PolicyPack | Sequence[str]) -> CasesFile:
    """A cases file, checked against the pack's classes (or their ids); every problem at once."""
    class_ids = list(pack.class_ids if isinstance(pack, PolicyPack) else pack)
    doc = read_yaml(path, display(path))
    parsed, problems = validate(doc, CasesFile) if not doc.problems else (None, doc.problems)
    if parsed is not None:
        problems += _references(parsed, doc, class_ids)
    if problems or parsed is None:
        raise PackError(problems)
    return parsed


def _references(parsed: CasesFile, doc: YamlDocument, class_ids: list[str]) -> list[Diagnostic]:
    places: list[tuple[str | None, tuple[str | int, ...]]] = [
        (parsed.defaults.jurisdiction, ("defaults", "jurisdiction"))
    ]
    places += [(c.jurisdiction, ("cases", i, "jurisdiction")) for i, c in enumerate(parsed.cases)]
    found = [country_problem(code, doc.locate(where)) for code, where in places if code]
    problems = [p for p in found if p is not None]
    for index, case in enumerate(parsed.cases):
        for pos, cls in enumerate(case.classes or []):
            if cls not in class_ids:
                guess = difflib.get_close_matches(cls, class_ids, n=1)
                problems.append(
                    Diagnostic(
                        "PSC-P014",
                        f"case '{case.name}' names unknown class '{cls}'",
                        doc.locate(("cases", index, "classes", pos)),
                        (f"did you mean '{guess[0]}'? " if guess else "")
                        + f"known classes: {', '.join(class_ids)}",
                    )
                )
    return problems


def run_cases(engine: Engine, path: Path) -> list[CaseResult]:
    cases = load_cases(path, engine.pack)
    results = []
    for index, case in enumerate(cases.cases):
        as_of = case.as_of or cases.defaults.as_of or engine.pack.spec.phases.effective
        listing = Listing(f"{path.stem}-{index + 1}", case.title, case.description, case.category)
        verdict = engine.decide(
            listing, as_of=as_of, jurisdiction=case.jurisdiction or cases.defaults.jurisdiction
        )
        results.append(
            CaseResult(
                path.name, case.name, case.title, verdict.reason, tuple(_check(case, verdict))
            )
        )
    if cases.access:
        results += _run_access(AccessRules(engine.pack), path, cases.access)
    return results


def _run_access(rules: AccessRules, path: Path, cases: list[AccessCase]) -> list[CaseResult]:
    results = []
    for case in cases:
        subject = Subject.of(case.subject, rules.zone)
        decision = rules.check(subject, case.action, as_of=case.at)
        problems = []
        if decision.effect != case.expect:
            problems.append(f"expected {case.expect}, got {decision.effect}")
        if case.rule is not None and decision.rule != case.rule:
            problems.append(f"expected rule {case.rule}, got {decision.rule}")
        what = f"{case.action} by {case.subject} at {case.at.isoformat()}"
        results.append(CaseResult(path.name, case.name, what, decision.reason, tuple(problems)))
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
