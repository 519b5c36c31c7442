"""Ledger-style table PDFs (台账) following GB/T 9704-2012 margins (DESIGN.md §5). No Qt here.

A4 (landscape by default for tables), margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm; the
title at 22 pt in the hei face (the bold-looking choice: 小标宋 is rarely installed), the table at
10.5 pt with its header row repeated on every page, CJK word wrap in cells, zebra rows and "- 1 -"
page numbers centred below the text block. Fonts are embedded (subset). The file is written to a
temporary name and renamed at the end.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from desktop.errors import Cancelled
from desktop.reports.fonts import load_fonts

Progress = Callable[[int, int, str], None]

MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_BOTTOM = 35 * mm
TITLE_SIZE = 22
SUBTITLE_SIZE = 14
CELL_SIZE = 10.5
PAGE_NUMBER_SIZE = 14  # 4号 for page numbers
ZEBRA = colors.HexColor("#F2F4F7")
HEADER_BG = colors.HexColor("#DCE3EC")
GRID = colors.HexColor("#8A94A6")
_CHECK_EVERY = 200

NUMERIC_KINDS = {"int", "float", "decimal", "money", "number"}


def format_value(value: Any, kind: str) -> str:
    """The text shown in a cell for ``value`` of column ``kind``."""
    if value is None:
        return ""
    if isinstance(value, bool) or kind == "bool":
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float | Decimal) and kind in ("money", "decimal"):
        return f"{value:,.2f}"
    return str(value)


def write_table_pdf(path: str | os.PathLike[str], *, title: str, subtitle: str | None = None,
                    columns: Sequence[tuple[str, str, float]], rows: Iterable[Sequence[Any]],
                    landscape: bool = True, progress: Progress | None = None,
                    cancel: Callable[[], bool] | None = None) -> int:
    """Write ``rows`` under ``columns`` (``(title, kind, width_weight)``) to the PDF ``path``;
    returns the number of data rows written.

    ``progress(done, 0, text)`` is called now and then; when ``cancel()`` turns true the work stops,
    no file is left behind and :class:`Cancelled` is raised. Raises StationDeskError when no
    embeddable Chinese font exists. Any thread.
    """
    fonts = load_fonts()
    target = Path(path)
    pagesize = _landscape(A4) if landscape else A4
    frame_width = pagesize[0] - MARGIN_LEFT - MARGIN_RIGHT

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    title_style = ParagraphStyle(
        "sd-title", fontName=fonts.hei, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.4, alignment=TA_CENTER,
        wordWrap="CJK",
    )
    subtitle_style = ParagraphStyle(
        "sd-subtitle", fontName=fonts.kai, fontSize=SUBTITLE_SIZE, leading=SUBTITLE_SIZE * 1.5,
        alignment=TA_CENTER, wordWrap="CJK",
    )
    weights = [max(float(w), 0.1) for _t, _k, w in columns] or [1.0]
    total_weight = sum(weights)
    col_widths = [frame_width * w / total_weight for w in weights]
    kinds = [k for _t, k, _w in columns]
    aligns = [
        TA_RIGHT if k in NUMERIC_KINDS else TA_CENTER if k in ("date", "datetime", "time", "bool") else TA_LEFT
        for k in kinds
    ]

    font, size = fonts.song, CELL_SIZE
    line = CELL_SIZE * 1.3
    pad_x, pad_y = 3, 2.5
    inner = [w - 2 * pad_x for w in col_widths]
    frame_height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM - 12  # the frame's own 6 pt paddings
    max_lines = max(1, int((frame_height * 0.8 - 2 * pad_y) // line))  # no row taller than a page
    # Every cell is broken into lines once, here, and each page is drawn straight onto the canvas
    # (_LedgerPage): ReportLab's Table re-measured every remaining row on every page and laid out a
    # Paragraph per wrapped cell (10,000 rows: ~90 s; this way a few seconds).
    widths: dict[tuple[str, str], float] = {}

    def width_of(ch: str, face: str) -> float:
        w = widths.get((ch, face))
        if w is None:
            w = widths[ch, face] = stringWidth(ch, face, size)
        return w

    def wrap(text: str, width: float, face: str = font) -> list[str]:
        """Greedy line breaks: anywhere between CJK characters, at spaces in Latin text (a word
        longer than the line is cut); at most ``max_lines`` (the rest shown as "…")."""
        if "\n" not in text and stringWidth(text, face, size) <= width:
            return [text]
        out: list[str] = []
        for para in text.split("\n"):
            current, used, space_at = "", 0.0, -1
            for ch in para:
                w = width_of(ch, face)
                if current and used + w > width:
                    if ch != " " and space_at > 0 and ch.isascii() and current[-1].isascii():
                        out.append(current[:space_at].rstrip())
                        current = current[space_at + 1:]
                        used = sum(width_of(c, face) for c in current)
                    else:
                        out.append(current.rstrip())
                        current, used = "", 0.0
                    space_at = -1
                    if ch == " " and not current:
                        continue
                if ch == " ":
                    space_at = len(current)
                current += ch
                used += w
            out.append(current)
        if len(out) > max_lines:
            out = [*out[:max_lines - 1], out[max_lines - 1][:-1] + "…"]
        return out or [""]

    header = [wrap(str(t), w, fonts.hei) for (t, _k, _w), w in zip(columns, inner, strict=True)]
    header_height = line * max([len(c) for c in header] or [1]) + 2 * pad_y
    rows_out: list[tuple[list[list[str]], float]] = []
    written = 0
    check()
    for row in rows:
        cells = [wrap(format_value(row[i] if i < len(row) else None, kind), inner[i])
                 for i, kind in enumerate(kinds)]
        rows_out.append((cells, line * max([len(c) for c in cells] or [1]) + 2 * pad_y))
        written += 1
        if written % _CHECK_EVERY == 0:
            check()
            if progress is not None:
                progress(written, 0, "")

    layout = _Layout(fonts.song, fonts.hei, size, line, pad_x, col_widths, aligns, header, header_height)
    heading: list[Any] = [Paragraph(escape(title), title_style)]
    if subtitle:
        heading.append(Paragraph(escape(subtitle), subtitle_style))
    heading.append(Spacer(1, 4 * mm))
    first_page = frame_height - sum(f.wrap(frame_width, frame_height)[1] for f in heading)
    tables: list[Any] = []
    chunk: list[tuple[list[list[str]], float]] = []
    room, start_index = first_page - header_height, 0
    for index, (cells, height) in enumerate(rows_out):
        if chunk and height > room - 1:  # 1 pt of slack for rounding
            tables += [_LedgerPage(layout, chunk, start_index), PageBreak()]
            chunk, room, start_index = [], frame_height - header_height, index
        chunk.append((cells, height))
        room -= height
    tables.append(_LedgerPage(layout, chunk, start_index))

    story: list[Any] = [*heading, *tables]

    def page_number(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.song, PAGE_NUMBER_SIZE)
        # Centred under the text block, about 7 mm below it (GB/T 9704 §7.5).
        canvas.drawCentredString(MARGIN_LEFT + frame_width / 2, MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8,
                                 f"- {doc.page} -")
        canvas.restoreState()

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        check()
        doc = SimpleDocTemplate(
            str(tmp), pagesize=pagesize, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, subject=subtitle or "",
            creator="StationDesk", initialFontName=fonts.song, initialFontSize=CELL_SIZE,
        )
        doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
        check()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if progress is not None:
        progress(written, written, "")
    return written


@dataclasses.dataclass(frozen=True)
class _Layout:
    """What every page of one ledger shares: faces, sizes, columns, the header's lines."""

    font: str
    head_font: str
    size: float
    line: float
    pad_x: float
    col_widths: list[float]
    aligns: list[int]
    header: list[list[str]]
    header_height: float


