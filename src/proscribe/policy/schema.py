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
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Source(Strict):
    """A legal or public source the pack implements."""

    title: str
    """The text's title."""
    issuer: str | None = None
    """Who issued it (a regulator, a ministry, the platform)."""
    date: dt.date | None = None
    """When it was issued (YYYY-MM-DD)."""
    url: str | None = None
    """Where to read it."""


class Phases(Strict):
    """When the pack applies: nothing is blocked before ``effective`` or after ``withdrawn``."""

    announced: dt.date | None = None
    """When the ban was announced (informative)."""
    effective: dt.date
    """From this date listings are blocked and removed (with a notice, no strike)."""
    enforced: dt.date | None = None
    """From this date each blocked listing still up strikes its seller (grace before it)."""
    withdrawn: dt.date | None = None
    """From this date nothing is blocked under the pack; `reinstate` lifts what rested on it."""


class ShapePart(Strict):
    """One part of a spec shape: patterns for a model code, a hash rate, a power figure…"""

    id: Id
    """Unique in the shape; named in evidence."""
    description: str | None = None
    """What the part finds (for readers and reviewers)."""
    patterns: list[Word] = Field(min_length=1)
    """Expressions for this part (normalised, lower-case text)."""


class Context(Strict):
    """When an ambiguous word counts: only ``with`` corroboration, never ``unless`` a context.

    ``with``: ids of signals of the same class, one of which must be found in the listing
    (a maker name counts only beside a model, a hash rate or a coin). ``unless``: words that
    cancel the signal where they appear in the same field (a board game, a car, a course).
    """

    with_: list[Id] = Field(default_factory=list, alias="with")
    """Signals of the same class, one of which must be found for the word to count."""
    unless: dict[Lang, list[Word]] = Field(default_factory=dict)
    """Per language: words that cancel the signal in the same field."""


class Signal(Strict):
    """Words or regular expressions that indicate a class (or, without a weight, a context).

    A signal with a ``weight`` scores on its own; one without is a context used by rules.
    A signal with a ``shape`` is a spec shape: it is found where every one of its parts
    matches in the same field within ``shape_window`` characters (a model code, a hash
    rate and a power figure name a miner without naming its maker).
    """

    id: Id
    """Unique in the class; named in evidence."""
    description: str | None = None
    """What the signal finds (for readers and reviewers)."""
    weight: Weight | None = None
    """0–1: how strongly one occurrence indicates the class; none: a context for `rules`."""
    words: dict[Lang, list[Word]] = Field(default_factory=dict)
    """Per language (`en`, `zh`…): words and phrases, normalised for you; Latin on word
    boundaries, tolerant of separators; Chinese anywhere."""
    patterns: list[Word] = Field(default_factory=list)
    """Hyperscan (PCRE) expressions on normalised, lower-case text."""
    shape: list[ShapePart] = Field(default_factory=list)
    """A spec shape: every part must be found within `shape_window` characters (model code,
    hash rate, power…); a listing that names no maker is still recognised."""
    shape_window: Annotated[int, Field(ge=10, le=2000)] = 120
    """How close together, in characters, the parts of a shape must stand."""
    context: Context | None = None
    """When an ambiguous word counts: only `with` corroboration, never `unless` a context."""
    fields: list[FieldName] = Field(default_factory=_both_fields)
    """Which listing fields it reads: `title`, `description`."""


class Rule(Strict):
    """Scores when every signal it names (``all``) is found in the listing."""

    id: Id
    """Unique in the class."""
    description: str | None = None
    """Why these signals together indicate the class."""
    all: list[Id] = Field(min_length=2)
    """The ids of two or more signals that must all be found, not overlapping."""
    weight: Weight
    """0–1: the rule's weight when it fires."""


