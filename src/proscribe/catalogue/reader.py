"""Read catalogues (CSV, JSON Lines, Parquet) as a stream of listings and rejected rows.

A malformed row never stops the stream and is never dropped silently: it comes out as a
:class:`Rejected` with its row number, id (when it has one), a code and a hint.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from proscribe.errors import CatalogueError, Diagnostic, Location
from proscribe.types import Listing

FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
OPTIONAL = ("description", "category", "seller_id", "price", "currency", "country", "listed_at")
#: Longest title and description accepted; longer ones are data errors, not listings.
MAX_TITLE = 10_000
MAX_DESCRIPTION = 1_000_000
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that could not be read as a listing, and why."""

    row: int
    id: str | None
    code: str
    message: str
    hint: str

    def to_record(self) -> dict[str, object]:
        return {
            "row": self.row,
            "id": self.id,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


Row = Listing | Rejected


def catalogue_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CatalogueError(
            Diagnostic(
                "PSC-C002",
                f"unknown catalogue format '{path.suffix or '(no extension)'}'",
                Location(str(path)),
                "use .csv, .jsonl (JSON Lines) or .parquet",
            )
        )
    return fmt


class Catalogue:
    """One catalogue file; iterate it for rows, read ``progress`` for the work done."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = catalogue_format(path)
        if not path.is_file():
            raise CatalogueError(
                Diagnostic(
                    "PSC-C001",
                    "cannot read the catalogue: no such file",
                    Location(str(path)),
                    "check the path",
                )
            )
        self.size = path.stat().st_size
        self.done = 0  # bytes read (CSV, JSON Lines) or rows read (Parquet)
        if self.format == "parquet":
            self.size = _parquet_rows(path)

    def __iter__(self) -> Iterator[Row]:
        readers = {"csv": self._csv, "jsonl": self._jsonl, "parquet": self._parquet}
        count = 0
        for row in readers[self.format]():
            count += 1
            yield row
        if count == 0:
            raise _no_listings(self.path)

    def _jsonl(self) -> Iterator[Row]:
        for number, raw in self.raw_lines():
            yield from_json_line(raw, number)

    def raw_lines(self) -> Iterator[tuple[int, bytes]]:
        """JSON Lines only: (row number, raw line) for non-blank lines, parsed by the caller.

        Lets a parallel scan parse JSON in its workers instead of the reading process.
        """
        count = 0
        with self._open() as handle:
            for number, raw in enumerate(handle, start=1):
                self.done += len(raw)
                if raw.strip():
                    count += 1
                    yield number, raw
        if count == 0:
            raise _no_listings(self.path)

    def _csv(self) -> Iterator[Row]:
        with self._open() as handle:
            lines = self._decoded(handle)
            reader = csv.DictReader(lines)
            if (
                reader.fieldnames is None
                or "title" not in reader.fieldnames
                or "id" not in reader.fieldnames
            ):
                raise _missing_columns(self.path, reader.fieldnames or [])
            for fields in reader:
                yield _from_csv(fields, reader.line_num)

    def _decoded(self, handle: BinaryIO) -> Iterator[str]:
        for raw in handle:
            self.done += len(raw)
            yield raw.decode("utf-8", "surrogateescape")

    def _parquet(self) -> Iterator[Row]:
        import pyarrow.parquet as pq

        source = pq.ParquetFile(self.path)
        names = source.schema_arrow.names
        if "title" not in names or "id" not in names:
            raise _missing_columns(self.path, names)
        wanted = [c for c in ("id", "title", *OPTIONAL) if c in names]
        number = 0
        for batch in source.iter_batches(batch_size=4096, columns=wanted):
            for fields in batch.to_pylist():
                number += 1
                self.done += 1
                yield to_row(fields, number)

    def _open(self) -> BinaryIO:
        try:
            return self.path.open("rb")
        except OSError as exc:
            raise CatalogueError(
                Diagnostic(
                    "PSC-C001",
                    f"cannot read the catalogue: {exc.strerror}",
                    Location(str(self.path)),
                    "check the path and its permissions",
                )
            ) from exc


def _no_listings(path: Path) -> CatalogueError:
    return CatalogueError(
        Diagnostic(
            "PSC-C004",
            "the catalogue holds no listings",
            Location(str(path)),
            "check that the right file was exported",
        )
    )


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception as exc:
        raise CatalogueError(
            Diagnostic(
                "PSC-C005",
                f"not a readable Parquet file: {exc}",
                Location(str(path)),
                "re-export the file, or name it .csv/.jsonl",
            )
        ) from exc


def _missing_columns(path: Path, names: list[str] | Any) -> CatalogueError:
    missing = [c for c in ("id", "title") if c not in names]
    return CatalogueError(
        Diagnostic(
            "PSC-C003",
            f"missing required column(s): {', '.join(missing)}",
            Location(str(path), 1),
            f"the columns found are: {', '.join(names) or '(none)'}; rename the right ones to "
            "'id' and 'title'",
        )
    )


def from_json_line(raw: bytes, number: int) -> Row:
    """One JSON Lines row → a listing, or the reason it is rejected."""
    try:
        fields = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        invalid = _utf8_problem(raw)
        if invalid:
            return Rejected(number, None, "PSC-C006", invalid, "re-export the file as UTF-8")
        return Rejected(
            number, None, "PSC-C007", f"not valid JSON: {exc}", "each line must be one JSON object"
        )
    if not isinstance(fields, dict):
        return Rejected(
            number,
            None,
            "PSC-C007",
            "the line is JSON but not an object",
            'each line must be one JSON object such as {"id": …, "title": …}',
        )
    return to_row(fields, number)


def _from_csv(fields: dict[str, Any], number: int) -> Row:
    if None in fields:
        return Rejected(
            number,
            _text(fields.get("id")),
            "PSC-C008",
            "the row has more cells than the header",
            "quote cells holding commas",
        )
    for value in fields.values():
        if isinstance(value, str) and _has_surrogates(value):
            return Rejected(
                number,
                _clean_id(fields.get("id")),
                "PSC-C006",
                "invalid UTF-8 in the row",
                "re-export the file as UTF-8",
            )
    return to_row({k: (v if v != "" else None) for k, v in fields.items()}, number)


def to_row(fields: dict[str, Any], number: int) -> Row:
    """Check one row's fields and make a listing of them, or say why not."""
    ident = _text(fields.get("id"))
    if not ident:
        return Rejected(number, None, "PSC-C009", "the row has no id", "give every listing an id")
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        return Rejected(
            number,
            ident,
            "PSC-C009",
            "the row has no title",
            "give every listing a non-empty title",
        )
    problem = _field_problem(fields, title)
    if problem:
        return Rejected(number, ident, "PSC-C010", problem[0], problem[1])
    price = fields.get("price")
    try:
        price_value = float(price) if price is not None else None
    except (TypeError, ValueError):
        return Rejected(
            number,
            ident,
            "PSC-C011",
            f"price {price!r} is not a number",
            "write prices as plain numbers, e.g. 129.99",
        )
    optional = {k: _text(fields.get(k)) for k in OPTIONAL if k != "price"}
    return Listing(id=ident, title=title, price=price_value, **optional)


def _field_problem(fields: dict[str, Any], title: str) -> tuple[str, str] | None:
    if len(title) > MAX_TITLE:
        return (
            f"title is {len(title):,} characters long; the limit is {MAX_TITLE:,}",
            "this is not a listing title: check the export (a description in the title column?)",
        )
    description = fields.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        return (
            f"description is {len(description):,} characters long; the limit is "
            f"{MAX_DESCRIPTION:,}",
            "check the export",
        )
    for key in OPTIONAL:
        value = fields.get(key)
        if isinstance(value, dict | list):
            return f"{key} is a {type(value).__name__}, not text", f"write {key} as plain text"
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def _clean_id(value: Any) -> str | None:
    text = _text(value)
    return text.encode("utf-8", "replace").decode() if text else None


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def _utf8_problem(raw: bytes) -> str | None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 at byte {exc.start + 1} of the line"
    return None