class _LedgerPage(Flowable):
    """One page of the table: header, zebra rows, grid and text drawn directly on the canvas."""

    def __init__(self, layout: _Layout, rows: list[tuple[list[list[str]], float]], first_index: int) -> None:
        super().__init__()
        self.layout = layout
        self.rows = rows
        self.first_index = first_index
        self.width = sum(layout.col_widths)
        self.height = layout.header_height + sum(h for _c, h in rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, lay = self.canv, self.layout
        xs = [0.0]
        for w in lay.col_widths:
            xs.append(xs[-1] + w)
        ys = [self.height, self.height - lay.header_height]
        for _cells, h in self.rows:
            ys.append(ys[-1] - h)
        c.saveState()
        c.setFillColor(HEADER_BG)
        c.rect(0, ys[1], self.width, lay.header_height, stroke=0, fill=1)
        c.setFillColor(ZEBRA)
        for k, (_cells, h) in enumerate(self.rows):
            if (self.first_index + k) % 2 == 1:
                c.rect(0, ys[k + 2], self.width, h, stroke=0, fill=1)
        c.setStrokeColor(GRID)
        c.setLineWidth(0.5)
        c.grid(xs, ys)
        c.setFillColor(colors.black)
        text = c.beginText()
        text.setFont(lay.head_font, lay.size)
        self._row(text, lay.header, ys[0], lay.header_height, xs, header=True)
        text.setFont(lay.font, lay.size)
        for k, (cells, h) in enumerate(self.rows):
            self._row(text, cells, ys[k + 1], h, xs, header=False)
        c.drawText(text)
        c.restoreState()

    def _row(self, text, cells: list[list[str]], top: float, height: float, xs: list[float], *,
             header: bool) -> None:
        lay = self.layout
        face = lay.head_font if header else lay.font
        for col, lines in enumerate(cells):
            block_top = top - (height - lay.line * len(lines)) / 2  # vertically centred
            align = TA_CENTER if header else lay.aligns[col]
            for j, content in enumerate(lines):
                if not content:
                    continue
                baseline = block_top - (j + 1) * lay.line + (lay.line - lay.size) / 2 + 0.12 * lay.size
                if align == TA_LEFT:
                    x = xs[col] + lay.pad_x
                else:
                    width = stringWidth(content, face, lay.size)
                    x = (xs[col + 1] - lay.pad_x - width if align == TA_RIGHT
                         else (xs[col] + xs[col + 1] - width) / 2)
                text.setTextOrigin(x, baseline)
                text.textOut(content)