class Exemption(Strict):
    """Context that makes a weak match harmless (gold mining, Minecraft, 矿泉水…).

    It vetoes the findings of its class whose weight is below ``vetoes_below``; stronger
    findings stand, and the verdict shows the exemption as an adjustment.
    """

    id: Id
    """Unique; named in the verdict's adjustments."""
    description: str | None = None
    """The harmless context it recognises."""
    words: dict[Lang, list[Word]] = Field(default_factory=dict)
    """Per language: words that show the harmless context."""
    patterns: list[Word] = Field(default_factory=list)
    """Expressions that show it (normalised, lower-case text)."""
    vetoes_below: Weight = 0.9
    """Findings weaker than this are vetoed; stronger ones stand."""
    # "weight": a finding at least ``vetoes_below`` stands beside the exemption; "exemption":
    # a finding inside the exemption's own match ("挖矿工具" in "金矿挖矿工具") is vetoed
    # whatever its weight — the exemption's phrase explains it.
    precedence: Literal["weight", "exemption"] = "weight"
    """`weight`: a finding at least `vetoes_below` stands beside the exemption; `exemption`:
    a finding inside the exemption's own match is vetoed whatever its weight."""


class Thresholds(Strict):
    """Scores (0–1) at which a listing goes to review and is blocked."""

    review: Weight
    """From this score: review (a person decides)."""
    block: Weight
    """From this score: block (removed, and a strike once enforced)."""


class ClassFile(Strict):
    """One prohibited class: ``<class>.yaml`` in the pack folder."""

    id: Id
    """The class id: lower-case, named in verdicts, ladders and cases."""
    title: str
    """What the class prohibits, in a line (shown in verdicts)."""
    description: str | None = None
    """What falls in it and what does not."""
    thresholds: Thresholds
    """Class scores at which a listing is reviewed or blocked."""
    withdrawn: dt.date | None = None
    """The class alone is withdrawn from this date."""
    expected_categories: list[str] = Field(default_factory=list)
    """Categories where such items belong; flagged elsewhere, a listing is `misplaced`."""
    signals: list[Signal] = Field(min_length=1)
    """What indicates the class: words and patterns, with weights."""
    rules: list[Rule] = Field(default_factory=list)
    """Combinations of signals that score together."""
    exemptions: list[Exemption] = Field(default_factory=list)
    """Harmless contexts for this class only."""


class ClosedCategory(Strict):
    """A category closed by the ban: listings in it get at least ``review``."""

    id: Id
    """Unique in the pack."""
    path: str
    """The category path as the catalogue writes it (`A > B > C`)."""
    aliases: list[str] = Field(default_factory=list)
    """Other names of the category (other languages, older names)."""
    class_: Id = Field(alias="class")
    """The class a listing in it is decided under."""


class LadderStep(Strict):
    """A rung of the penalty ladder."""

    at_strikes: Annotated[int, Field(ge=1)]
    """Active strikes that reach this step (strictly increasing down the ladder)."""
    step: StepName
    """The seller's standing from then on."""


class Evasion(Strict):
    """The aggravated penalty for deliberate evasion.

    ``misplaced_confidence``: a listing is ``misplaced`` only when its deciding class (the
    strongest) is blocked, or scores at least this, outside that class's expected categories.
    Absent: only a blocked deciding class counts (a review is a doubt, not evasion).
    """

    signals: list[EvasionSignal]
    """Which evasion signals aggravate: `obfuscated`, `misplaced`, `relisted`."""
    step: StepName
    """The standing a strike with one of them brings at once."""
    misplaced_confidence: Weight | None = None
    """`misplaced` fires when the deciding class is blocked, or scores at least this, outside
    its expected categories; absent: only a blocked deciding class counts."""


class Enforcement(Strict):
    """Declared here, applied by the enforcement ledger."""

    strike_expiry_days: Annotated[int, Field(ge=1)] | None = None
    """Days after which a strike no longer counts (none: never expires)."""
    ladder: list[LadderStep] = Field(min_length=1)
    """The penalty ladder, mildest step first."""
    evasion: Evasion | None = None
    """The aggravated step for deliberate evasion."""


Effect = Literal["allow", "deny", "allow-with-notice", "require-review"]
Combining = Literal["deny-overrides", "permit-overrides", "first-applicable", "only-one-applicable"]


