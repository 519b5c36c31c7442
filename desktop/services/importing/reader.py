"""Reading a 110 export (Excel or CSV) into rows of plain cells.

Excel goes through python-calamine (Rust, several times faster than openpyxl and it never
evaluates formulas). CSV encodings are detected, not asked: exports from Chinese systems are GBK
as often as UTF-8. Many dispatch systems save an HTML table or tab-separated text under an .xls
name; those are read by their content.

May run on a worker thread; pass ``cancel`` to stop between chunks of rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import python_calamine as calamine

from desktop.errors import Cancelled, StationDeskError

__all__ = ["CSV_SUFFIXES", "EXCEL_SUFFIXES", "ImportFileError", "Sheet", "read_sheet"]

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_CHUNK = 4096  # rows between cancel checks
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted OOXML workbook is an OLE container with this stream (name in UTF-16LE).
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_DELIMITERS = (",", "\t", ";", "|")
_EXPORT_HINT = "请从110系统重新导出为 Excel（.xlsx）或 CSV 文件后再导入"


class ImportFileError(StationDeskError):
    """The file cannot be read as an export: missing, wrong type, corrupt, protected or empty."""

    code = "import_file"


@dataclass(frozen=True)
class Sheet:
    rows: list[list[Any]]  # rows[i] is spreadsheet row i + 1 (leading empty rows are kept)
    source: str  # "xlsx" (any workbook calamine reads), "csv", or "html" (an HTML table named .xls)
    encoding: str | None  # text files only
    sheet_name: str | None  # workbooks only


def _check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def read_sheet(path: str | Path, *, cancel: Callable[[], bool] | None = None) -> Sheet:
    """The first visible sheet with data of an Excel workbook, or the rows of a CSV/text file.

    Cells are str/int/float/bool/datetime/date/time or None (empty cells are None). Raises
    ImportFileError with a Chinese message and hint, or Cancelled.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ImportFileError(f"找不到文件：{name}", hint="请确认文件没有被移动、改名或删除")
    suffix = path.suffix.lower()
    if suffix not in EXCEL_SUFFIXES and suffix not in CSV_SUFFIXES:
        raise ImportFileError(f"不支持的文件类型：{suffix or '（无扩展名）'}", hint=_EXPORT_HINT)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise ImportFileError(f"无法打开文件：{name}", hint=f"文件可能正被其他程序占用（{exc.strerror}）") from exc
    if not head:
        raise ImportFileError(f"文件是空的：{name}", hint=_EXPORT_HINT)
    _check_cancel(cancel)
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC):
        return _read_workbook(path, cancel)
    if suffix in EXCEL_SUFFIXES:
        return _read_disguised_text(path, cancel)
    return _read_text(path, path.read_bytes(), cancel)


# --------------------------------------------------------------------------- workbooks


def _corrupt(name: str) -> ImportFileError:
    return ImportFileError(f"文件已损坏，或不是有效的 Excel 文件：{name}", hint=_EXPORT_HINT)


def _protected(name: str) -> ImportFileError:
    return ImportFileError(f"文件设置了打开密码，无法读取：{name}",
                           hint="请在 Excel 中打开文件，取消密码保护后另存，再导入")


def _read_workbook(path: Path, cancel: Callable[[], bool] | None) -> Sheet:
    name = path.name
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise _protected(name) from exc
    except (calamine.CalamineError, OSError, ValueError) as exc:
        if _ENCRYPTED_MARK in path.read_bytes():
            raise _protected(name) from exc
        raise _corrupt(name) from exc
    try:
        for meta in book.sheets_metadata:
            if meta.visible != calamine.SheetVisibleEnum.Visible or meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            _check_cancel(cancel)
            # skip_empty_area=False keeps leading empty rows so row numbers match the spreadsheet's
            raw = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            rows = _finish_rows(raw, cancel)
            if rows:
                return Sheet(rows=rows, source="xlsx", encoding=None, sheet_name=meta.name)
    except calamine.PasswordError as exc:
        raise _protected(name) from exc
    except (calamine.CalamineError, ValueError) as exc:
        raise _corrupt(name) from exc
    finally:
        book.close()
    raise ImportFileError(f"文件中没有数据：{name}", hint="工作簿的可见工作表都是空的；" + _EXPORT_HINT)


