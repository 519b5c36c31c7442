"""Shared building blocks of the A4 portrait reports (晨会纪要, the station statistics report). No Qt.

The paragraph styles of DESIGN.md §5 (title 22 pt hei, body 16 pt fangsong with 22 lines a page,
headings 一、 in hei and （一） in kai, table cells 10.5 pt song) and vector charts drawn with
reportlab.graphics (bars by hour, a daily line with last year's overlaid, horizontal bars), so the
printed charts stay sharp at any zoom and the PDF stays small.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.reports.fonts import load_fonts
from desktop.reports.pdf_table import TITLE_SIZE

BODY_SIZE = 16  # 3号
BODY_LEADING = 28.9  # 22 lines in the 225 mm text block
TABLE_SIZE = 10.5
BAR_COLOR = colors.HexColor("#3C5A82")
LAST_YEAR_COLOR = colors.HexColor("#C0504D")
GRID_COLOR = colors.HexColor("#D5DAE1")


class ReportStyles:
    """The paragraph styles of a portrait report, on the best available CJK faces."""

    def __init__(self) -> None:
        f = self.fonts = load_fonts()
        self.title = ParagraphStyle("bm-title", fontName=f.hei, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.5,
                                    alignment=TA_CENTER, wordWrap="CJK")
        self.meta = ParagraphStyle("bm-meta", fontName=f.kai, fontSize=14, leading=22, alignment=TA_CENTER,
                                   wordWrap="CJK")
        self.body = ParagraphStyle("bm-body", fontName=f.fangsong, fontSize=BODY_SIZE, leading=BODY_LEADING,
                                   firstLineIndent=2 * BODY_SIZE, alignment=TA_LEFT, wordWrap="CJK")
        self.plain = ParagraphStyle("bm-plain", parent=self.body, firstLineIndent=0)
        self.item = ParagraphStyle("bm-item", parent=self.body, fontSize=14, leading=24, firstLineIndent=0,
                                   leftIndent=2 * BODY_SIZE)
        self.h1 = ParagraphStyle("bm-h1", fontName=f.hei, fontSize=BODY_SIZE, leading=BODY_LEADING,
                                 firstLineIndent=2 * BODY_SIZE, wordWrap="CJK", spaceBefore=4, keepWithNext=1)
        self.h2 = ParagraphStyle("bm-h2", fontName=f.kai, fontSize=BODY_SIZE, leading=BODY_LEADING,
                                 firstLineIndent=2 * BODY_SIZE, wordWrap="CJK", keepWithNext=1)
        self.cell = ParagraphStyle("bm-cell", fontName=f.song, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.3,
                                   wordWrap="CJK")
        self.sign = ParagraphStyle("bm-sign", parent=self.plain, alignment=TA_RIGHT)


def _value_axis(axis, top: float, font: str) -> None:
    axis.labels.fontName = font
    axis.labels.fontSize = 8
    axis.valueMin = 0
    top = max(float(top), 1.0)
    step = _nice_step(top / 5)
    axis.valueStep = step
    axis.valueMax = step * (int(top // step) + 1)
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID_COLOR
    axis.gridStrokeWidth = 0.4


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw`` (at least 1: counts are whole)."""
    if raw <= 1:
        return 1
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if m * magnitude >= raw:
            return m * magnitude
    return 10 * magnitude


def hour_bar_chart(fonts, by_hour: Sequence[int], width: float, *, title: str = "各时段警情分布（起）",
                   height: float = 52 * mm) -> Drawing:
    """Incidents by hour of the day (0..23) as vertical bars."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 22
    chart.width, chart.height = width - 40, height - 42
    chart.data = [[int(v or 0) for v in (list(by_hour) + [0] * 24)[:24]]]
    chart.bars[0].fillColor = BAR_COLOR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.categoryAxis.categoryNames = [str(h) for h in range(24)]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = 8
    _value_axis(chart.valueAxis, max(chart.data[0]) if chart.data[0] else 0, fonts.song)
    drawing.add(chart)
    drawing.add(String(width / 2, height - 12, title, fontName=fonts.hei, fontSize=10, textAnchor="middle"))
    drawing.add(String(width - 12, 6, "时", fontName=fonts.song, fontSize=8, textAnchor="end"))
    return drawing


def daily_line_chart(fonts, labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], width: float, *,
                     title: str, height: float = 62 * mm) -> Drawing:
    """One line per ``(name, values)`` over the days ``labels`` (this period's first, drawn in the
    report colour; the comparison in red), with a legend; at most ~16 axis labels are shown."""
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 44, height - 62
    chart.data = [[int(v or 0) for v in values] or [0] for _name, values in series]
    palette = (BAR_COLOR, LAST_YEAR_COLOR, colors.HexColor("#7F7F7F"))
    for i in range(len(series)):
        chart.lines[i].strokeColor = palette[i % len(palette)]
        chart.lines[i].strokeWidth = 1.4 if i == 0 else 1.0
        if i:
            chart.lines[i].strokeDashArray = (3, 2)
    every = max(1, (len(labels) + 15) // 16)
    chart.categoryAxis.categoryNames = [t if i % every == 0 else "" for i, t in enumerate(labels)]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0
    top = max((max(row) for row in chart.data if row), default=0)
    _value_axis(chart.valueAxis, top, fonts.song)
    drawing.add(chart)
    drawing.add(String(width / 2, height - 12, title, fontName=fonts.hei, fontSize=10, textAnchor="middle"))
    legend = Legend()
    legend.fontName, legend.fontSize = fonts.song, 8
    legend.x, legend.y = width - 8, height - 22
    legend.alignment = "right"
    legend.boxAnchor = "ne"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.dx, legend.dy = 10, 3
    legend.colorNamePairs = [(palette[i % len(palette)], name) for i, (name, _v) in enumerate(series)]
    drawing.add(legend)
    return drawing


def category_bar_chart(fonts, names: Sequence[str], values: Sequence[int], width: float, *, title: str,
                       bar_height: float = 14) -> Drawing:
    """Horizontal bars, one per name (top to bottom in the given order)."""
    n = max(1, len(names))
    height = n * bar_height + 48
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    label_width = 24 + 8.5 * max((len(str(x)) for x in names), default=2)
    chart.x, chart.y = min(label_width, width / 3), 20
    chart.width, chart.height = width - chart.x - 16, height - 44
    chart.data = [[int(v or 0) for v in reversed(list(values))] or [0]]
    chart.bars[0].fillColor = BAR_COLOR
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = [str(x) for x in reversed(list(names))] or [""]
    chart.categoryAxis.labels.fontName = fonts.song
    chart.categoryAxis.labels.fontSize = 8
    _value_axis(chart.valueAxis, max(chart.data[0]), fonts.song)
    drawing.add(chart)
    drawing.add(String(width / 2, height - 12, title, fontName=fonts.hei, fontSize=10, textAnchor="middle"))
    return drawing


__all__ = ["BODY_LEADING", "BODY_SIZE", "TABLE_SIZE", "ReportStyles", "category_bar_chart", "daily_line_chart",
           "hour_bar_chart"]