class AccessPhase(Strict):
    """From ``start`` (inclusive) to ``end`` (exclusive, open when absent), the rule's effect.

    Times carry their offset (``2021-09-28T00:00:00+08:00``) or are read in ``access.timezone``.
    """

    start: dt.datetime
    """When the phase begins (inclusive)."""
    end: dt.datetime | None = None
    """When it ends (exclusive); none: open-ended."""
    effect: Effect
    """`allow`, `deny`, `allow-with-notice` or `require-review`."""
    notice: str | None = None
    """The text shown to the user with the decision."""


class AccessSubjects(Strict):
    """Who a rule applies to. ``scope: all`` is every user, wherever they are (a shutdown).

    ``countries`` matches the subject's jurisdiction, resolved by ``access.precedence`` (the
    first of KYC, IP or phone country the subject has); ``kyc_country``, ``ip_country`` and
    ``phone_country`` match one source directly. ``created_before`` selects existing users,
    ``created_from`` new ones; ``attributes`` must all be equal.
    """

    scope: Literal["jurisdiction", "all"] = "jurisdiction"
    """`jurisdiction`: selected by country; `all`: everyone."""
    countries: list[Country] = Field(default_factory=list)
    """The subject's resolved jurisdiction (by `access.precedence`) is one of these."""
    kyc_country: list[Country] = Field(default_factory=list)
    """The KYC country is one of these."""
    ip_country: list[Country] = Field(default_factory=list)
    """The IP country is one of these."""
    phone_country: list[Country] = Field(default_factory=list)
    """The phone country is one of these."""
    created_before: dt.datetime | None = None
    """Accounts created before this time (existing users)."""
    created_from: dt.datetime | None = None
    """Accounts created from this time (new users)."""
    attributes: dict[str, str | int | bool] = Field(default_factory=dict)
    """Subject attributes that must all be equal."""


class AccessRule(Strict):
    """One account-action rule: whom, which actions, in which phases."""

    id: Id
    """Unique in the pack; named in decisions."""
    description: str | None = None
    """What the rule does, for readers and in decisions."""
    subjects: AccessSubjects
    actions: list[Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9-]*|\*)$")]] = Field(
        min_length=1
    )
    """The actions it governs (declared in `access.actions`), or `*` for all."""
    phases: list[AccessPhase] = Field(min_length=1)
    """Its phases in time order, each with an effect."""


class Access(Strict):
    """Account-action rules: which actions whom may take when, under which combining strategy."""

    timezone: str | None = None
    """IANA zone (e.g. Asia/Shanghai) for phase times written without an offset."""
    precedence: list[CountrySource] = Field(default_factory=_kyc_first)
    """Which country sources resolve a subject's jurisdiction, first found wins."""
    combining: Combining = "deny-overrides"
    """How rules that apply together combine."""
    default: Effect = "allow"
    """The effect when no rule applies."""
    actions: list[Id] = Field(default_factory=list)
    """Every action the pack knows; any other is a usage error in `access check`."""
    onboarding: list[Id] = Field(default_factory=_register)
    """Actions that only new accounts take (not checked for existing ones)."""
    rules: list[AccessRule] = Field(default_factory=list)
    """The rules."""


class ModelSpec(Strict):
    """The trained classifier a pack uses, and per class the probabilities that act.

    ``file`` is relative to the pack folder (written by ``proscribe train``). A class without
    ``thresholds`` here still gets its probability in verdicts, but the model never decides it.
    """

    file: str
    """The model file, relative to the pack folder (written by `proscribe train`)."""
    thresholds: dict[Id, Thresholds] = Field(default_factory=dict)
    """Per class id: the calibrated probabilities that review and block."""


class Matching(Strict):
    """How the pack's Latin words tolerate typing errors ("antminner" for "antminer").

    A one-word Latin term of at least ``typo_min_length`` letters, in a signal weighing at
    least ``typo_weight``, also matches at one edit (a letter left out, added, changed or two
    swapped), unless what was written is an English word. Such a match is evidence of weight
    ``typo_weight``, shown with the trick ``typo``; ``typos: false`` turns this off.
    """

    typos: bool = True
    """Whether long Latin words also match at one edit."""
    typo_min_length: Annotated[int, Field(ge=5, le=40)] = 7
    """The shortest word that tolerates a typo."""
    typo_weight: Weight = 0.6
    """The weight of a typo match (and the least signal weight that gets one)."""


