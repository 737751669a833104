"""The policy-pack format: strict pydantic models (unknown keys rejected, no silent defaults).

``proscribe pack schema`` prints the JSON Schema of :class:`PackFile` and :class:`ClassFile`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")]
Country = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2}|\*)$")]
Word = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Weight = Annotated[float, Field(ge=0.0, le=1.0)]

FieldName = Literal["title", "description"]
CountrySource = Literal["kyc_country", "ip_country", "phone_country"]


def _both_fields() -> list[FieldName]:
    return ["title", "description"]


def _register() -> list[str]:
    return ["register"]


def _kyc_first() -> list[CountrySource]:
    return ["kyc_country"]


StepName = Literal[
    "warned", "listings-removed", "store-restricted", "store-blocked", "frozen", "closed"
]
EvasionSignal = Literal["misplaced", "obfuscated", "relisted"]
LADDER_STEPS: tuple[str, ...] = get_args(StepName)
EVASION_SIGNALS: tuple[str, ...] = get_args(EvasionSignal)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """A legal or public source the pack implements."""

    title: str
    issuer: str | None = None
    date: dt.date | None = None
    url: str | None = None


class Phases(Strict):
    """When the pack applies: nothing is blocked before ``effective`` or after ``withdrawn``."""

    announced: dt.date | None = None
    effective: dt.date
    enforced: dt.date | None = None
    withdrawn: dt.date | None = None


class ShapePart(Strict):
    """One part of a spec shape: patterns for a model code, a hash rate, a power figure…"""

    id: Id
    description: str | None = None
    patterns: list[Word] = Field(min_length=1)


class Context(Strict):
    """When an ambiguous word counts: only ``with`` corroboration, never ``unless`` a context.

    ``with``: ids of signals of the same class, one of which must be found in the listing
    (a maker name counts only beside a model, a hash rate or a coin). ``unless``: words that
    cancel the signal where they appear in the same field (a board game, a car, a course).
    """

    with_: list[Id] = Field(default_factory=list, alias="with")
    unless: dict[Lang, list[Word]] = Field(default_factory=dict)


class Signal(Strict):
    """Words or regular expressions that indicate a class (or, without a weight, a context).

    A signal with a ``weight`` scores on its own; one without is a context used by rules.
    A signal with a ``shape`` is a spec shape: it is found where every one of its parts
    matches in the same field within ``shape_window`` characters (a model code, a hash
    rate and a power figure name a miner without naming its maker).
    """

    id: Id
    description: str | None = None
    weight: Weight | None = None
    words: dict[Lang, list[Word]] = Field(default_factory=dict)
    patterns: list[Word] = Field(default_factory=list)
    shape: list[ShapePart] = Field(default_factory=list)
    shape_window: Annotated[int, Field(ge=10, le=2000)] = 120
    context: Context | None = None
    fields: list[FieldName] = Field(default_factory=_both_fields)


class Rule(Strict):
    """Scores when every signal it names (``all``) is found in the listing."""

    id: Id
    description: str | None = None
    all: list[Id] = Field(min_length=2)
    weight: Weight


class Exemption(Strict):
    """Context that makes a weak match harmless (gold mining, Minecraft, 矿泉水…).

    It vetoes the findings of its class whose weight is below ``vetoes_below``; stronger
    findings stand, and the verdict shows the exemption as an adjustment.
    """

    id: Id
    description: str | None = None
    words: dict[Lang, list[Word]] = Field(default_factory=dict)
    patterns: list[Word] = Field(default_factory=list)
    vetoes_below: Weight = 0.9
    # "weight": a finding at least ``vetoes_below`` stands beside the exemption; "exemption":
    # a finding inside the exemption's own match ("挖矿工具" in "金矿挖矿工具") is vetoed
    # whatever its weight — the exemption's phrase explains it.
    precedence: Literal["weight", "exemption"] = "weight"


class Thresholds(Strict):
    review: Weight
    block: Weight


class ClassFile(Strict):
    """One prohibited class: ``<class>.yaml`` in the pack folder."""

    id: Id
    title: str
    description: str | None = None
    thresholds: Thresholds
    withdrawn: dt.date | None = None
    expected_categories: list[str] = Field(default_factory=list)
    signals: list[Signal] = Field(min_length=1)
    rules: list[Rule] = Field(default_factory=list)
    exemptions: list[Exemption] = Field(default_factory=list)


class ClosedCategory(Strict):
    """A category closed by the ban: listings in it get at least ``review``."""

    id: Id
    path: str
    aliases: list[str] = Field(default_factory=list)
    class_: Id = Field(alias="class")


class LadderStep(Strict):
    at_strikes: Annotated[int, Field(ge=1)]
    step: StepName


class Evasion(Strict):
    """The aggravated penalty for deliberate evasion.

    ``misplaced_confidence``: a listing is ``misplaced`` only when its deciding class (the
    strongest) is blocked, or scores at least this, outside that class's expected categories.
    Absent: only a blocked deciding class counts (a review is a doubt, not evasion).
    """

    signals: list[EvasionSignal]
    step: StepName
    misplaced_confidence: Weight | None = None


class Enforcement(Strict):
    """Declared here, applied by the enforcement ledger."""

    strike_expiry_days: Annotated[int, Field(ge=1)] | None = None
    ladder: list[LadderStep] = Field(min_length=1)
    evasion: Evasion | None = None


Effect = Literal["allow", "deny", "allow-with-notice", "require-review"]
Combining = Literal["deny-overrides", "permit-overrides", "first-applicable", "only-one-applicable"]


class AccessPhase(Strict):
    """From ``start`` (inclusive) to ``end`` (exclusive, open when absent), the rule's effect.

    Times carry their offset (``2021-09-28T00:00:00+08:00``) or are read in ``access.timezone``.
    """

    start: dt.datetime
    end: dt.datetime | None = None
    effect: Effect
    notice: str | None = None


class AccessSubjects(Strict):
    """Who a rule applies to. ``scope: all`` is every user, wherever they are (a shutdown).

    ``countries`` matches the subject's jurisdiction, resolved by ``access.precedence`` (the
    first of KYC, IP or phone country the subject has); ``kyc_country``, ``ip_country`` and
    ``phone_country`` match one source directly. ``created_before`` selects existing users,
    ``created_from`` new ones; ``attributes`` must all be equal.
    """

    scope: Literal["jurisdiction", "all"] = "jurisdiction"
    countries: list[Country] = Field(default_factory=list)
    kyc_country: list[Country] = Field(default_factory=list)
    ip_country: list[Country] = Field(default_factory=list)
    phone_country: list[Country] = Field(default_factory=list)
    created_before: dt.datetime | None = None
    created_from: dt.datetime | None = None
    attributes: dict[str, str | int | bool] = Field(default_factory=dict)


class AccessRule(Strict):
    id: Id
    description: str | None = None
    subjects: AccessSubjects
    actions: list[Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9-]*|\*)$")]] = Field(
        min_length=1
    )
    phases: list[AccessPhase] = Field(min_length=1)


class Access(Strict):
    """Account-action rules: which actions whom may take when, under which combining strategy."""

    timezone: str | None = None
    precedence: list[CountrySource] = Field(default_factory=_kyc_first)
    combining: Combining = "deny-overrides"
    default: Effect = "allow"
    actions: list[Id] = Field(default_factory=list)
    onboarding: list[Id] = Field(default_factory=_register)  # not for existing accounts
    rules: list[AccessRule] = Field(default_factory=list)


class ModelSpec(Strict):
    """The trained classifier a pack uses, and per class the probabilities that act.

    ``file`` is relative to the pack folder (written by ``proscribe train``). A class without
    ``thresholds`` here still gets its probability in verdicts, but the model never decides it.
    """

    file: str
    thresholds: dict[Id, Thresholds] = Field(default_factory=dict)


class Matching(Strict):
    """How the pack's Latin words tolerate typing errors ("antminner" for "antminer").

    A one-word Latin term of at least ``typo_min_length`` letters, in a signal weighing at
    least ``typo_weight``, also matches at one edit (a letter left out, added, changed or two
    swapped), unless what was written is an English word. Such a match is evidence of weight
    ``typo_weight``, shown with the trick ``typo``; ``typos: false`` turns this off.
    """

    typos: bool = True
    typo_min_length: Annotated[int, Field(ge=5, le=40)] = 7
    typo_weight: Weight = 0.6


class PhaseChanges(Strict):
    """The dates an override moves; the others stay the global pack's."""

    announced: dt.date | None = None
    effective: dt.date | None = None
    enforced: dt.date | None = None
    withdrawn: dt.date | None = None


