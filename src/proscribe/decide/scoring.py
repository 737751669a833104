"""Score one class from its findings: signals once each, rules, exemption vetoes, category.

Work is near-linear in the number of findings (sorts and dictionaries, no pairwise
comparisons), and the evidence kept per class is capped at ``MAX_EVIDENCE`` spans.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from proscribe.decide.verdict import Adjustment, stronger
from proscribe.detect import Finding
from proscribe.limits import MAX_EVIDENCE
from proscribe.policy.schema import ClassFile, Thresholds


@dataclass(frozen=True, slots=True)
class ClassScore:
    class_id: str
    score: float
    decision: str
    evidence: tuple[Finding, ...]
    adjustments: tuple[Adjustment, ...]
    probability: float | None = None
    by_model: bool = False  # the model's probability decided (it was stronger than the rules)
    omitted: int = 0  # evidence spans past MAX_EVIDENCE, counted but not kept


def noisy_or(weights: list[float]) -> float:
    """Independent signals combine as 1 − Π(1 − w): more evidence never lowers the score."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def score_class(
    cls: ClassFile,
    findings: list[Finding],
    exemptions: list[Finding],
    model: ModelVote | None = None,
) -> ClassScore:
    """Rules and signals give a score and a decision; a model vote can only make it stronger."""
    result = _score_rules(cls, findings, exemptions)
    if model is None:
        return result
    return _with_model(result, model, exemptions)


class ModelVote(NamedTuple):
    """The classifier on one class: its probability, the pack's limits, its evidence.

    A named tuple: one is built per class and listing, and a tuple builds fastest."""

    probability: float
    limits: Thresholds | None
    finding: Finding | None  # kind "model": the tokens that pushed hardest, where they are


def _with_model(result: ClassScore, vote: ModelVote, exemptions: list[Finding]) -> ClassScore:
    p = vote.probability
    if vote.limits is None or vote.finding is None or p < vote.limits.review:
        # the common case, built directly: dataclasses.replace costs more than the decision
        r = result
        return ClassScore(
            r.class_id, r.score, r.decision, r.evidence, r.adjustments, p, omitted=r.omitted
        )
    veto_level = max((e.weight or 0.0 for e in exemptions), default=0.0)
    if p < veto_level:  # an exemption outweighs a model that is not sure enough
        veto = _veto(vote.finding, exemptions, veto_level)
        return replace(result, probability=p, adjustments=(*result.adjustments, veto))
    decision = "block" if p >= vote.limits.block else "review"
    evidence = (*result.evidence, vote.finding)
    if stronger(result.decision, decision) == result.decision:  # the rules decide; p is shown
        return replace(result, probability=p, evidence=evidence)
    score = max(result.score, p)
    return replace(
        result, score=score, decision=decision, evidence=evidence, probability=p, by_model=True
    )


def _score_rules(cls: ClassFile, findings: list[Finding], exemptions: list[Finding]) -> ClassScore:
    mine = [f for f in findings if f.class_id == cls.id]
    if not mine:
        return ClassScore(cls.id, 0.0, "allow", (), ())
    scored = _strongest_per_signal(mine) + _rules(cls, _by_rule(mine))
    veto_level = max((e.weight or 0.0 for e in exemptions), default=0.0)
    kept = [f for f in scored if (f.weight or 0.0) >= veto_level]
    adjustments = tuple(_veto(f, exemptions, veto_level) for f in scored if f not in kept)
    score = noisy_or([f.weight or 0.0 for f in kept if f.kind != "category"])
    category = next((f for f in mine if f.kind == "category"), None)
    if category is not None:
        score = max(score, cls.thresholds.review if exemptions else 1.0)
        kept.append(category)
    evidence, omitted = _evidence(cls, mine, kept)
    decision = _decision(cls, score)
    return ClassScore(cls.id, score, decision, evidence, adjustments, omitted=omitted)


def _evidence(
    cls: ClassFile, mine: list[Finding], kept: list[Finding]
) -> tuple[tuple[Finding, ...], int]:
    """Occurrences of kept signals, the parts of fired rules, the rules themselves: at most
    ``MAX_EVIDENCE`` of them, and how many more there were."""
    kept_ids = {k.rule for k in kept}
    parts = {ref for rule in cls.rules if rule.id in kept_ids for ref in rule.all}
    shown = [
        f
        for f in mine
        if f.kind != "category"
        and ((f.rule in kept_ids and f.weight is not None) or f.rule in parts)
    ]
    every = _dedupe(tuple(shown) + tuple(f for f in kept if f.kind in ("rule", "category")))
    return _strongest(every, set(kept))


