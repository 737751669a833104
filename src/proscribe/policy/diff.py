"""``diff_packs(old, new) -> list[Change]``: what changed between two pack revisions, in words.

Both revisions become one plain document (pack.yaml, every class, the model's digest); the
diff walks them together. Lists of items with an ``id`` (classes, signals, rules, exemptions,
access rules) are matched by id; lists of words, patterns, countries and ladder steps are
compared as sets, so "added 3 words" says which three.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from proscribe.policy.pack import PolicyPack

Path = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One change: ``added``, ``removed`` or ``changed`` at ``path`` (e.g. a class's words)."""

    action: str
    path: Path
    before: Any = None
    after: Any = None

    @property
    def area(self) -> str:
        return self.path[0] if self.path else "pack"

    def to_record(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "area": self.area,
            "path": list(self.path),
            "before": self.before,
            "after": self.after,
        }

    def describe(self) -> str:
        where = " › ".join(self.path)
        if self.action == "changed":
            return f"changed {where}: {_short(self.before)} → {_short(self.after)}"
        items = self.after if self.action == "added" else self.before
        if isinstance(items, list):
            shown = ", ".join(_short(i) for i in items[:8])
            more = f" (+{len(items) - 8} more)" if len(items) > 8 else ""
            return f"{self.action} {len(items)} in {where}: {shown}{more}"
        return f"{self.action} {where}: {_short(items)}"


def document(pack: PolicyPack) -> dict[str, Any]:
    """The whole revision as plain data: pack.yaml, every class and override, the model's
    digest."""
    spec = pack.spec.model_dump(mode="json", by_alias=True, exclude={"classes"})
    spec["classes"] = [c.model_dump(mode="json", by_alias=True) for c in pack.classes]
    spec["overrides"] = [o.model_dump(mode="json", by_alias=True) for o in pack.overrides]
    if pack.model is not None:
        spec["model_digest"] = pack.model.digest
    return spec


def diff_packs(old: PolicyPack, new: PolicyPack) -> list[Change]:
    changes: list[Change] = []
    _walk((), document(old), document(new), changes)
    return changes


def _walk(path: Path, a: Any, b: Any, out: list[Change]) -> None:
    if a == b:
        return
    if a is None or b is None:
        out.append(Change("added" if a is None else "removed", path, a, b))
    elif isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            _walk((*path, str(key)), a.get(key), b.get(key), out)
    elif isinstance(a, list) and isinstance(b, list):
        _lists(path, a, b, out)
    else:
        out.append(Change("changed", path, a, b))


def _lists(path: Path, a: list[Any], b: list[Any], out: list[Change]) -> None:
    if _has_ids(a) and _has_ids(b):
        old = {item["id"]: item for item in a}
        new = {item["id"]: item for item in b}
        for key in list(old) + [k for k in new if k not in old]:
            _walk((*path, str(key)), old.get(key), new.get(key), out)
        return
    before = [_key(i) for i in a]
    after = [_key(i) for i in b]
    removed = [x for x, k in zip(a, before, strict=True) if k not in set(after)]
    added = [x for x, k in zip(b, after, strict=True) if k not in set(before)]
    if removed:
        out.append(Change("removed", path, removed, None))
    if added:
        out.append(Change("added", path, None, added))
    if not removed and not added:
        out.append(Change("changed", path, a, b))  # same items, another order (precedence)


def _has_ids(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(i, dict) and "id" in i for i in items)


def _key(item: Any) -> str:
    return orjson.dumps(item, option=orjson.OPT_SORT_KEYS).decode()


def _short(value: Any) -> str:
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "…"
    if isinstance(value, dict) and "id" in value:
        return str(value["id"])
    text = orjson.dumps(value).decode()
    return text if len(text) <= 60 else text[:57] + "…"
