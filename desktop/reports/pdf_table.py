"""Ledger-style table PDFs (台账) following GB/T 9704-2012 margins (DESIGN.md §5). No Qt here.

A4 (landscape by default for tables), margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm; the
title at 22 pt in the hei face (the bold-looking choice: 小标宋 is rarely installed), the table at
10.5 pt with its header row repeated on every page, CJK word wrap in cells, zebra rows and "- 1 -"
page numbers centred below the text block. Fonts are embedded (subset). The file is written to a
temporary name and renamed at the end.
"""

from __future__ import annotations

import contextlib
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
from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle

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
    head_style = ParagraphStyle(
        "sd-head", fontName=fonts.hei, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.3, alignment=TA_CENTER,
        wordWrap="CJK",
    )
    weights = [max(float(w), 0.1) for _t, _k, w in columns] or [1.0]
    total_weight = sum(weights)
    col_widths = [frame_width * w / total_weight for w in weights]
    kinds = [k for _t, k, _w in columns]
    aligns = [
        TA_RIGHT if k in NUMERIC_KINDS else TA_CENTER if k in ("date", "datetime", "time", "bool") else TA_LEFT
        for k in kinds
    ]

    header = [Paragraph(escape(str(t)), head_style) for t, _k, _w in columns]
    font, size = fonts.song, CELL_SIZE
    line = CELL_SIZE * 1.3
    pad_x, pad_top, pad_bottom = 3, 2, 3
    inner = [w - 2 * pad_x for w in col_widths]
    # Cells that fit on one line stay plain strings (cheap to lay out); longer ones wrap as
    # Paragraphs. Each row is measured once here, so pages are cut in one pass: one big table
    # split by ReportLab re-measures every remaining row on every page (10,000 rows: ~90 s).
    widths: dict[str, float] = {}

    def width_of(ch: str) -> float:
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = stringWidth(ch, font, size)
        return w

    def wrap(text: str, width: float) -> list[str]:
        """Greedy line breaks: anywhere between CJK characters, at spaces in Latin text (a word
        longer than the line is cut). Plain strings with newlines are what a table draws fastest:
        a Paragraph per long cell cost ~2 ms each."""
        out: list[str] = []
        for para in text.split("\n"):
            current, used, space_at = "", 0.0, -1
            for ch in para:
                w = width_of(ch)
                if current and used + w > width:
                    if ch != " " and space_at > 0 and ch.isascii() and current[-1].isascii():
                        out.append(current[:space_at].rstrip())
                        current = current[space_at + 1:]
                        used = sum(width_of(c) for c in current)
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
        return out or [""]

    rows_out: list[tuple[list[Any], float]] = []
    written = 0
    check()
    for row in rows:
        cells: list[Any] = []
        height = line
        for i, kind in enumerate(kinds):
            text = format_value(row[i] if i < len(row) else None, kind)
            if "\n" not in text and stringWidth(text, font, size) <= inner[i]:
                cells.append(text)
                continue
            lines = wrap(text, inner[i])
            height = max(height, line * len(lines))
            cells.append("\n".join(lines))
        rows_out.append((cells, height + pad_top + pad_bottom))
        written += 1
        if written % _CHECK_EVERY == 0:
            check()
            if progress is not None:
                progress(written, 0, "")

    header_height = max(p.wrap(w, 10_000)[1] for p, w in zip(header, inner, strict=True)) + pad_top + pad_bottom
    base_style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.song),  # otherwise the table selects Helvetica (not embedded)
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), line),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), pad_top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad_bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), pad_x),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad_x),
        *(("ALIGN", (i, 1), (i, -1), {TA_RIGHT: "RIGHT", TA_CENTER: "CENTER"}.get(a, "LEFT"))
          for i, a in enumerate(aligns)),
    ]

    def page_table(chunk: list[tuple[list[Any], float]], first_index: int) -> LongTable:
        table = LongTable([header, *(cells for cells, _h in chunk)], colWidths=col_widths, repeatRows=1)
        # Zebra by one command (not one per row); the colours continue across pages.
        stripes = [colors.white, ZEBRA] if first_index % 2 == 0 else [ZEBRA, colors.white]
        table.setStyle(TableStyle([*base_style, ("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes)]))
        return table

    heading: list[Any] = [Paragraph(escape(title), title_style)]
    if subtitle:
        heading.append(Paragraph(escape(subtitle), subtitle_style))
    heading.append(Spacer(1, 4 * mm))
    frame_height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM - 12  # the frame's own 6 pt paddings
    first_page = frame_height - sum(f.wrap(frame_width, frame_height)[1] for f in heading)
    tables: list[Any] = []
    chunk: list[tuple[list[Any], float]] = []
    room, start_index = first_page - header_height, 0
    for index, (cells, height) in enumerate(rows_out):
        if chunk and height > room - 1:  # 1 pt of slack for rounding
            tables += [page_table(chunk, start_index), PageBreak()]
            chunk, room, start_index = [], frame_height - header_height, index
        chunk.append((cells, height))
        room -= height
    tables.append(page_table(chunk, start_index))  # (a row taller than a page is split by ReportLab)

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