def _finish_rows(raw: list[list[Any]], cancel: Callable[[], bool] | None) -> list[list[Any]]:
    """Empty strings to None; trailing empty rows dropped. [] when the sheet holds nothing."""
    # In place: a copy of every row would cost as much as calamine's own read.
    for start in range(0, len(raw), _CHUNK):
        _check_cancel(cancel)
        for r in raw[start:start + _CHUNK]:
            if "" in r:
                for j, c in enumerate(r):
                    if c == "":
                        r[j] = None
    while raw and all(c is None for c in raw[-1]):
        raw.pop()
    return raw


# --------------------------------------------------------------------------- text files


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)  # Excel's "Unicode text" export
    else:
        if b"\x00" in data[:4096]:
            raise ImportFileError(f"文件不是文本格式，也不是有效的 Excel 文件：{name}", hint=_EXPORT_HINT)
        # Strict decoding of the whole file: GBK bytes are almost never valid UTF-8, and GB18030
        # (a superset of GBK and GB2312) decodes what the older systems write.
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError(f"无法识别文件的文字编码：{name}",
                          hint="文件可能已损坏；请另存为 UTF-8 编码的 CSV，或导出为 Excel 文件")


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the most rows of one common width (>1)."""
    sample = text[:65536]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths: dict[int, int] = {}
        try:
            for i, row in enumerate(csv.reader(io.StringIO(sample), delimiter=delimiter)):
                if i >= 60:
                    break
                if len(row) > 1:
                    widths[len(row)] = widths.get(len(row), 0) + 1
        except csv.Error:
            continue
        if widths:
            width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
            if (count, width) > best_score:
                best, best_score = delimiter, (count, width)
    return best


# ="0012345" is how exports keep leading zeros when the file is opened in Excel, which shows the text.
_TEXT_LITERAL_RE = re.compile(r'="([^"]*)"')


def _text_cell(cell: str) -> str | None:
    if not cell:
        return None
    if cell[0] == "=" and cell[-1] == '"':
        m = _TEXT_LITERAL_RE.fullmatch(cell)
        if m:
            return m.group(1) or None
    return cell


def _read_text(path: Path, data: bytes, cancel: Callable[[], bool] | None) -> Sheet:
    text, encoding = _decode(data, path.name)
    if not text.strip():
        raise ImportFileError(f"文件是空的：{path.name}", hint=_EXPORT_HINT)
    delimiter = _sniff_delimiter(text)
    csv.field_size_limit(16 * 1024 * 1024)
    rows: list[list[Any]] = []
    try:
        for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            if i % _CHUNK == 0:
                _check_cancel(cancel)
            rows.append([_text_cell(c) for c in row])
    except csv.Error as exc:
        raise ImportFileError(f"CSV 文件格式错误（第{len(rows) + 1}行）：{path.name}", hint=_EXPORT_HINT) from exc
    while rows and all(c is None for c in rows[-1]):
        rows.pop()
    return Sheet(rows=rows, source="csv", encoding=encoding, sheet_name=None)


class _TableParser(HTMLParser):
    """The cells of the first <table> that has rows (an "xls" export that is really HTML)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Any]] = []
        self._row: list[Any] | None = None
        self._cell: list[str] | None = None
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table" and self.rows:
            self._end_row()
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._done:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip() or None)
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None


def _read_disguised_text(path: Path, cancel: Callable[[], bool] | None) -> Sheet:
    data = path.read_bytes()
    try:
        text, encoding = _decode(data, path.name)
    except ImportFileError:
        raise _corrupt(path.name) from None
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype", "<html", "<table", "<?xml", "<meta")) or "<table" in head:
        parser = _TableParser()
        parser.feed(text)
        parser.close()
        parser._end_row()
        _check_cancel(cancel)
        rows = parser.rows
        while rows and all(c is None for c in rows[-1]):
            rows.pop()
        if not rows:
            raise ImportFileError(f"文件中没有数据：{path.name}", hint=_EXPORT_HINT)
        return Sheet(rows=rows, source="html", encoding=encoding, sheet_name=None)
    sheet = _read_text(path, data, cancel)
    if max((len(r) for r in sheet.rows), default=0) < 2:
        raise _corrupt(path.name)  # text without any columns is not a disguised export
    return sheet
