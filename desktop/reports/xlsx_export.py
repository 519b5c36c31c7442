"""One table to one .xlsx sheet, streamed (openpyxl write-only mode), no Qt.

What DESIGN.md §5 asks of every export: a bold, frozen header row; column widths from the
content (a CJK character counts as two); real dates, times and numbers with number formats, not
text; and no cell a spreadsheet would execute: text starting with ``= + - @`` is stored as a
string cell (``data_type 's'``, quote-prefixed) with its value unchanged.

Rows are streamed, so a million rows do not sit in memory; only the first
:data:`WIDTH_SAMPLE_ROWS` are held back to size the columns (write-only sheets need the widths
before the first row). The file is written under a temporary name in the target folder and
renamed at the end, so a cancelled or failed export never leaves a half-written workbook.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.errors import Cancelled

Progress = Callable[[int, int, str], None]

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
INT_FORMAT = "0"
WIDTH_SAMPLE_ROWS = 500
MIN_WIDTH = 6
MAX_WIDTH = 60
MAX_CELL_CHARS = 32_767  # Excel's limit per cell
FORMULA_PREFIXES = ("=", "+", "-", "@")
_PROGRESS_EVERY = 500
_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def display_width(text: str) -> int:
    """Width in Excel "characters": East Asian wide and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def safe_sheet_name(name: str) -> str:
    name = name.translate(_INVALID_SHEET_CHARS).strip("'") or "Sheet1"
    return name[:31]


def write_table_xlsx(path: str | os.PathLike[str], *, title: str, columns: Sequence[tuple[str, str]],
                     rows: Iterable[Sequence[Any]], progress: Progress | None = None,
                     cancel: Callable[[], bool] | None = None, sheet_name: str | None = None,
                     total: int = 0) -> int:
    """Write ``rows`` under a header of ``columns`` (``(title, kind)``, kind one of text, int,
    datetime, date, bool) to ``path``; returns the number of data rows written.

    ``progress(done, total, text)`` is called now and then (``total`` as given, 0 when unknown);
    when ``cancel()`` turns true the export stops, the partial file is removed and
    :class:`Cancelled` is raised. Any thread.
    """
    target = Path(path)
    kinds = [kind for _title, kind in columns]
    wb = Workbook(write_only=True)
    wb.properties.title = title
    ws = wb.create_sheet(safe_sheet_name(sheet_name or title))
    ws.freeze_panes = "A2"

    iterator = iter(rows)
    sample: list[Sequence[Any]] = []
    for row in iterator:
        sample.append(row)
        if len(sample) >= WIDTH_SAMPLE_ROWS:
            break
    widths = [display_width(str(t)) + 2 for t, _kind in columns]
    for row in sample:
        for i, kind in enumerate(kinds):
            value = row[i] if i < len(row) else None
            widths[i] = max(widths[i], _value_width(value, kind))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(MIN_WIDTH, min(MAX_WIDTH, width))

    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center")
    header = []
    for column_title, _kind in columns:
        cell = WriteOnlyCell(ws, value=_clean_text(str(column_title)))
        cell.data_type = "s"
        cell.font = bold
        cell.alignment = centre
        header.append(cell)
    ws.append(header)

    written = 0

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    def all_rows() -> Iterable[Sequence[Any]]:
        yield from sample
        yield from iterator

    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        check()
        for row in all_rows():
            ws.append([_cell(ws, row[i] if i < len(row) else None, kind) for i, kind in enumerate(kinds)])
            written += 1
            if written % _PROGRESS_EVERY == 0:
                check()
                if progress is not None:
                    progress(written, total, "")
        check()
        wb.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        _abandon(ws)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if progress is not None:
        progress(written, max(total, written), "")
    return written


def _abandon(ws) -> None:
    """Close an unsaved write-only sheet and drop openpyxl's own temporary file (left alone, its
    row generator fails noisily when garbage-collected)."""
    with contextlib.suppress(Exception):
        ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


def _value_width(value: Any, kind: str) -> int:
    if value is None:
        return 0
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


def _cell(ws, value: Any, kind: str) -> Any:
    """A value or a styled write-only cell for one row value."""
    if value is None:
        return None
    if isinstance(value, bool):
        # Shown as in the list (是/否); a TRUE/FALSE cell reads oddly in a Chinese ledger.
        return "是" if value else "否"
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value.replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT if kind != "date" else DATE_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, time):
        cell = WriteOnlyCell(ws, value=value.replace(tzinfo=None))
        cell.number_format = TIME_FORMAT
        return cell
    if isinstance(value, int):
        if abs(value) >= 10**15:  # beyond Excel's 15 significant digits: keep every digit as text
            return _text_cell(ws, str(value))
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = INT_FORMAT
        return cell
    if isinstance(value, float | Decimal):
        return float(value)
    return _text_cell(ws, str(value))


def _text_cell(ws, text: str) -> Any:
    text = _clean_text(text)
    if not text.startswith(FORMULA_PREFIXES):
        return text
    # openpyxl would store "=…" as a formula; a string cell with a quote prefix is inert in
    # Excel, WPS and LibreOffice, and keeps the value exactly as it was.
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "display_width", "safe_sheet_name", "write_table_xlsx"]
