"""``inspect_pack(folder)``: every problem of a pack folder, every stage at once.

The stages — YAML, schema, references, patterns, dates, country codes, normalisation — do
not hide one another: a schema error in one key sets that key aside and the later checks
run on the rest; a broken class file does not hide the others, nor the pack's own checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from proscribe.errors import Diagnostic, Location, PackError
from proscribe.policy.checks import check_class, check_pack
from proscribe.policy.lint import check_class_text, check_pack_places
from proscribe.policy.safety import pack_file, refuse_link
from proscribe.policy.schema import ClassFile, PackFile
from proscribe.policy.validation import validate_all
from proscribe.policy.yamlsource import YamlDocument, read_yaml

PACK_FILE = "pack.yaml"
_NOT_CLASSES = (".cases.yaml", ".override.yaml")


@dataclass
class Inspection:
    spec: PackFile | None
    doc: YamlDocument
    classes: list[ClassFile] = field(default_factory=list)
    class_ids: list[str] = field(default_factory=list)  # parsed or not: for references
    problems: list[Diagnostic] = field(default_factory=list)


def inspect_pack(folder: Path) -> Inspection:
    refuse_link(folder.resolve(), folder.resolve() / PACK_FILE, Location(str(folder / PACK_FILE)))
    doc = read_yaml(folder / PACK_FILE, display(folder / PACK_FILE))
    spec, found = validate_all(doc, PackFile) if _parsed(doc) else (None, [])
    found = doc.problems + found
    result = Inspection(spec, doc, problems=found)
    for index, name in _class_files(folder, spec, doc):
        _add_class(result, folder, name, index)
    if spec is not None:
        result.problems += check_pack(spec, doc, result.class_ids)
        result.problems += check_pack_places(spec, doc)
    return result


def _class_files(
    folder: Path, spec: PackFile | None, doc: YamlDocument
) -> list[tuple[int | None, str]]:
    """The class files pack.yaml lists; when it cannot say, every other YAML file there."""
    if spec is not None:
        return list(enumerate(spec.classes))
    listed = doc.data.get("classes") if isinstance(doc.data, dict) else None
    if isinstance(listed, list) and all(isinstance(n, str) for n in listed):
        return list(enumerate(listed))
    names = sorted(p.name for p in folder.glob("*.yaml") if p.name != PACK_FILE)
    return [(None, n) for n in names if not n.endswith(_NOT_CLASSES)]


def _add_class(result: Inspection, folder: Path, name: str, index: int | None) -> None:
    where = result.doc.locate(("classes", index)) if index is not None else None
    try:  # inside the pack folder, no links (PSC-P044, PSC-P045)
        path = pack_file(folder, name, where or Location(display(folder / PACK_FILE)), "class file")
    except PackError as exc:
        result.class_ids.append(Path(name).name.split(".")[0])
        result.problems += exc.diagnostics
        return
    if not path.is_file():
        result.class_ids.append(path.name.split(".")[0])  # no cascade of "unknown class"
        result.problems.append(
            Diagnostic(
                "PSC-P009",
                f"class file '{name}' not found",
                where,
                f"create {path} or remove it from `classes`",
            )
        )
        return
    doc = read_yaml(path, display(path))
    cls, found = validate_all(doc, ClassFile) if _parsed(doc) else (None, [])
    result.problems += doc.problems + found
    raw = doc.data.get("id") if isinstance(doc.data, dict) else None
    result.class_ids.append(cls.id if cls is not None else str(raw or path.stem))
    if cls is not None:
        result.problems += check_class(cls, doc) + check_class_text(cls, doc)
        if not found and not doc.problems:
            result.classes.append(cls)


def _parsed(doc: YamlDocument) -> bool:
    """Read as YAML (a duplicate key is a problem, but the rest can still be checked)."""
    return doc.data is not None or not doc.problems


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