class PhaseChanges(Strict):
    """The dates an override moves; the others stay the global pack's."""

    announced: dt.date | None = None
    """Announced there on this date."""
    effective: dt.date | None = None
    """Blocking starts there on this date."""
    enforced: dt.date | None = None
    """Strikes start there on this date."""
    withdrawn: dt.date | None = None
    """The pack ends there on this date."""


class ClassChanges(Strict):
    """How an override changes one class where it applies.

    ``applies: false`` lifts the class there (loosen); thresholds lower than the global ones
    tighten it, higher ones loosen it; ``withdrawn`` ends it there on a date.
    """

    applies: bool = True
    """`false` lifts the class in the override's countries."""
    thresholds: Thresholds | None = None
    """The class thresholds there (lower tightens, higher loosens)."""
    model_thresholds: Thresholds | None = None
    """The classifier's thresholds for the class there."""
    withdrawn: dt.date | None = None
    """The class ends there on this date."""


class OverrideFile(Strict):
    """A per-country override of the global pack (``<name>.override.yaml``, listed in
    pack.yaml ``overrides``).

    Precedence: an override wins over the global pack in its ``jurisdictions``; where two
    apply to one country, the higher ``priority`` wins (priorities are unique in a pack).
    """

    id: Id
    """Unique in the pack; named in verdicts decided under it."""
    title: str
    """What the override changes, in a line."""
    description: str | None = None
    """Why."""
    jurisdictions: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(
        min_length=1
    )
    """ISO 3166-1 alpha-2 codes where it applies."""
    priority: int
    """Unique in the pack: where two overrides apply, the higher wins."""
    phases: PhaseChanges | None = None
    """Dates that differ there."""
    classes: dict[Id, ClassChanges] = Field(default_factory=dict)
    """Per class id: how the class changes there."""
    closed_categories: list[ClosedCategory] = Field(default_factory=list)
    """Categories closed there in addition."""
    enforcement: Enforcement | None = None
    """A ladder that replaces the global one there."""


class Mutation(Strict):
    """What `proscribe test --mutate` must reach: the share of disguised variants caught."""

    min_recall: Weight
    """Minimum share (0–1) of tricked variants of block/review cases still flagged."""


class PackFile(Strict):
    """``pack.yaml``: what the pack is, where and when it applies, and what follows."""

    id: Id
    """The pack id: lower-case, named by every verdict, strike and audit event."""
    revision: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    """Bump it on every change: one revision, one content (checked on activation)."""
    title: str
    """What the pack bans, in a line."""
    summary: str | None = None
    """The ban in a paragraph: what, where, from when, what follows."""
    sources: list[Source] = Field(default_factory=list)
    """The legal and public texts the pack implements."""
    jurisdictions: list[Country] = Field(min_length=1)
    """ISO 3166-1 alpha-2 codes where it applies (GB, not UK), or `*` for everywhere."""
    unknown_jurisdiction: Literal["apply", "skip"]
    """For a listing with no country: `apply` the pack, or `skip` it."""
    phases: Phases
    """The dates the ban moves through."""
    classes: list[str] = Field(default_factory=list)
    """The class files (one prohibited class each), in order."""
    closed_categories: list[ClosedCategory] = Field(default_factory=list)
    """Categories the ban closes: a listing in one gets at least review."""
    exemptions: list[Exemption] = Field(default_factory=list)
    """Harmless contexts that veto weak findings of every class."""
    enforcement: Enforcement | None = None
    """What happens to sellers: strikes, their expiry, the ladder, the evasion step."""
    access: Access | None = None
    """Account-action rules by jurisdiction and phase."""
    model: ModelSpec | None = None
    """The optional trained classifier and its thresholds."""
    matching: Matching = Field(default_factory=Matching)
    """How Latin words tolerate one typing error."""
    overrides: list[str] = Field(default_factory=list)
    """Per-country override files (`*.override.yaml`) that tighten or loosen the pack."""
    mutation: Mutation | None = None
    """The bar for `proscribe test --mutate` (its exit code is 1 below it)."""
