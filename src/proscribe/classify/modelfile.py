"""What a model file may hold: an explicit allow-list of skops node types, checked before
skops reads it (skops on its own trusts many scikit-learn and NumPy types)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

#: (module, class, skops loader) of every node a proscribe model file may hold.
ALLOWED = frozenset(
    {
        ("builtins", "dict", "DictNode"),
        ("builtins", "list", "ListNode"),
        ("builtins", "str", "TypeNode"),
        ("numpy", "ndarray", "NdArrayNode"),
    }
    | {("builtins", t, "JsonNode") for t in ("str", "int", "float", "bool", "NoneType")}
)
#: The keys a model file's dictionary must have.
KEYS = ("format", "feature_version", "n_features", "labels", "coef", "intercept", "temperature")
#: Largest schema.json read (the arrays are separate members).
MAX_SCHEMA = 4 * 1024 * 1024


def disallowed_types(path: Path) -> list[str]:
    """Types in the file outside ``ALLOWED`` (as ``module.class``); raises ValueError when the
    file is no skops archive."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("schema.json")
        if info.file_size > MAX_SCHEMA:
            raise ValueError(f"schema.json is {info.file_size:,} bytes")
        schema = json.loads(archive.read(info))
    found: set[tuple[Any, Any, Any]] = set()
    _walk(schema, found)
    return sorted(f"{m}.{c}" for m, c, loader in found if (m, c, loader) not in ALLOWED)


def _walk(node: Any, found: set[tuple[Any, Any, Any]]) -> None:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "__class__" in item or "__loader__" in item:
                found.add((item.get("__module__"), item.get("__class__"), item.get("__loader__")))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def missing_keys(data: dict[str, Any]) -> list[str]:
    return [k for k in KEYS if k not in data]
