"""Turn pydantic validation errors into diagnostics with file:line:col and a hint."""

from __future__ import annotations

import copy
import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from proscribe.errors import Diagnostic
from proscribe.policy.yamlsource import YamlDocument

M = TypeVar("M", bound=BaseModel)

_CODES = {
    "extra_forbidden": "PSC-P003",
    "missing": "PSC-P005",
}


def validate(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``doc.data`` against ``model``; every error becomes one diagnostic."""
    if not isinstance(doc.data, dict):
        where = doc.locate(())
        return None, [
            Diagnostic(
                "PSC-P006",
                "expected a mapping of keys to values at the top",
                where,
                f"see `proscribe pack schema` for the keys of {model.__name__}",
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_diagnostic(doc, model, err) for err in exc.errors()]


def validate_all(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """As :func:`validate`, and when it fails, the model of what is left once the keys in
    error are set aside — so the checks after the schema still run on the rest, and one
    `pack check` reports the errors of every stage (``None`` when a required key is bad)."""
    found, problems = validate(doc, model)
    if found is not None or not isinstance(doc.data, dict):
        return found, problems
    data = copy.deepcopy(doc.data)
    for _ in range(8):
        try:
            return model.model_validate(data), problems
        except ValidationError as exc:
            if not all(_set_aside(data, err) for err in exc.errors()):
                return None, problems
    return None, problems


def _set_aside(data: dict[str, Any], err: Any) -> bool:
    """Delete the innermost mapping key on the error's path; ``False`` when it cannot help
    (a required key is missing)."""
    if err["type"] == "missing":
        return False
    parent: Any = None
    key: Any = None
    node: Any = data
    for part in err["loc"]:
        if isinstance(node, dict) and part in node:
            parent, key, node = node, part, node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    if parent is None or key not in parent:
        return False
    del parent[key]
    return True


def _diagnostic(doc: YamlDocument, model: type[BaseModel], err: Any) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    code = _CODES.get(kind, "PSC-P007")
    where = doc.locate(loc)
    dotted = ".".join(str(p) for p in loc) or "(top)"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = (
            f"did you mean '{guess[0]}'?" if guess else f"allowed keys here: {', '.join(allowed)}"
        )
        return Diagnostic(code, f"unknown key '{loc[-1]}'", where, hint)
    if kind == "missing":
        return Diagnostic(
            code,
            f"required key '{loc[-1]}' is missing",
            where,
            f"add '{loc[-1]}' here (see `proscribe pack schema`)",
        )
    if kind == "string_pattern_mismatch":
        return Diagnostic(code, f"{dotted}: {err['msg']}", where, _pattern_hint(err))
    return Diagnostic(code, f"{dotted}: {err['msg']}", where, _hint_for(kind))


def _pattern_hint(err: Any) -> str:
    """A closed choice (``^(allow|review|block)$``) names its values and the nearest one;
    an id pattern says what ids are made of."""
    pattern = str((err.get("ctx") or {}).get("pattern", ""))
    choice = re.fullmatch(r"\^\(([a-z|-]+)\)\$", pattern)
    if choice is None:
        return "ids are lower-case letters, digits, '.', '_' or '-'"
    values = choice.group(1).split("|")
    guess = difflib.get_close_matches(str(err.get("input")), values, n=1, cutoff=0.5)
    close = f"did you mean '{guess[0]}'? " if guess else ""
    return f"{close}write one of: {', '.join(values)}"


def _hint_for(kind: str) -> str:
    hints = {
        "date_from_datetime_parsing": "write dates as YYYY-MM-DD",
        "date_parsing": "write dates as YYYY-MM-DD",
        "literal_error": "use one of the values listed in the message",
        "greater_than_equal": "weights and thresholds lie between 0 and 1",
        "less_than_equal": "weights and thresholds lie between 0 and 1",
        "too_short": "this list may not be empty",
    }
    return hints.get(kind, "see `proscribe pack schema` for the expected type")


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at ``loc`` (aliases included), walking nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        info = fields.get(part) or next((f for f in fields.values() if f.alias == part), None)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    fields = getattr(current, "model_fields", {})
    return [info.alias or name for name, info in fields.items()]


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
