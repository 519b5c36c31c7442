"""The printed 人民调解协议书 (People's Mediation Agreement), A4 portrait (DESIGN.md §5). No Qt, no database.

Contents follow 人民调解法 art. 29: the parties' particulars, the main facts, the points in dispute and
each side's responsibility, the agreed terms, the manner and deadline of performance; the copies clause,
signature blocks for every party (签名、盖章或者按指印) and the mediators with the committee's seal, the
date, and the 30-day window for 司法确认 (art. 33). GB/T 9704-2012 margins and "- 1 -" page numbers; the
title at 22 pt, headings in the hei face, the body in 16 pt fangsong. An unsigned agreement carries a
草稿 mark on every page. Fonts are embedded (subset); the file is written to a temporary name first.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.reports.fonts import load_fonts
from desktop.reports.pdf_table import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    TITLE_SIZE,
)

BODY_SIZE = 16  # 3号
SIGN_SIZE = 14  # 4号: the signature blocks hold several columns
DRAFT_MARK = "草稿"
ROLE_LABELS = {"applicant": "申请人", "respondent": "被申请人", "other": "当事人"}
SEX_LABELS = {"M": "男", "F": "女"}
_NUMERALS = "一二三四五六七八九十"


@dataclasses.dataclass(frozen=True)
class AgreementPartyLine:
    """One party as printed (raw values; labels are applied here)."""

    name: str
    role: str = "other"  # applicant / respondent / other, or a Chinese label
    sex: str | None = None  # M / F or 男 / 女
    ethnicity: str | None = None
    birth_date: date | None = None
    id_number: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclasses.dataclass(frozen=True)
class AgreementDocument:
    """Everything printed on one agreement."""

    station_name: str
    organisation: str  # the 人民调解委员会 that seals it
    number: str
    version: int
    parties: Sequence[AgreementPartyLine]
    facts: str
    terms: str
    points: str | None = None
    responsibilities: str | None = None
    performance: str | None = None
    performance_deadline: date | None = None
    copies: int = 3
    mediators: Sequence[str] = ()
    signed_on: date | None = None
    signed: bool = False


def _cn_date(value: date | None) -> str:
    if value is None:
        return "______年____月____日"
    return f"{value.year}年{value.month}月{value.day}日"


def _role(role: str) -> str:
    return ROLE_LABELS.get(role, role or "当事人")


def party_text(p: AgreementPartyLine) -> str:
    """"申请人：张三，男，汉族，1980年1月2日出生，公民身份号码…，住…，联系电话…。" (empty parts left out)."""
    parts = [p.name]
    if p.sex:
        parts.append(SEX_LABELS.get(p.sex, p.sex))
    if p.ethnicity:
        parts.append(p.ethnicity)
    if p.birth_date:
        parts.append(f"{_cn_date(p.birth_date)}出生")
    if p.id_number:
        parts.append(f"公民身份号码{p.id_number}")
    if p.address:
        parts.append(f"住{p.address}")
    if p.phone:
        parts.append(f"联系电话{p.phone}")
    return f"{_role(p.role)}：" + "，".join(parts) + "。"


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def write_agreement_pdf(path: str | os.PathLike[str], data: AgreementDocument) -> int:
    """Write the agreement ``data`` to the PDF ``path``; returns the number of pages. Raises
    StationDeskError when no embeddable Chinese font exists. Any thread."""
    fonts = load_fonts()
    target = Path(path)
    width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT

    title_style = ParagraphStyle("ag-title", fontName=fonts.hei, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.5,
                                 alignment=TA_CENTER, wordWrap="CJK")
    number_style = ParagraphStyle("ag-number", fontName=fonts.fangsong, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.6,
                                  alignment=TA_RIGHT, wordWrap="CJK")
    heading_style = ParagraphStyle("ag-heading", fontName=fonts.hei, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.75,
                                   firstLineIndent=2 * BODY_SIZE, wordWrap="CJK", spaceBefore=1.5 * mm,
                                   keepWithNext=1)
    body_style = ParagraphStyle("ag-body", fontName=fonts.fangsong, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.75,
                                firstLineIndent=2 * BODY_SIZE, wordWrap="CJK")
    sign_style = ParagraphStyle("ag-sign", fontName=fonts.fangsong, fontSize=SIGN_SIZE, leading=SIGN_SIZE * 1.6,
                                wordWrap="CJK")
    right_style = ParagraphStyle("ag-right", parent=sign_style, alignment=TA_RIGHT)

    def body(text: str) -> Paragraph:
        return Paragraph(escape(text), body_style)

    number = f"编号：{data.number}"
    if data.version > 1:
        number += f"（第{data.version}版）"
    story: list[Any] = [Paragraph("人民调解协议书", title_style), Paragraph(escape(number), number_style),
                        Spacer(1, 2 * mm)]
    story += [body(party_text(p)) for p in data.parties]
    story.append(body("当事人之间的纠纷经本委员会调解，双方自愿达成如下协议："))

    sections: list[tuple[str, str | None]] = [
        ("纠纷主要事实", data.facts),
        ("争议事项", data.points),
    ]
    if (data.responsibilities or "").strip():
        sections.append(("各方责任", data.responsibilities))
    sections.append(("达成协议内容", data.terms))
    performance = _paragraphs(data.performance)
    if data.performance_deadline is not None:
        performance.append(f"履行期限：{_cn_date(data.performance_deadline)}前履行完毕。")
    sections.append(("履行方式和期限", "\n".join(performance)))
    for i, (heading, text) in enumerate(sections):
        story.append(Paragraph(f"{_NUMERALS[i]}、{heading}", heading_style))
        story += [body(t) for t in _paragraphs(text)] or [body("无。")]

    story += [
        Spacer(1, 2 * mm),
        body(f"本协议书一式{data.copies}份，当事人各执一份，人民调解委员会留存一份。"),
        body("本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"),
    ]
    # The signatures never stand alone on a page: the last clause goes with them.
    story.append(KeepTogether([
        body("双方当事人认为有必要的，可以自本协议书生效之日起三十日内共同向人民法院申请司法确认。"),
        Spacer(1, 6 * mm),
        *_signatures(data, width, fonts.fangsong, sign_style, right_style),
    ]))

    station = data.station_name

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.song, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(MARGIN_LEFT + width / 2, MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8,
                                 f"- {doc.page} -")
        if not data.signed:
            # A draft must never pass for the signed original: a large pale mark across every page.
            canvas.setFillColor(colors.Color(0.85, 0.2, 0.2, alpha=0.18))
            canvas.setFont(fonts.hei, 110)
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, -40, DRAFT_MARK)
        canvas.restoreState()

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=f"人民调解协议书 {data.number}", subject=station,
            creator="StationDesk", initialFontName=fonts.fangsong, initialFontSize=BODY_SIZE,
        )
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return doc.page


def _signatures(data: AgreementDocument, width: float, font: str, sign_style: ParagraphStyle,
                right_style: ParagraphStyle) -> list[Any]:
    """Two parties a row, each with room to sign; then the mediators, the seal and the date."""
    blank = "_" * 10
    cells: list[Any] = [
        Paragraph(escape(f"{_role(p.role)}：{p.name}") + "<br/>" + escape(f"（签名、盖章或按指印）{blank}"), sign_style)
        for p in data.parties
    ]
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)] or [["", ""]]
    parties = Table(rows, colWidths=[width / 2, width / 2])
    parties.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),  # empty cells would otherwise select Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    mediators = "、".join(m for m in data.mediators if m) or blank
    return [
        parties,
        Spacer(1, 4 * mm),
        Paragraph(escape(f"人民调解员（签名）：{mediators}"), sign_style),
        Spacer(1, 10 * mm),
        Paragraph(escape(f"{data.organisation}（印）"), right_style),
        Paragraph(escape(_cn_date(data.signed_on if data.signed else None)), right_style),
    ]


__all__ = ["AgreementDocument", "AgreementPartyLine", "party_text", "write_agreement_pdf"]
