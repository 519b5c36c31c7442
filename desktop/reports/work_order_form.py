"""The printed work order (工作指令单), one A4 portrait form per order (DESIGN.md §5). No Qt, no database.

GB/T 9704-2012 margins and page numbers as in pdf_table; the title at 22 pt, headings 一、 in the hei
face, the instructions in 16 pt fangsong (3号 body), the field table and the history at smaller sizes.
The 反馈情况 block is left empty with ruled lines for handwriting and ends with the signature lines; it
is kept on one page. Long texts wrap and flow onto further pages; a history entry longer than a page
is cut into consecutive rows (a table row cannot split), so nothing is clipped. Fonts are embedded
(subset). The file is written to a temporary name and renamed at the end.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, LongTable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.reports.fonts import load_fonts
from desktop.reports.pdf_table import (
    GRID,
    HEADER_BG,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    TITLE_SIZE,
)

BODY_SIZE = 16       # 3号
FIELD_SIZE = 12      # 小4
HISTORY_SIZE = 10.5  # 5号
HEADING_SIZE = 16
FEEDBACK_LINES = 6
FEEDBACK_LINE_GAP = 8 * mm
# A history text is cut into rows of at most this many characters (a row must fit on one page).
HISTORY_CHUNK = 600
LABEL_BG = colors.HexColor("#EEF1F5")

HistoryItem = tuple[Any, str | None, str | None, str | None]  # (at, who, what, text)


@dataclasses.dataclass(frozen=True)
class WorkOrderForm:
    """Everything printed on one work order, as display text (labels already in Chinese)."""

    station_name: str
    number: str
    title: str
    source_label: str
    priority_label: str
    status_label: str
    unit: str
    assignee: str | None
    tracker: str | None
    issued_at: datetime | None
    deadline: datetime | None
    instructions: str | None
    history: Sequence[HistoryItem] = ()


def _when(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _para_text(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br/>")


def _chunks(text: str, size: int) -> list[str]:
    """``text`` cut at line breaks where possible, every piece at most ``size`` characters."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > size:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:size])
            line = line[size:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > size:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces


def write_work_order_form(path: str | os.PathLike[str], form: WorkOrderForm) -> None:
    """Write the form of ``form`` to the PDF ``path``. Raises StationDeskError when no embeddable
    Chinese font exists. Any thread."""
    fonts = load_fonts()
    target = Path(path)
    width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT

    title_style = ParagraphStyle("wo-title", fontName=fonts.hei, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.4,
                                 alignment=TA_CENTER, wordWrap="CJK")
    number_style = ParagraphStyle("wo-number", fontName=fonts.kai, fontSize=14, leading=20, alignment=TA_RIGHT,
                                  wordWrap="CJK")
    heading_style = ParagraphStyle("wo-heading", fontName=fonts.hei, fontSize=HEADING_SIZE,
                                   leading=HEADING_SIZE * 1.6, wordWrap="CJK", spaceBefore=3 * mm)
    body_style = ParagraphStyle("wo-body", fontName=fonts.fangsong, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.55,
                                firstLineIndent=2 * BODY_SIZE, wordWrap="CJK")
    label_style = ParagraphStyle("wo-label", fontName=fonts.hei, fontSize=FIELD_SIZE, leading=FIELD_SIZE * 1.35,
                                 alignment=TA_CENTER, wordWrap="CJK")
    field_style = ParagraphStyle("wo-field", fontName=fonts.song, fontSize=FIELD_SIZE, leading=FIELD_SIZE * 1.35,
                                 alignment=TA_LEFT, wordWrap="CJK")
    head_style = ParagraphStyle("wo-hhead", fontName=fonts.hei, fontSize=HISTORY_SIZE,
                                leading=HISTORY_SIZE * 1.3, alignment=TA_CENTER, wordWrap="CJK")
    cell_style = ParagraphStyle("wo-cell", fontName=fonts.song, fontSize=HISTORY_SIZE,
                                leading=HISTORY_SIZE * 1.3, wordWrap="CJK")
    centre_cell = ParagraphStyle("wo-cell-c", parent=cell_style, alignment=TA_CENTER)
    sign_style = ParagraphStyle("wo-sign", fontName=fonts.fangsong, fontSize=14, leading=20, wordWrap="CJK")

    def label(text: str) -> Paragraph:
        return Paragraph(escape(text), label_style)

    def field(text: str | None) -> Paragraph:
        return Paragraph(_para_text(text), field_style)

    story: list[Any] = [
        Paragraph(escape(f"{form.station_name} 工作指令单"), title_style),
        Spacer(1, 2 * mm),
        Paragraph(escape(f"编号：{form.number}"), number_style),
        Spacer(1, 2 * mm),
    ]

    # The field table: label | value | label | value, the title across the full width.
    lw, vw = 24 * mm, width / 2 - 24 * mm
    fields = Table(
        [
            [label("工单标题"), field(form.title), "", ""],
            [label("来源"), field(form.source_label), label("优先级"), field(form.priority_label)],
            [label("承办单位"), field(form.unit), label("承办人"), field(form.assignee)],
            [label("跟踪人"), field(form.tracker), label("状态"), field(form.status_label)],
            [label("下发时间"), field(_when(form.issued_at)), label("办结时限"), field(_when(form.deadline))],
        ],
        colWidths=[lw, vw, lw, vw],
    )
    fields.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.song),
        ("SPAN", (1, 0), (3, 0)),
        ("BOX", (0, 0), (-1, -1), 1, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("BACKGROUND", (2, 1), (2, -1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    story.append(fields)

    story.append(Paragraph("一、工作要求", heading_style))
    paragraphs = [p.strip() for p in (form.instructions or "").splitlines() if p.strip()]
    if paragraphs:
        story += [Paragraph(escape(p), body_style) for p in paragraphs]
    else:
        story.append(Paragraph("（无）", body_style))

    story.append(Paragraph("二、处理过程", heading_style))
    if form.history:
        story.append(_history_table(form.history, width, fonts.song, head_style, cell_style, centre_cell))
    else:
        story.append(Paragraph("（暂无）", cell_style))

    story.append(KeepTogether(_feedback_block(width, fonts.song, heading_style, sign_style)))

    def page_number(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.song, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(MARGIN_LEFT + width / 2, MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8,
                                 f"- {doc.page} -")
        canvas.restoreState()

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=f"工作指令单 {form.number}", subject=form.title,
            creator="StationDesk", initialFontName=fonts.song, initialFontSize=FIELD_SIZE,
        )
        doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _history_table(history: Sequence[HistoryItem], width: float, font: str, head_style: ParagraphStyle,
                   cell_style: ParagraphStyle, centre_cell: ParagraphStyle) -> LongTable:
    widths = [32 * mm, 16 * mm, 22 * mm]
    widths.append(width - sum(widths))
    data: list[list[Any]] = [[Paragraph(t, head_style) for t in ("时间", "环节", "办理人", "情况")]]
    starts = [0]  # first table row of each entry: a rule above it, none between an entry's own rows
    for at, who, what, text in history:
        starts.append(len(data))
        for i, piece in enumerate(_chunks(text or "", HISTORY_CHUNK)):
            head = (_when(at), what or "", who or "") if i == 0 else ("", "", "")
            data.append([Paragraph(escape(head[0]), centre_cell), Paragraph(escape(head[1]), centre_cell),
                         Paragraph(escape(head[2]), centre_cell), Paragraph(_para_text(piece), cell_style)])
    table = LongTable(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("LINEABOVE", (0, r), (-1, r), 0.5, GRID) for r in starts[1:]]
    table.setStyle(TableStyle(style))
    return table


def _feedback_block(width: float, font: str, heading_style: ParagraphStyle, sign_style: ParagraphStyle) -> list[Any]:
    """三、反馈情况: ruled lines for handwriting, then the two signature lines."""
    lines = Table([[""] for _ in range(FEEDBACK_LINES)], colWidths=[width],
                  rowHeights=[FEEDBACK_LINE_GAP] * FEEDBACK_LINES)
    lines.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),  # otherwise the empty cells select Helvetica (not embedded)
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.HexColor("#9AA3B2")),
    ]))
    blank = "_" * 12
    dated = "______年____月____日"
    signatures = Table(
        [
            [Paragraph(f"承办人签名：{blank}", sign_style), Paragraph(f"日期：{dated}", sign_style)],
            [Paragraph(f"审核人签名：{blank}", sign_style), Paragraph(f"日期：{dated}", sign_style)],
        ],
        colWidths=[width * 0.5, width * 0.5],
    )
    signatures.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Paragraph("三、反馈情况", heading_style), lines, Spacer(1, 4 * mm), signatures]


__all__ = ["WorkOrderForm", "write_work_order_form"]
