"""One table to one .xlsx sheet, streamed (XlsxWriter, constant-memory mode), no Qt.

What DESIGN.md §5 asks of every export: a bold, frozen header row; column widths from the
content (a CJK character counts as two); real dates, times and numbers with number formats, not
text; and no cell a spreadsheet would execute: every text is written as a string cell (never a
formula, a number or a link), and text starting with ``= + - @`` is also quote-prefixed, with its
value unchanged. XlsxWriter writes ~2.5x faster than openpyxl's write-only mode (10,000 ledger
rows: 1.4 s vs 3.6 s); the tests read the files back with openpyxl.

Rows are streamed, so a million rows do not sit in memory; only the first
:data:`WIDTH_SAMPLE_ROWS` are held back to size the columns. The file is written under a
temporary name in the target folder and renamed at the end, so a cancelled or failed export never
leaves a half-written workbook.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import xlsxwriter

from desktop.errors import Cancelled

Progress = Callable[[int, int, str], None]

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
INT_FORMAT = "0"
PCT_FORMAT = "0.0%"
FLOAT_FORMAT = "0.0"
WIDTH_SAMPLE_ROWS = 500
MIN_WIDTH = 6
MAX_WIDTH = 60
MAX_CELL_CHARS = 32_767  # Excel's limit per cell
FORMULA_PREFIXES = ("=", "+", "-", "@")
_PROGRESS_EVERY = 500
_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
# Characters XML 1.0 cannot hold (the set openpyxl's ILLEGAL_CHARACTERS_RE removes).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def display_width(text: str) -> int:
    """Width in Excel "characters": East Asian wide and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def safe_sheet_name(name: str) -> str:
    name = name.translate(_INVALID_SHEET_CHARS).strip("'") or "Sheet1"
    return name[:31]


class Cell(NamedTuple):
    """A value written as ``kind`` instead of its column's kind (a rate in a column of counts)."""

    value: Any
    kind: str


@dataclasses.dataclass
class Sheet:
    """One sheet of a workbook: ``columns`` are ``(title, kind)`` with kind one of text, int, float,
    pct (a rate given in per cent units, 10.2 for 10.2 %, shown as a percentage), datetime, date,
    bool; ``rows`` is any iterable (streamed). ``filter_rows`` limits the autofilter to the first
    rows (a statistics sheet with notes below its table); None filters every row written."""

    name: str
    columns: Sequence[tuple[str, str]]
    rows: Iterable[Sequence[Any]]
    total: int = 0
    filter_rows: int | None = None


def write_workbook_xlsx(path: str | os.PathLike[str], *, title: str, sheets: Iterable[Sheet],
                        progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                        total: int = 0) -> dict[str, int]:
    """Write every sheet of ``sheets`` (each a bold, frozen header row with an autofilter, widths
    from the content, print titles repeating the header, A4 landscape fitted to the page width) to
    ``path``; returns the data rows written per sheet name.

    XlsxWriter in constant-memory mode: it writes ~1.6-2.5x faster than openpyxl's write-only mode
    (100,000 rows x 12 columns: 5.3 s vs 8.7 s; 10,000 ledger rows: 1.4 s vs 3.6 s) with memory flat
    in the row count, and it can write every typed cell, format and print setting the HQ workbook
    needs; openpyxl only reads the files back in the tests.

    ``progress(done, total, sheet name)`` counts rows over all sheets; when ``cancel()`` turns true
    the export stops, the partial file is removed and :class:`Cancelled` is raised. Any thread.
    """
    target = Path(path)

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    wb = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True,  # rows go to disk as they are written: a million rows stay small
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    counts: dict[str, int] = {}
    done = 0
    try:
        wb.set_properties({"title": title})
        formats = _Formats(wb)
        used: set[str] = set()
        for sheet in sheets:
            check()
            name = _unique_sheet_name(safe_sheet_name(sheet.name), used)
            ws = wb.add_worksheet(name)
            written = _write_sheet(ws, sheet, formats, check, _sheet_progress(progress, done, total, name))
            counts[name] = written
            done += written
        check()
        wb.close()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(Exception):
            wb.close()  # also removes its own temporary row files
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if progress is not None:
        progress(done, max(total, done), "")
    return counts


