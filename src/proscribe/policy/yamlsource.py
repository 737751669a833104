"""YAML documents that remember where each value came from (file, line, column)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from proscribe.errors import Diagnostic, Location
from proscribe.policy.safety import alias_problem

Path_ = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(slots=True)
class YamlDocument:
    """A parsed YAML file: its data, the location of every key path, and parse problems."""

    file: str
    data: Any = None
    marks: dict[Path_, Location] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def locate(self, path: Path_) -> Location:
        """The location of ``path``, or of its nearest ancestor that exists."""
        for end in range(len(path), -1, -1):
            found = self.marks.get(tuple(path[:end]))
            if found is not None:
                return found
        return Location(self.file, 1, 1)


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Parse ``path``; syntax errors and duplicate keys become diagnostics, never exceptions."""
    doc = YamlDocument(display or str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        doc.problems.append(
            Diagnostic(
                "PSC-P001",
                f"cannot read the file: {exc}",
                Location(doc.file),
                "check that the path exists and is UTF-8 text",
            )
        )
        return doc
    alias = alias_problem(text, _LOADER, doc.file)
    if alias is not None:
        doc.problems.append(alias)
        return doc
    try:
        node = yaml.compose(text, Loader=_LOADER)
        doc.data = yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = Location(doc.file, mark.line + 1, mark.column + 1) if mark else Location(doc.file)
        doc.problems.append(
            Diagnostic(
                "PSC-P002",
                f"YAML syntax error: {exc.problem}",
                where,
                "fix the indentation or quoting near this position",
            )
        )
        return doc
    if node is not None:
        _walk(node, (), doc)
    return doc


def _location(doc: YamlDocument, node: yaml.Node) -> Location:
    return Location(doc.file, node.start_mark.line + 1, node.start_mark.column + 1)


def _walk(node: yaml.Node, path: Path_, doc: YamlDocument) -> None:
    doc.marks[path] = _location(doc, node)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                doc.problems.append(
                    Diagnostic(
                        "PSC-P004",
                        f"duplicate key '{key}'",
                        _location(doc, key_node),
                        "remove one of the two entries: YAML keeps only the last one",
                    )
                )
            seen.add(key)
            _walk(value_node, (*path, key), doc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), doc)
