"""派出所月度 / 季度统计报告 as a PDF (DESIGN.md §5). No Qt, no database.

The input is plain data (:class:`StationReportData`): the statistics service's Dashboard (read
duck-typed), the disputes by nature and the figure definitions. A4 portrait, GB/T 9704 margins, a
cover, 一、总体情况 as prose generated from the numbers, one section per subject with tables that fit
the 156 mm text block (long ones split with the header repeated) and vector charts, a closing
统计口径说明, page numbers "- 1 -".
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from desktop.errors import Cancelled
from desktop.reports.fonts import load_fonts
from desktop.reports.pdf_charts import (
    TABLE_SIZE,
    ReportStyles,
    category_bar_chart,
    daily_line_chart,
    hour_bar_chart,
)
from desktop.reports.pdf_table import (
    GRID,
    HEADER_BG,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    ZEBRA,
)

DASH = "—"
REPEAT_LABELS = {"same_caller": "一人多报", "same_place": "一地多报", "same_event": "多人同报"}
NATURE_LABELS = {"family": "婚恋家庭", "neighbour": "邻里", "land": "土地山林", "labour": "劳资", "debt": "经济债务",
                 "property_mgmt": "物业", "medical": "医患", "traffic": "交通事故", "other": "其他"}
KIND_WORDS = {"month": "本月", "quarter": "本季度", "year": "本年", "week": "本周", "day": "本日"}


@dataclasses.dataclass(frozen=True)
class StationReportData:
    station_name: str
    title: str                      # "XX派出所2026年10月警情与工作统计报告"
    compiled_on: date
    dashboard: Any                  # statistics.Dashboard
    disputes_by_nature: dict[str, dict[str, Any]]  # nature -> registered / resolved / failed / success_rate
    definitions: Sequence[tuple[str, str]]


def report_title(station_name: str, period_label: str) -> str:
    return f"{station_name}{period_label}警情与工作统计报告"


def number_text(n: Any) -> str:
    return f"{int(n or 0):,}"


def pct_text(pct: float | None) -> str:
    return DASH if pct is None else f"{pct:.1f}%"


def trend(pct: float | None, basis: str) -> str:
    """"同比下降10.2%", "环比持平", "同比无可比基数" (a zero base)."""
    if pct is None:
        return f"{basis}无可比基数"
    if abs(pct) < 0.05:
        return f"{basis}持平"
    return f"{basis}{'上升' if pct > 0 else '下降'}{abs(pct):.1f}%"


def signed_pct(pct: float | None) -> str:
    return DASH if pct is None else f"{pct:+.1f}%"


def summary_prose(d: Any, period_kind: str = "month") -> str:
    """一、总体情况 in words, every figure from the dashboard ``d``."""
    word = KIND_WORDS.get(period_kind, "本期")
    inc, crim = d.incidents, d.criminal_incidents
    parts = [f"{word}共接报警情{number_text(inc.value)}起，{trend(inc.yoy_pct, '同比')}，{trend(inc.mom_pct, '环比')}，"
             f"较前3年同期平均{_vs_avg(inc.vs_avg3_pct)}",
             f"其中刑事警情{number_text(crim.value)}起，{trend(crim.yoy_pct, '同比')}",
             f"受理刑事案件{number_text(d.criminal_cases.value)}起，{trend(d.criminal_cases.yoy_pct, '同比')}，"
             f"受理治安案件{number_text(d.administrative_cases.value)}起，"
             f"{trend(d.administrative_cases.yoy_pct, '同比')}",
             f"治安案件30日办结率{pct_text(d.closure_rate_30.pct)}",
             f"排查登记矛盾纠纷{number_text(d.disputes_registered)}件，调解成功率{pct_text(d.mediation_success.pct)}",
             f"流转{number_text(d.transfers)}件，流转化解率{pct_text(d.transfer_resolution.pct)}",
             f"下发工单{number_text(d.work_orders_issued)}张，工单按时办结率{pct_text(d.work_order_on_time.pct)}"]
    return "；".join(parts) + "。"


def _vs_avg(pct: float | None) -> str:
    if pct is None:
        return "无可比基数"
    if abs(pct) < 0.05:
        return "持平"
    return f"{'上升' if pct > 0 else '下降'}{abs(pct):.1f}%"


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(st: ReportStyles, head: Sequence[str], rows: Sequence[Sequence[Any]], weights: Sequence[float],
           width: float, *, total_row: bool = False) -> Table:
    """A grid table across the text block; text cells wrap, the header repeats on every page."""
    head_style = ParagraphStyle("sr-head", parent=st.cell, fontName=st.fonts.hei, alignment=TA_CENTER)
    data: list[list[Any]] = [[Paragraph(escape(h), head_style) for h in head]]
    for row in rows:
        data.append([Paragraph(escape(str(v)), st.cell) if i == 0 else str(v) for i, v in enumerate(row)])
    widths = [width * w / sum(weights) for w in weights]
    style = [
        ("FONT", (0, 0), (-1, 0), st.fonts.hei, TABLE_SIZE),
        ("FONT", (0, 1), (-1, -1), st.fonts.song, TABLE_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    if total_row and len(data) > 1:
        style.append(("FONT", (1, -1), (-1, -1), st.fonts.hei, TABLE_SIZE))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(style))
    return table


def _breakdown_rows(items: Sequence[Any]) -> list[list[Any]]:
    return [[b.name, number_text(b.value), number_text(b.last_year), signed_pct(b.yoy_pct), pct_text(b.share_pct)]
            for b in items]


def build_story(data: StationReportData, frame_width: float, *,
                check: Callable[[], None] = lambda: None) -> list[Any]:
    st = ReportStyles()
    d = data.dashboard
    period = d.period
    kind = getattr(period, "kind", "month")
    story: list[Any] = []

    # Cover
    story += [Spacer(1, 50 * mm), _p(data.station_name, st.meta), Spacer(1, 8 * mm), _p(data.title, st.title),
              Spacer(1, 10 * mm), HRFlowable(width="100%", thickness=1.2, color=colors.HexColor("#B00000")),
              Spacer(1, 10 * mm),
              _p(f"统计时段：{period.label}（{_day(period.first_day)}至{_day(period.last_day)}）", st.meta),
              _p(f"编制日期：{_day(data.compiled_on)}", st.meta), PageBreak()]

    numerals = iter("一二三四五六七八九十")

    def h1(text: str) -> None:
        check()
        story.append(_p(f"{next(numerals)}、{text}", st.h1))

    h1("总体情况")
    story.append(_p(summary_prose(d, kind), st.body))
    head = ["指标", "本期", "上期", "环比", "去年同期", "同比", "前3年同期均值", "较前3年平均"]
    rows = []
    for name, c in (("警情", d.incidents), ("刑事警情", d.criminal_incidents), ("受理刑事案件", d.criminal_cases),
                    ("受理治安案件", d.administrative_cases)):
        rows.append([name, number_text(c.value), number_text(c.previous), signed_pct(c.mom_pct),
                     number_text(c.last_year), signed_pct(c.yoy_pct),
                     DASH if c.avg_3y is None else f"{c.avg_3y:.1f}", signed_pct(c.vs_avg3_pct)])
    story += [Spacer(1, 2 * mm), _table(st, head, rows, [2.2, 1, 1, 1.1, 1.1, 1.1, 1.4, 1.3], frame_width),
              Spacer(1, 3 * mm)]

    h1("警情")
    story.append(_p("（一）分类情况", st.h2))
    cats = list(d.by_category)
    story.append(_table(st, ["类别", "本期", "去年同期", "同比", "占比"], _breakdown_rows(cats),
                        [3, 1, 1.2, 1.2, 1.1], frame_width))
    story.append(Spacer(1, 3 * mm))
    story.append(_p("（二）社区分布", st.h2))
    story.append(_table(st, ["社区", "本期", "去年同期", "同比", "占比"], _breakdown_rows(d.by_community),
                        [3, 1, 1.2, 1.2, 1.1], frame_width))
    story.append(Spacer(1, 3 * mm))
    check()
    labels = [f"{day.month}/{day.day}" for day, _n, _l in d.daily]
    story.append(KeepTogether([_p("（三）每日走势", st.h2), daily_line_chart(
        st.fonts, labels, [("本期", [n for _d, n, _l in d.daily]), ("去年同期", [x for _d, _n, x in d.daily])],
        frame_width, title="每日警情走势（起）")]))
    by_hour = [sum(row[h] for row in d.hour_weekday) for h in range(24)]
    story.append(KeepTogether([_p("（四）时段分布", st.h2), hour_bar_chart(st.fonts, by_hour, frame_width)]))

    h1("案件")
    story.append(_p(
        f"受理刑事案件{number_text(d.criminal_cases.value)}起，上期{number_text(d.criminal_cases.previous)}起，"
        f"去年同期{number_text(d.criminal_cases.last_year)}起，{trend(d.criminal_cases.yoy_pct, '同比')}；"
        f"受理治安案件{number_text(d.administrative_cases.value)}起，上期"
        f"{number_text(d.administrative_cases.previous)}起，去年同期{number_text(d.administrative_cases.last_year)}起，"
        f"{trend(d.administrative_cases.yoy_pct, '同比')}。治安案件30日办结率{pct_text(d.closure_rate_30.pct)}"
        f"（{number_text(d.closure_rate_30.numerator)}/{number_text(d.closure_rate_30.denominator)}）。", st.body))

    h1("重复警情")
    repeats = dict(d.repeats_by_kind)
    total = sum(repeats.values())
    story.append(_p(f"识别重复警情{number_text(total)}组：" + "，".join(
        f"{REPEAT_LABELS.get(k, k)}{number_text(v)}组" for k, v in repeats.items()) + "。", st.body))
    if repeats:
        story.append(_table(st, ["类型", "组数"], [[REPEAT_LABELS.get(k, k), number_text(v)]
                                                 for k, v in repeats.items()] + [["合计", number_text(total)]],
                            [3, 1.5], frame_width * 0.6, total_row=True))

    h1("工单")
    wo = d.work_order_on_time
    story.append(_p(f"下发工单{number_text(d.work_orders_issued)}张，办结{number_text(wo.denominator)}张，其中按时办结"
                    f"{number_text(wo.numerator)}张，按时办结率{pct_text(wo.pct)}；目前超期未办结"
                    f"{number_text(d.work_orders_overdue_now)}张。", st.body))
    units = list(d.work_orders_by_unit)
    if units:
        rows = [[u.name, number_text(u.closed), number_text(u.on_time), pct_text(u.pct), number_text(u.open_now),
                 number_text(u.overdue_now)] for u in units]
        rows.append(["合计", number_text(wo.denominator), number_text(wo.numerator), pct_text(wo.pct),
                     number_text(sum(u.open_now for u in units)), number_text(d.work_orders_overdue_now)])
        story.append(_table(st, ["承办单位", "办结", "按时办结", "按时办结率", "在办", "超期未办结"], rows,
                            [2.6, 1, 1.2, 1.4, 1, 1.4], frame_width, total_row=True))

    h1("矛盾纠纷与调解")
    ms, tr = d.mediation_success, d.transfer_resolution
    story.append(_p(f"排查登记矛盾纠纷{number_text(d.disputes_registered)}件；调解终结{number_text(ms.denominator)}件，"
                    f"化解{number_text(ms.numerator)}件，调解成功率{pct_text(ms.pct)}；流转{number_text(d.transfers)}件，"
                    f"已有结果{number_text(tr.denominator)}件，化解{number_text(tr.numerator)}件，"
                    f"流转化解率{pct_text(tr.pct)}。", st.body))
    natures = [(k, v) for k, v in data.disputes_by_nature.items() if v.get("registered") or v.get("resolved")
               or v.get("failed")]
    if natures:
        rows = [[NATURE_LABELS.get(k, k), number_text(v.get("registered")), number_text(v.get("resolved")),
                 number_text(v.get("failed")), pct_text(v.get("success_rate"))] for k, v in natures]
        story.append(_table(st, ["纠纷性质", "登记", "化解", "调解不成", "调解成功率"], rows, [2.6, 1, 1, 1.2, 1.4],
                            frame_width))
        story.append(Spacer(1, 3 * mm))
        story.append(category_bar_chart(st.fonts, [NATURE_LABELS.get(k, k) for k, _v in natures],
                                        [v.get("registered") or 0 for _k, v in natures], frame_width,
                                        title="各类矛盾纠纷登记数（件）"))

    h1("统计口径说明")
    for n, (name, text) in enumerate(data.definitions, 1):
        story.append(_p(f"{n}. {name}：{text}", st.item))
    return story


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def write_station_report_pdf(path: str | os.PathLike[str], data: StationReportData, *,
                             cancelled: Callable[[], bool] | None = None) -> int:
    """Write the report to ``path`` (a temporary name, renamed at the end: a failure or a cancel
    leaves no file); returns the number of pages. Raises StationDeskError when no embeddable
    Chinese font exists, Cancelled when ``cancelled()`` turns true."""
    target = Path(path)
    frame_width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    fonts = load_fonts()

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    story = build_story(data, frame_width, check=check)

    def page_number(canvas, doc) -> None:
        check()
        if doc.page == 1:
            return  # the cover carries no number
        canvas.saveState()
        canvas.setFont(fonts.song, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(MARGIN_LEFT + frame_width / 2, MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8,
                                 f"- {doc.page - 1} -")
        canvas.restoreState()

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=data.title, author=data.station_name, creator="StationDesk",
            initialFontName=fonts.song,
        )
        doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return doc.page


__all__ = ["StationReportData", "build_story", "report_title", "summary_prose", "write_station_report_pdf"]
