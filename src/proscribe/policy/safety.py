"""What a pack may name: files inside its own folder, no symbolic links, no YAML aliases.

A pack is code-free data that others hand you; loading one must not read files outside it
(``PSC-P044``), follow links to them (``PSC-P045``) or expand an alias bomb (``PSC-P043``).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from proscribe.errors import Diagnostic, Location, PackError


def alias_problem(text: str, loader: type, file: str) -> Diagnostic | None:
    """The first YAML alias (``*name``) of ``text``, which packs may not use: a few
    kilobytes of nested aliases expand to gigabytes. Anchors alone are harmless."""
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
                return Diagnostic(
                    "PSC-P043",
                    f"YAML alias '*{event.anchor}' is not allowed in a pack",
                    where,
                    "write the value out in full; packs refuse aliases (&anchor / *alias)",
                )
    except yaml.YAMLError:
        return None  # the parser reports syntax errors with their position
    return None


def pack_file(folder: Path, name: str, where: Location, what: str) -> Path:
    """``folder / name`` when it lies inside ``folder`` and is no symbolic link."""
    root = folder.resolve()
    path = Path(os.path.normpath(root / name))
    inside = not Path(name).is_absolute() and path.is_relative_to(root)
    if inside:
        refuse_link(root, path, where)
    if not inside or not path.resolve().is_relative_to(root):
        raise PackError(
            Diagnostic(
                "PSC-P044",
                f"{what} '{name}' is outside the pack folder",
                where,
                "name files by their path inside the pack folder (no '..', no absolute paths)",
            )
        )
    return path


def refuse_link(root: Path, path: Path, where: Location) -> None:
    """PSC-P045 when ``path`` or a folder between ``root`` and it is a symbolic link."""
    current = path
    while current != root and current != current.parent:
        if current.is_symlink():
            raise PackError(
                Diagnostic(
                    "PSC-P045",
                    f"'{current.relative_to(root)}' is a symbolic link",
                    where,
                    "copy the file into the pack folder; packs refuse links",
                )
            )
        current = current.parent


def refuse_links(folder: Path) -> None:
    """PSC-P045 for the first symbolic link anywhere in a pack folder (before it is stored)."""
    root = folder.resolve()
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            refuse_link(root, path, Location(str(path)))