def _sheet_progress(progress: Progress | None, base: int, total: int, name: str) -> Callable[[int], None]:
    if progress is None:
        return lambda _n: None
    return lambda n: progress(base + n, total, name)


def _unique_sheet_name(name: str, used: set[str]) -> str:
    base, n = name, 2
    while name.lower() in used:
        suffix = f"({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _write_sheet(ws, sheet: Sheet, formats: _Formats, check: Callable[[], None],
                 progress: Callable[[int], None]) -> int:
    columns = list(sheet.columns)
    kinds = [kind for _title, kind in columns]
    ncols = len(kinds)
    iterator = iter(sheet.rows)
    sample = list(itertools.islice(iterator, WIDTH_SAMPLE_ROWS))
    widths = [display_width(str(t)) + 2 for t, _kind in columns]
    for row in sample:
        for i, kind in enumerate(kinds):
            value = row[i] if i < len(row) else None
            widths[i] = max(widths[i], _value_width(value, kind))
    ws.freeze_panes(1, 0)
    ws.repeat_rows(0)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # every column on the page width, as many pages down as it takes
    for i, width in enumerate(widths):
        ws.set_column(i, i, max(MIN_WIDTH, min(MAX_WIDTH, width)))
    for col, (column_title, _kind) in enumerate(columns):
        ws.write_string(0, col, _clean_text(str(column_title)), formats.header)
    writers = [_cell_writer(ws, kind, formats) for kind in kinds]
    written = 0
    for r, row in enumerate(itertools.chain(sample, iterator), start=1):
        for c, value in enumerate(row[:ncols]):
            if value is not None:
                writers[c](r, c, value)
        written += 1
        if written % _PROGRESS_EVERY == 0:
            check()
            progress(written)
    last = written if sheet.filter_rows is None else min(written, sheet.filter_rows)
    if ncols:
        ws.autofilter(0, 0, max(last, 0), ncols - 1)
    return written


def _cell_writer(ws, kind: str, formats: _Formats) -> Callable[[int, int, Any], None]:
    """A writer for one column: the common type of each kind goes straight to XlsxWriter (this is
    the hot loop of a 50,000-row sheet); anything else falls back to :func:`_write`."""
    write_string, write_number = ws.write_string, ws.write_number

    def fallback(r: int, c: int, value: Any) -> None:
        _write(ws, r, c, value, kind, formats)

    if kind == "text":
        quoted = formats.quoted

        def text(r: int, c: int, value: Any) -> None:
            if type(value) is str and len(value) < MAX_CELL_CHARS and value.isprintable():
                write_string(r, c, value, quoted if value.startswith(FORMULA_PREFIXES) else None)
            else:
                fallback(r, c, value)
        return text
    if kind == "int":
        int_format = formats.int

        def integer(r: int, c: int, value: Any) -> None:
            if type(value) is int and abs(value) < 10**15:
                write_number(r, c, value, int_format)
            else:
                fallback(r, c, value)
        return integer
    if kind == "pct":
        pct_format = formats.pct

        def percent(r: int, c: int, value: Any) -> None:
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                write_number(r, c, float(value) / 100.0, pct_format)
            else:
                fallback(r, c, value)
        return percent
    if kind == "datetime":
        write_datetime, dt_format = ws.write_datetime, formats.datetime

        def moment(r: int, c: int, value: Any) -> None:
            if type(value) is datetime and value.tzinfo is None:
                write_datetime(r, c, value, dt_format)
            else:
                fallback(r, c, value)
        return moment
    return fallback


