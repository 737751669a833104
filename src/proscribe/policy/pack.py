"""``PolicyPack`` (frozen) and ``load_pack(ref)``: a folder of YAML files → a validated pack."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from proscribe.classify.model import TextModel, load_model
from proscribe.errors import Diagnostic, Location, PackError
from proscribe.policy.inspect import PACK_FILE, display, inspect_pack
from proscribe.policy.overrides import (
    check_override,
    check_priorities,
    covering,
    effective_parts,
)
from proscribe.policy.safety import pack_file
from proscribe.policy.schema import ClassFile, OverrideFile, PackFile
from proscribe.policy.validation import validate
from proscribe.policy.yamlsource import YamlDocument, read_yaml

BUNDLED = Path(__file__).resolve().parent.parent / "packs"


@dataclass(frozen=True)
class PolicyPack:
    """A validated policy pack. Every verdict names its ``id`` and ``revision``."""

    spec: PackFile
    classes: tuple[ClassFile, ...]
    path: Path
    digest: str = field(compare=False)
    model: TextModel | None = field(default=None, compare=False, repr=False)
    overrides: tuple[OverrideFile, ...] = ()
    applied: tuple[str, ...] = ()  # the overrides this effective pack carries, in order
    _effective: dict[tuple[str, ...], PolicyPack] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def revision(self) -> str:
        return self.spec.revision

    @cached_property
    def class_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.classes)

    def get_class(self, class_id: str) -> ClassFile:
        for cls in self.classes:
            if cls.id == class_id:
                return cls
        raise KeyError(class_id)

    def phase_at(self, as_of: dt.date) -> str:
        """``pending``, ``grace`` (effective, not yet enforced), ``enforced`` or ``withdrawn``."""
        phases = self.spec.phases
        if phases.withdrawn is not None and as_of >= phases.withdrawn:
            return "withdrawn"
        if as_of < phases.effective:
            return "pending"
        if phases.enforced is not None and as_of < phases.enforced:
            return "grace"
        return "enforced"

    def override_key(self, jurisdiction: str | None) -> tuple[str, ...]:
        """The ids of the overrides that apply in ``jurisdiction``, in precedence order."""
        return tuple(o.id for o in covering(self.overrides, jurisdiction))

    def effective(self, jurisdiction: str | None) -> PolicyPack:
        """The pack as it decides in ``jurisdiction``: the global pack and its overrides there."""
        found = covering(self.overrides, jurisdiction)
        if not found:
            return self
        key = tuple(o.id for o in found)
        cached = self._effective.get(key)
        if cached is None:
            spec, classes = effective_parts(self.spec, self.classes, found)
            cached = PolicyPack(spec, classes, self.path, self.digest, self.model, (), key)
            self._effective[key] = cached
        return cached

    def applies_in(self, jurisdiction: str | None) -> bool:
        if jurisdiction is None:
            return self.spec.unknown_jurisdiction == "apply"
        wanted = self.spec.jurisdictions
        return "*" in wanted or jurisdiction.upper() in wanted


def bundled_pack_ids() -> list[str]:
    return sorted(p.parent.name for p in BUNDLED.glob(f"*/{PACK_FILE}"))


def resolve_pack(ref: str | Path) -> Path:
    """A bundled pack id, a pack folder or a ``pack.yaml`` path → the pack folder."""
    path = Path(ref)
    if path.is_file() and path.name == PACK_FILE:
        return path.parent
    if (path / PACK_FILE).is_file():
        return path
    if isinstance(ref, str) and (BUNDLED / ref / PACK_FILE).is_file():
        return BUNDLED / ref
    known = bundled_pack_ids()
    guess = difflib.get_close_matches(str(ref), known, n=1)
    hint = (
        f"did you mean '{guess[0]}'?"
        if guess
        else (f"give a pack folder holding {PACK_FILE}, or a bundled id: {', '.join(known)}")
    )
    raise PackError(Diagnostic("PSC-P008", f"no policy pack at '{ref}'", Location(str(ref)), hint))


def load_pack(ref: str | Path) -> PolicyPack:
    """Load and validate a pack; raise :class:`PackError` listing every problem at once."""
    folder = resolve_pack(ref)
    found = inspect_pack(folder)
    spec = found.spec
    if found.problems or spec is None:
        raise PackError(found.problems)
    overrides = _load_overrides(folder, spec, found.class_ids)
    model = _load_model(folder, spec, found.doc, found.classes)
    return PolicyPack(spec, tuple(found.classes), folder, _digest(folder, spec), model, overrides)


def _load_overrides(folder: Path, spec: PackFile, class_ids: list[str]) -> tuple[OverrideFile, ...]:
    """The per-country override files pack.yaml lists, validated against the pack."""
    loaded: list[tuple[OverrideFile, YamlDocument]] = []
    problems: list[Diagnostic] = []
    for name in spec.overrides:
        path = pack_file(folder, name, Location(display(folder / PACK_FILE)), "override file")
        if not path.is_file():
            raise PackError(
                Diagnostic(
                    "PSC-P009",
                    f"override file '{name}' not found",
                    Location(display(folder / PACK_FILE)),
                    f"create {path} or remove it from `overrides`",
                )
            )
        doc = read_yaml(path, display(path))
        override, found = validate(doc, OverrideFile) if not doc.problems else (None, [])
        problems += doc.problems + found
        if override is not None:
            problems += check_override(override, doc, spec, class_ids)
            loaded.append((override, doc))
    problems += check_priorities(loaded)
    if problems:
        raise PackError(problems)
    return tuple(o for o, _ in loaded)


def _load_model(
    folder: Path, spec: PackFile, doc: YamlDocument, classes: list[ClassFile]
) -> TextModel | None:
    """The pack's classifier; it must know every class the pack gives it thresholds for."""
    if spec.model is None:
        return None
    where = doc.locate(("model", "file"))
    model = load_model(pack_file(folder, spec.model.file, where, "model file"))
    unknown = sorted(set(spec.model.thresholds) - set(model.labels))
    if unknown:
        raise PackError(
            Diagnostic(
                "PSC-P033",
                f"the model does not know class {', '.join(unknown)}",
                doc.locate(("model", "thresholds")),
                f"it knows {', '.join(model.labels)}; retrain it with rows of that class "
                "(`proscribe train`) or drop the thresholds",
            )
        )
    return model


def _digest(folder: Path, spec: PackFile) -> str:
    sha = hashlib.sha256()
    model = [spec.model.file] if spec.model is not None else []
    for name in [PACK_FILE, *spec.classes, *model, *spec.overrides]:
        sha.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return sha.hexdigest()
