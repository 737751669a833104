"""Physical lines of a catalogue, bounded: no line and no CSV record may swallow the file.

``bounded_lines`` reads at most ``MAX_LINE_BYTES`` of a line; a longer line comes out as
``None`` (the caller rejects it) and reading resumes at the next one. ``csv_records`` parses
CSV records from those lines; a quoted cell that runs past ``MAX_CSV_ROW_LINES`` lines or the
end of the file (an unbalanced quote) is rejected at the line where it starts, and reading
resumes at the line after it — so one stray quote costs one row, not every row after it.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from typing import BinaryIO

from proscribe.limits import MAX_CSV_ROW_LINES, MAX_LINE_BYTES

#: (physical line number, text) — text is None when the line was over ``MAX_LINE_BYTES``.
Line = tuple[int, str | None]


class LineTooLongError(Exception):
    """A line over ``MAX_LINE_BYTES``."""


class RunawayError(Exception):
    """A CSV record over ``MAX_CSV_ROW_LINES`` lines, or cut by the end of the file."""


def bounded_lines(handle: BinaryIO, counter: list[int]) -> Iterator[tuple[int, bytes | None]]:
    """(number, raw line) with ``None`` for a line over the limit; ``counter[0]`` += bytes."""
    number = 0
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        counter[0] += len(raw)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                counter[0] += len(rest)
            counter[0] += len(rest)
            yield number, None
            continue
        yield number, raw


class _Feed:
    """Feeds ``csv.reader`` one line at a time, remembering the lines of the current record."""

    def __init__(self, lines: Iterator[Line]) -> None:
        self.source = lines
        self.pending: deque[Line] = deque()
        self.record: list[Line] = []
        self.cut = False  # the file ended inside the current record (an open quote)

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.pending:
            number, text = self.pending.popleft()
        else:
            try:
                number, text = next(self.source)
            except StopIteration:
                self.cut = bool(self.record)
                raise
        if text is None:
            if self.record:  # a record may not run through an over-long line
                self.pending.appendleft((number, text))
                raise RunawayError
            self.record.append((number, text))
            raise LineTooLongError
        self.record.append((number, text))
        if len(self.record) > MAX_CSV_ROW_LINES:
            raise RunawayError
        return text


#: One CSV record: (first line, last line, cells) or (line, problem) for a rejected line.
Record = tuple[int, int, list[str]] | tuple[int, str]


def csv_records(lines: Iterator[Line]) -> Iterator[Record]:
    """CSV records of ``lines`` (blank ones skipped); over-long lines and runaway quoted
    cells come out as ``(line, "too-long" | "runaway")`` and reading goes on."""
    feed = _Feed(lines)
    reader = csv.reader(feed)
    while True:
        feed.record, feed.cut = [], False
        try:
            cells = next(reader)
        except StopIteration:
            return
        except LineTooLongError:
            yield feed.record[0][0], "too-long"
            continue
        except (RunawayError, csv.Error):
            yield from _resume(feed)
            reader = csv.reader(feed)
            continue
        if feed.cut:
            yield from _resume(feed)
            reader = csv.reader(feed)
        elif cells:
            yield feed.record[0][0], feed.record[-1][0], cells


def _resume(feed: _Feed) -> Iterator[Record]:
    """Reject the first line of a runaway record; read its other lines again."""
    if not feed.record:  # csv.Error on an empty record: nothing to give back
        return
    first, *rest = feed.record
    feed.pending.extendleft(reversed(rest))
    yield first[0], "runaway"