def write_table_xlsx(path: str | os.PathLike[str], *, title: str, columns: Sequence[tuple[str, str]],
                     rows: Iterable[Sequence[Any]], progress: Progress | None = None,
                     cancel: Callable[[], bool] | None = None, sheet_name: str | None = None,
                     total: int = 0) -> int:
    """Write ``rows`` under a header of ``columns`` (``(title, kind)``, kind one of text, int,
    datetime, date, bool) to ``path``; returns the number of data rows written. One sheet of
    :func:`write_workbook_xlsx`.

    ``progress(done, total, text)`` is called now and then (``total`` as given, 0 when unknown);
    when ``cancel()`` turns true the export stops, the partial file is removed and
    :class:`Cancelled` is raised. Any thread.
    """
    sheet = Sheet(name=sheet_name or title, columns=columns, rows=rows, total=total)
    counts = write_workbook_xlsx(
        path, title=title, sheets=[sheet], cancel=cancel, total=total,
        progress=None if progress is None else (lambda done, t, _name: progress(done, t, "")))
    return sum(counts.values())


class _Formats:
    """The few cell formats every export uses (one object each, shared by all cells)."""

    def __init__(self, wb) -> None:
        self.header = wb.add_format({"bold": True, "align": "center", "valign": "vcenter"})
        self.datetime = wb.add_format({"num_format": DATETIME_FORMAT})
        self.date = wb.add_format({"num_format": DATE_FORMAT})
        self.time = wb.add_format({"num_format": TIME_FORMAT})
        self.int = wb.add_format({"num_format": INT_FORMAT})
        self.quoted = wb.add_format({"quote_prefix": True})
        self.pct = wb.add_format({"num_format": PCT_FORMAT})
        self.float = wb.add_format({"num_format": FLOAT_FORMAT})


def _write(ws, r: int, c: int, value: Any, kind: str, formats: _Formats) -> None:
    if isinstance(value, Cell):
        if value.value is not None:
            _write(ws, r, c, value.value, value.kind, formats)
    elif isinstance(value, bool):
        # Shown as in the list (是/否); a TRUE/FALSE cell reads oddly in a Chinese ledger.
        ws.write_string(r, c, "是" if value else "否")
    elif isinstance(value, datetime):
        ws.write_datetime(r, c, value.replace(tzinfo=None), formats.date if kind == "date" else formats.datetime)
    elif isinstance(value, date):
        ws.write_datetime(r, c, datetime(value.year, value.month, value.day), formats.date)
    elif isinstance(value, time):
        ws.write_datetime(r, c, value.replace(tzinfo=None), formats.time)
    elif isinstance(value, int):
        if abs(value) >= 10**15:  # beyond Excel's 15 significant digits: keep every digit as text
            ws.write_string(r, c, str(value))
        else:
            ws.write_number(r, c, value, formats.int)
    elif isinstance(value, float | Decimal):
        if kind == "pct":
            ws.write_number(r, c, float(value) / 100.0, formats.pct)
        else:
            ws.write_number(r, c, float(value), formats.float if kind == "float" else None)
    else:
        text = _clean_text(str(value))
        # A string cell is never evaluated; the quote prefix keeps Excel from doing it after an edit.
        ws.write_string(r, c, text, formats.quoted if text.startswith(FORMULA_PREFIXES) else None)


def _value_width(value: Any, kind: str) -> int:
    if isinstance(value, Cell):
        value, kind = value.value, value.kind
    if value is None:
        return 0
    if kind == "pct":
        return 8
    if isinstance(value, datetime):
        return 18
    if isinstance(value, date):
        return 12
    if kind == "bool":
        return 4
    text = str(value)
    if "\n" in text:
        text = max(text.splitlines() or [""], key=display_width)
    return display_width(text) + 2


def _clean_text(text: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[:MAX_CELL_CHARS]


__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "PCT_FORMAT", "Cell", "Sheet", "display_width", "safe_sheet_name",
           "write_table_xlsx", "write_workbook_xlsx"]
