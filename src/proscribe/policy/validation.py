"""Turn pydantic validation errors into diagnostics with file:line:col and a hint."""

from __future__ import annotations

import difflib
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
    return Diagnostic(code, f"{dotted}: {err['msg']}", where, _hint_for(kind))


def _hint_for(kind: str) -> str:
    hints = {
        "string_pattern_mismatch": "ids are lower-case letters, digits, '.', '_' or '-'",
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