def _strongest(
    evidence: tuple[Finding, ...], kept: set[Finding]
) -> tuple[tuple[Finding, ...], int]:
    """The ``MAX_EVIDENCE`` spans that count most (those the score used first, then by
    weight, then by position), in their original order; and the number left out."""
    if len(evidence) <= MAX_EVIDENCE:
        return evidence, 0
    rank = sorted(
        range(len(evidence)),
        key=lambda i: (evidence[i] not in kept, -(evidence[i].weight or 0.0), i),
    )
    chosen = sorted(rank[:MAX_EVIDENCE])
    return tuple(evidence[i] for i in chosen), len(evidence) - MAX_EVIDENCE


def _strongest_per_signal(findings: list[Finding]) -> list[Finding]:
    """Each signal counts once, by its strongest occurrence not nested in a longer match."""
    scored = [f for f in findings if f.weight is not None and f.kind in ("word", "pattern")]
    nested = _nested_spans(scored)
    best: dict[str, Finding] = {}
    for finding in scored:
        if (finding.field, finding.start, finding.end) in nested:
            continue
        current = best.get(finding.rule)
        if current is None or (finding.weight or 0) > (current.weight or 0):
            best[finding.rule] = finding
    return list(best.values())


def _nested_spans(findings: list[Finding]) -> set[tuple[str, int, int]]:
    """Spans inside a longer match of the class ("mining" in "bitcoin mining", "矿机" in
    "蚂蚁矿机"), found in one sweep: sorted by start (longest first at a tie), a span is
    nested exactly when an earlier, different span reaches at least as far."""
    spans = sorted({(f.field, f.start, f.end) for f in findings}, key=lambda s: (s[0], s[1], -s[2]))
    nested: set[tuple[str, int, int]] = set()
    field, reach = None, -1
    for span in spans:
        if span[0] != field:
            field, reach = span[0], -1
        if span[2] <= reach:
            nested.add(span)
        reach = max(reach, span[2])
    return nested


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Word and pattern findings of each signal, in their original order."""
    out: dict[str, list[Finding]] = {}
    for f in findings:
        if f.kind in ("word", "pattern"):
            out.setdefault(f.rule, []).append(f)
    return out


def _rules(cls: ClassFile, findings: dict[str, list[Finding]]) -> list[Finding]:
    fired = []
    for rule in cls.rules:
        parts = _disjoint_parts(rule.all, findings)
        if parts is not None:
            head = parts[0]
            text = " + ".join(p.text for p in parts)
            tricks = tuple(sorted({t for p in parts for t in p.tricks}))
            fired.append(
                Finding(
                    cls.id,
                    rule.id,
                    "rule",
                    " & ".join(rule.all),
                    head.field,
                    text,
                    head.start,
                    head.end,
                    rule.weight,
                    tricks,
                )
            )
    return fired


def _disjoint_parts(refs: list[str], findings: dict[str, list[Finding]]) -> list[Finding] | None:
    """One occurrence per signal named by a rule, no two overlapping ("bitcoin mining" ≠ two)."""
    chosen: list[Finding] = []
    for ref in refs:
        pick = next(
            (f for f in findings.get(ref, ()) if not any(_overlap(f, c) for c in chosen)),
            None,
        )
        if pick is None:
            return None
        chosen.append(pick)
    return chosen


def _overlap(a: Finding, b: Finding) -> bool:
    return a.field == b.field and a.start < b.end and b.start < a.end


def _veto(finding: Finding, exemptions: list[Finding], level: float) -> Adjustment:
    by = next(e for e in exemptions if (e.weight or 0.0) >= level)
    return Adjustment(
        "veto",
        finding.class_id,
        finding.rule,
        by.rule,
        f"'{finding.text}' ({finding.weight:.2f}) vetoed by exemption '{by.rule}' "
        f"('{by.text}' in {by.field}): weaker than {level:.2f}",
    )


def _decision(cls: ClassFile, score: float) -> str:
    if score >= cls.thresholds.block:
        return "block"
    if score >= cls.thresholds.review:
        return "review"
    return "allow"


def _dedupe(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    seen: set[tuple[str, str, str, int, int]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.kind, f.field, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)