class ClassChanges(Strict):
    """How an override changes one class where it applies.

    ``applies: false`` lifts the class there (loosen); thresholds lower than the global ones
    tighten it, higher ones loosen it; ``withdrawn`` ends it there on a date.
    """

    applies: bool = True
    thresholds: Thresholds | None = None
    model_thresholds: Thresholds | None = None
    withdrawn: dt.date | None = None


class OverrideFile(Strict):
    """A per-country override of the global pack (``<name>.override.yaml``, listed in
    pack.yaml ``overrides``).

    Precedence: an override wins over the global pack in its ``jurisdictions``; where two
    apply to one country, the higher ``priority`` wins (priorities are unique in a pack).
    """

    id: Id
    title: str
    description: str | None = None
    jurisdictions: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(
        min_length=1
    )
    priority: int
    phases: PhaseChanges | None = None
    classes: dict[Id, ClassChanges] = Field(default_factory=dict)
    closed_categories: list[ClosedCategory] = Field(default_factory=list)  # added there
    enforcement: Enforcement | None = None  # replaces the global ladder there


class PackFile(Strict):
    """``pack.yaml``: what the pack is, where and when it applies, and what follows."""

    id: Id
    revision: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: str
    summary: str | None = None
    sources: list[Source] = Field(default_factory=list)
    jurisdictions: list[Country] = Field(min_length=1)
    unknown_jurisdiction: Literal["apply", "skip"]
    phases: Phases
    classes: list[str] = Field(default_factory=list)
    closed_categories: list[ClosedCategory] = Field(default_factory=list)
    exemptions: list[Exemption] = Field(default_factory=list)
    enforcement: Enforcement | None = None
    access: Access | None = None
    model: ModelSpec | None = None
    matching: Matching = Field(default_factory=Matching)
    overrides: list[str] = Field(default_factory=list)  # per-country override files
