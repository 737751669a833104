"""Read catalogues (CSV, JSON Lines, Parquet) as a stream of listings and rejected rows.

A malformed row never stops the stream and is never dropped silently: it comes out as a
:class:`Rejected` with its row number, id (when it has one), a code and a hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from proscribe.catalogue.lines import Record, bounded_lines, csv_records
from proscribe.catalogue.rows import (
    OPTIONAL,
    Ids,
    Rejected,
    Row,
    clean_id,
    from_json_line,
    has_surrogates,
    to_row,
)
from proscribe.errors import CatalogueError, Diagnostic, Location
from proscribe.limits import MAX_CSV_ROW_LINES, MAX_DESCRIPTION, MAX_LINE_BYTES, MAX_TITLE
from proscribe.types import Listing

FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
__all__ = [
    "MAX_DESCRIPTION",
    "MAX_TITLE",
    "Catalogue",
    "Rejected",
    "Row",
    "from_json_line",
    "to_row",
]


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
        self.ids = Ids()
        self.notices: list[Rejected] = []  # rows changed on the way in (PSC-C018)
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
        for item in self.raw_lines():
            if isinstance(item, Rejected):
                yield item
            else:
                yield self.unique(from_json_line(item[1], item[0], self.notices), item[0])

    def unique(self, row: Row, number: int) -> Row:
        """``row``, or its rejection when an earlier row had the same id (``PSC-C015``)."""
        if isinstance(row, Rejected):
            return row
        return self._first(row.id, number) or row

    def _first(self, ident: str, number: int) -> Rejected | None:
        duplicate = self.ids.check(ident, number)
        if duplicate is not None and self.notices and self.notices[-1].row == number:
            self.notices.pop()  # not decided: nothing was changed in a decided row
        return duplicate

    def screen(self, item: tuple[int, bytes]) -> Rejected | None:
        """A raw JSON Lines row in the reading process: its duplicate-id rejection, if any,
        and its NUL notice (the row is parsed again, and decided, by a worker)."""
        row = from_json_line(item[1], item[0], self.notices)
        return self._first(row.id, item[0]) if isinstance(row, Listing) else None

    def raw_lines(self) -> Iterator[tuple[int, bytes] | Rejected]:
        """JSON Lines only: (row number, raw line) for non-blank lines, parsed by the caller;
        a line over ``MAX_LINE_BYTES`` comes out rejected.

        Lets a parallel scan parse JSON in its workers instead of the reading process.
        """
        count = 0
        done = [0]
        with self._open() as handle:
            for number, raw in bounded_lines(handle, done):
                self.done = done[0]
                if raw is None:
                    count += 1
                    yield _too_long(number)
                elif raw.strip():
                    count += 1
                    yield number, raw
        if count == 0:
            raise _no_listings(self.path)

    def _csv(self) -> Iterator[Row]:
        done = [0]
        with self._open() as handle:
            records = csv_records(self._decoded(handle, done))
            header = next(records, None)
            names = _header(header)
            if "title" not in names or "id" not in names:
                raise _missing_columns(self.path, names)
            for record in records:
                self.done = done[0]
                yield self._csv_row(names, record)

    def _csv_row(self, names: list[str], record: Record) -> Row:
        if len(record) == 2:
            return _too_long(record[0]) if record[1] == "too-long" else _runaway(record[0])
        _first, last, cells = record
        if len(cells) > len(names):
            ident = clean_id(cells[names.index("id")])
            return Rejected(
                last,
                ident,
                "PSC-C008",
                "the row has more cells than the header",
                "quote cells holding commas",
            )
        fields = dict(zip(names, cells, strict=False))
        if any(has_surrogates(c) for c in cells):
            return Rejected(
                last,
                clean_id(fields.get("id")),
                "PSC-C006",
                "invalid UTF-8 in the row",
                "re-export the file as UTF-8",
            )
        row = to_row({k: (v if v != "" else None) for k, v in fields.items()}, last, self.notices)
        return self.unique(row, last)

    def _decoded(self, handle: BinaryIO, done: list[int]) -> Iterator[tuple[int, str | None]]:
        for number, raw in bounded_lines(handle, done):
            text = raw.decode("utf-8", "surrogateescape") if raw is not None else None
            yield number, text[1:] if number == 1 and text and text[0] == "\ufeff" else text

    def _parquet(self) -> Iterator[Row]:
        import pyarrow.parquet as pq

        source = pq.ParquetFile(self.path)
        names = source.schema_arrow.names
        if "title" not in names or "id" not in names:
            raise _missing_columns(self.path, names)
        wanted = [c for c in ("id", "title", *OPTIONAL) if c in names]
        number = 0
        for group in range(source.num_row_groups):
            try:
                rows = source.read_row_group(group, columns=wanted).to_pylist()
            except Exception as exc:  # a corrupt page: every row of the group is rejected
                size = source.metadata.row_group(group).num_rows
                yield from _bad_group(group, number, size, exc)
                number += size
                self.done += size
                continue
            for fields in rows:
                number += 1
                self.done += 1
                yield self.unique(to_row(fields, number, self.notices), number)

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


def _header(record: Record | None) -> list[str]:
    if record is None or len(record) == 2:
        return []
    return [name.strip() for name in record[2]]


def _too_long(number: int) -> Rejected:
    return Rejected(
        number,
        None,
        "PSC-C016",
        f"the line is longer than {MAX_LINE_BYTES:,} bytes",
        "this is not one listing: check the export (a missing line break?)",
    )


def _runaway(number: int) -> Rejected:
    return Rejected(
        number,
        None,
        "PSC-C017",
        f"a quoted cell opened on this line is not closed within {MAX_CSV_ROW_LINES} lines "
        "(or before the end of the file)",
        'close the quote, or double a quote inside a quoted cell (""); the lines after this '
        "one were read as rows of their own",
    )


def _bad_group(group: int, before: int, size: int, exc: Exception) -> Iterator[Rejected]:
    message = f"row group {group} cannot be read: {str(exc)[:200]}"
    hint = "re-export the file; the other row groups were read"
    for number in range(before + 1, before + size + 1):
        yield Rejected(number, None, "PSC-C019", message, hint)
