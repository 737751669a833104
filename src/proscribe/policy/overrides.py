"""Per-country overrides: the global pack, tightened or loosened for some jurisdictions.

``effective_parts(spec, classes, overrides)`` applies the overrides that cover one country in
precedence order (ascending ``priority``: the highest is applied last and wins), giving the
spec and classes that decide there. ``check_override`` names every reference the pack cannot
resolve, with its file and line.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

from proscribe.errors import Diagnostic
from proscribe.policy.schema import (
    ClassChanges,
    ClassFile,
    ModelSpec,
    OverrideFile,
    PackFile,
    PhaseChanges,
)
from proscribe.policy.yamlsource import YamlDocument

#: ``applies: false`` is a class withdrawn since before any date a listing can carry.
LIFTED = dt.date.min


def covering(overrides: Iterable[OverrideFile], jurisdiction: str | None) -> list[OverrideFile]:
    """The overrides that apply in ``jurisdiction``, lowest priority first."""
    if jurisdiction is None:
        return []
    where = jurisdiction.upper()
    return sorted((o for o in overrides if where in o.jurisdictions), key=lambda o: o.priority)


def effective_parts(
    spec: PackFile, classes: tuple[ClassFile, ...], overrides: list[OverrideFile]
) -> tuple[PackFile, tuple[ClassFile, ...]]:
    """The spec and classes after ``overrides`` (already in precedence order)."""
    for override in overrides:
        spec = _spec(spec, override)
        classes = tuple(_class(c, override) for c in classes)
    return spec, classes


def _spec(spec: PackFile, override: OverrideFile) -> PackFile:
    update: dict[str, object] = {
        "jurisdictions": sorted({*spec.jurisdictions, *override.jurisdictions}),
        "closed_categories": [*spec.closed_categories, *override.closed_categories],
    }
    if override.phases is not None:
        update["phases"] = spec.phases.model_copy(update=_dates(override.phases))
    if override.enforcement is not None:
        update["enforcement"] = override.enforcement
    model_limits = {
        cid: c.model_thresholds
        for cid, c in override.classes.items()
        if c.model_thresholds is not None
    }
    if spec.model is not None and model_limits:
        update["model"] = ModelSpec(
            file=spec.model.file, thresholds={**spec.model.thresholds, **model_limits}
        )
    return spec.model_copy(update=update)


def _dates(phases: PhaseChanges) -> dict[str, dt.date]:
    return {k: v for k, v in phases.model_dump().items() if v is not None}


def _class(cls: ClassFile, override: OverrideFile) -> ClassFile:
    change = override.classes.get(cls.id)
    if change is None:
        return cls
    update: dict[str, object] = {}
    if change.thresholds is not None:
        update["thresholds"] = change.thresholds
    if change.withdrawn is not None:
        update["withdrawn"] = change.withdrawn
    if not change.applies:
        update["withdrawn"] = LIFTED
    elif "applies" in change.model_fields_set and cls.withdrawn == LIFTED:
        update["withdrawn"] = change.withdrawn  # a higher override puts the class back
    return cls.model_copy(update=update)


def check_override(
    override: OverrideFile, doc: YamlDocument, spec: PackFile, class_ids: list[str]
) -> Iterator[Diagnostic]:
    """Classes it names must exist; its dates must stay in order once applied; its
    countries are ISO 3166-1 alpha-2 codes."""
    from proscribe.policy.lint import check_countries

    yield from check_countries(override.jurisdictions, doc, ("jurisdictions",))
    for class_id, change in override.classes.items():
        yield from _class_changes(override, class_id, change, doc, spec, class_ids)
    for cat in override.closed_categories:
        if cat.class_ not in class_ids:
            yield Diagnostic(
                "PSC-P040",
                f"closed category '{cat.id}' names unknown class '{cat.class_}'",
                doc.locate(("closed_categories",)),
                f"the pack's classes: {', '.join(class_ids)}",
            )
    if override.phases is not None:
        yield from _phase_order(override, override.phases, doc, spec)


def _class_changes(
    override: OverrideFile,
    class_id: str,
    change: ClassChanges,
    doc: YamlDocument,
    spec: PackFile,
    class_ids: list[str],
) -> Iterator[Diagnostic]:
    where = doc.locate(("classes", class_id))
    if class_id not in class_ids:
        yield Diagnostic(
            "PSC-P040",
            f"override '{override.id}' changes unknown class '{class_id}'",
            where,
            f"the pack's classes: {', '.join(class_ids)}",
        )
    for limits in (change.thresholds, change.model_thresholds):
        if limits is not None and limits.review > limits.block:
            yield Diagnostic(
                "PSC-P015",
                f"review threshold {limits.review} is above block {limits.block}",
                where,
                "review must be ≤ block",
            )
    if change.model_thresholds is not None and spec.model is None:
        yield Diagnostic(
            "PSC-P041",
            f"override '{override.id}' sets model thresholds but the pack has no model",
            where,
            "add `model:` to pack.yaml or drop model_thresholds",
        )


def _phase_order(
    override: OverrideFile, phases: PhaseChanges, doc: YamlDocument, spec: PackFile
) -> Iterator[Diagnostic]:
    merged = spec.phases.model_copy(update=_dates(phases)).model_dump()
    present = [(k, v) for k, v in merged.items() if v is not None]
    for (first, a), (second, b) in itertools.pairwise(present):
        if a > b:
            yield Diagnostic(
                "PSC-P010",
                f"with override '{override.id}', phase '{second}' ({b}) comes before "
                f"'{first}' ({a})",
                doc.locate(("phases",)),
                "phases run announced ≤ effective ≤ enforced ≤ withdrawn",
            )


def check_priorities(overrides: list[tuple[OverrideFile, YamlDocument]]) -> Iterator[Diagnostic]:
    """Priorities declare the precedence, so two overrides may not share one."""
    seen: dict[int, str] = {}
    for override, doc in overrides:
        if override.priority in seen:
            yield Diagnostic(
                "PSC-P042",
                f"overrides '{seen[override.priority]}' and '{override.id}' share priority "
                f"{override.priority}",
                doc.locate(("priority",)),
                "give each override its own priority: where two apply, the higher wins",
            )
        seen[override.priority] = override.id
