"""Read a proscribe model file (a skops zip of NumPy arrays and plain data) without skops.

skops' own loader imports scikit-learn, which costs seconds at start-up; a model file holds
only the node types of ``modelfile.ALLOWED``, so this reader rebuilds exactly those: JSON
scalars, lists, dictionaries with string keys and ``.npy`` arrays (read with
``allow_pickle=False``: an object array is refused, never unpickled). Anything else raises
``ValueError`` (the caller turns it into PSC-P031).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from proscribe.classify.modelfile import MAX_SCHEMA

#: Deepest nesting of a schema node read (a model file's dictionary is 3 or 4 deep).
MAX_DEPTH = 32
#: Largest array member read (the coefficients of a 16-label model are 16 MiB).
MAX_ARRAY = 256 * 1024 * 1024


def read_archive(path: Path) -> Any:
    """The data a model file holds; ``ValueError`` for any node outside the allow-list."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("schema.json")
        if info.file_size > MAX_SCHEMA:
            raise ValueError(f"schema.json is {info.file_size:,} bytes")
        schema = json.loads(archive.read(info))
        return _node(schema, archive, 0)


def _node(node: Any, archive: zipfile.ZipFile, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError(f"schema nested deeper than {MAX_DEPTH}")
    if not isinstance(node, dict):
        raise ValueError(f"schema node is a {type(node).__name__}, not an object")
    kind = (node.get("__module__"), node.get("__class__"), node.get("__loader__"))
    if kind[2] == "JsonNode" and kind[0] == "builtins":
        return json.loads(node["content"])
    if kind == ("builtins", "list", "ListNode"):
        return [_node(item, archive, depth + 1) for item in _list(node["content"])]
    if kind == ("builtins", "dict", "DictNode"):
        content = node["content"]
        if not isinstance(content, dict):
            raise ValueError("dictionary node without a dictionary")
        return {str(k): _node(v, archive, depth + 1) for k, v in content.items()}
    if kind == ("numpy", "ndarray", "NdArrayNode") and node.get("type") == "numpy":
        return _array(archive, str(node["file"]))
    raise ValueError(f"node {kind[0]}.{kind[1]} ({kind[2]}) is outside the allow-list")


def _list(content: Any) -> list[Any]:
    if not isinstance(content, list):
        raise ValueError("list node without a list")
    return content


def _array(archive: zipfile.ZipFile, member: str) -> np.ndarray[Any, Any]:
    info = archive.getinfo(member)
    if info.file_size > MAX_ARRAY:
        raise ValueError(f"array {member} is {info.file_size:,} bytes")
    array = np.load(io.BytesIO(archive.read(info)), allow_pickle=False)
    if not isinstance(array, np.ndarray):
        raise ValueError(f"member {member} is no array")
    return array
