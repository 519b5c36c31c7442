"""The charts of the 统计报表 screen (pyqtgraph): the daily trend with last year overlaid, the category
bars and the hour × weekday heat map.

Each chart is a widget holding a pyqtgraph plot and a one-line read-out under it. Hovering shows the
value under the mouse (read-out and tooltip); a click emits ``clicked`` with what was clicked, and the
screen turns it into an incident-list filter. This module imports pyqtgraph at the top, so only the
statistics screen imports it, when it is built (the import costs ~0.2 s).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Signal
from PySide6.QtGui import QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

pg.setConfigOptions(antialias=True)

THIS_PEN = pg.mkPen("#1565c0", width=2)
LAST_PEN = pg.mkPen("#9e9e9e", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
BAR_BRUSH = pg.mkBrush("#1565c0")
HEAT_COLOURS = pg.ColorMap(pos=[0.0, 0.5, 1.0], color=[(255, 255, 255), (255, 167, 38), (183, 28, 28)])


class StatChart(QWidget):
    """A plot with a read-out line; subclasses fill it and say what a point means."""

    clicked = Signal(object)  # what was clicked: a date, a category row index, (weekday, hour)
    hovered = Signal(str)  # the read-out text of the point under the mouse ("" when none)

    def __init__(self, title: str, parent: QWidget | None = None, *, height: int = 240) -> None:
        super().__init__(parent)
        self.title = title
        self.plot = pg.PlotWidget(self)
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(height)
        self.plot_item = self.plot.getPlotItem()
        self.plot_item.setTitle(title, color="#212121", size="11pt")
        font = QFont(self.font())  # the application's CJK font, so Chinese tick labels render
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen("#424242")
            axis.setPen("#9e9e9e")
        self.readout = QLabel(self)
        self.readout.setObjectName("chartReadout")
        self.readout.setMinimumHeight(self.readout.fontMetrics().height() + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_moved)
        scene.sigMouseClicked.connect(self._on_clicked)

    # ---------------------------------------------------------------- what subclasses define

    def item_at(self, x: float, y: float) -> Any:
        """What lies at view coordinates (x, y), or None. Each chart below says what its items are;
        a chart without items (none here) has nothing to show or drill into."""
        return None

    def describe(self, item: Any) -> str:
        """The read-out for ``item`` (each chart below words its own)."""
        return ""

    # ---------------------------------------------------------------- mouse

    def _view_point(self, scene_pos: QPointF) -> QPointF | None:
        box = self.plot_item.vb
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        return box.mapSceneToView(scene_pos)

    def _on_moved(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        item = None if point is None else self.item_at(point.x(), point.y())
        text = "" if item is None else self.describe(item)
        self.readout.setText(text)
        self.plot.setToolTip(text)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plot)
        self.hovered.emit(text)

    def _on_clicked(self, event: Any) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        point = self._view_point(event.scenePos())
        item = None if point is None else self.item_at(point.x(), point.y())
        if item is not None:
            self.clicked.emit(item)

    def hover_at(self, x: float, y: float) -> str:
        """Show the read-out of view point (x, y) as if the mouse were there (tests, keyboard)."""
        self._on_moved(self.plot_item.vb.mapViewToScene(QPointF(x, y)))
        return self.readout.text()

    def widget_point(self, x: float, y: float) -> QPoint:
        """The viewport pixel of view point (x, y): where a click lands on it."""
        scene = self.plot_item.vb.mapViewToScene(QPointF(x, y))
        return self.plot.mapFromScene(scene)

    # ---------------------------------------------------------------- export

    def export(self, path: str | Path) -> Path:
        """Write the chart as PNG or SVG (by the suffix); the written path."""
        from pyqtgraph import exporters

        path = Path(path)
        if path.suffix.lower() == ".svg":
            try:
                exporters.SVGExporter(self.plot_item).export(str(path))
            except ValueError:
                # pyqtgraph 0.14's SVGExporter cannot parse the path data newer Qt (6.12) writes; Qt's
                # own SVG generator draws the same scene as vectors.
                self._render_svg(path)
            return path
        exporter = exporters.ImageExporter(self.plot_item)
        # Twice the on-screen size, so the picture stays sharp in a document.
        exporter.parameters()["width"] = int(max(800, self.plot_item.sceneBoundingRect().width() * 2))
        exporter.export(str(path))
        return path

    def _render_svg(self, path: Path) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        source = self.plot_item.sceneBoundingRect()
        target = QRectF(0, 0, source.width(), source.height())
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(target.size().toSize())
        generator.setViewBox(target)
        generator.setTitle(self.title)
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"cannot write {path}")
        try:
            self.plot.scene().render(painter, target, source)
        finally:
            painter.end()


class TrendChart(StatChart):
    """Incidents per duty day of the period, and of the same days a year earlier (dashed)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, height=240)
        self.days: list[date] = []
        self.counts: list[int] = []
        self.last_year: list[int] = []
        self.legend = self.plot_item.addLegend(offset=(-10, 10), labelTextColor="#212121")
        self.this_curve = self.plot_item.plot([], [], pen=THIS_PEN, name=self.tr("This period"))
        self.last_curve = self.plot_item.plot([], [], pen=LAST_PEN, name=self.tr("Same period last year"))
        self.plot_item.showGrid(y=True, alpha=0.2)

    def set_data(self, daily: Sequence[tuple[date, int, int]], *, today: date | None = None) -> None:
        """``today``: days after it have not happened yet, so this period's line stops there (last
        year's runs on)."""
        self.days = [d for d, _n, _l in daily]
        self.counts = [int(n) for _d, n, _l in daily]
        self.last_year = [int(n) for _d, _n, n in daily]
        xs = list(range(len(self.days)))
        shown = len([d for d in self.days if today is None or d <= today])
        marks = {"symbol": "o", "symbolSize": 5, "symbolBrush": "#1565c0", "symbolPen": None} \
            if len(xs) <= 62 else {"symbol": None}
        self.this_curve.setData(xs[:shown], self.counts[:shown], **marks)
        self.last_curve.setData(xs, self.last_year)
        step = max(1, -(-len(xs) // 12))  # at most ~12 labels along the bottom
        ticks = [(i, self.days[i].strftime("%m-%d")) for i in range(0, len(xs), step)]
        self.plot_item.getAxis("bottom").setTicks([ticks, []])
        top = max([1, *self.counts, *self.last_year])
        self.plot_item.setXRange(-0.5, max(0.5, len(xs) - 0.5), padding=0.02)
        self.plot_item.setYRange(0, top * 1.1, padding=0)

    def x_of(self, day: date) -> int:
        return self.days.index(day)

    def item_at(self, x: float, y: float) -> date | None:
        index = round(x)
        return self.days[index] if 0 <= index < len(self.days) else None

    def describe(self, day: date) -> str:
        i = self.days.index(day)
        return self.tr("{day}: {count} incidents (same day last year {last}) — click to list them").format(
            day=day.isoformat(), count=f"{self.counts[i]:,}", last=f"{self.last_year[i]:,}")


class CategoryChart(StatChart):
    """Horizontal bars, one per category (names on the left, largest first, top down)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, height=260)
        self.rows: list[tuple[Any, str, int]] = []  # (key, name, value)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush=BAR_BRUSH)
        self.plot_item.addItem(self.bars)
        self.plot_item.invertY(True)
        self.plot_item.showGrid(x=True, alpha=0.2)

    def set_data(self, rows: Sequence[tuple[Any, str, int]]) -> None:
        self.rows = list(rows)
        n = len(self.rows)
        values = [v for _k, _n, v in self.rows]
        self.bars.setOpts(x0=[0] * n, y=list(range(n)), height=0.7, width=values)
        axis = self.plot_item.getAxis("left")
        axis.setTicks([[(i, name) for i, (_k, name, _v) in enumerate(self.rows)], []])
        # pyqtgraph sizes the axis for numbers: make room for the longest name (Chinese, ~4–8 characters).
        metrics = QFontMetrics(self.font())
        axis.setWidth(min(240, max([40, *(metrics.horizontalAdvance(name) + 16 for _k, name, _v in self.rows)])))
        self.plot_item.setYRange(-0.6, max(0.6, n - 0.4), padding=0)
        self.plot_item.setXRange(0, max([1, *values]) * 1.08, padding=0)

    def item_at(self, x: float, y: float) -> int | None:
        index = round(y)
        if not 0 <= index < len(self.rows) or abs(y - index) > 0.4:
            return None
        return index

    def describe(self, index: int) -> str:
        key, name, value = self.rows[index]
        if key is None:
            return self.tr("{name}: {count} incidents").format(name=name, count=f"{value:,}")
        return self.tr("{name}: {count} incidents — click to list them").format(name=name, count=f"{value:,}")


class HeatMapChart(StatChart):
    """Incidents by weekday (rows, Monday on top) and hour of the day (columns), with a colour bar."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, height=260)
        self.grid = np.zeros((7, 24), dtype=float)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setImage(self.grid, autoLevels=False, levels=(0, 1))
        self.image.setRect(0, 0, 24, 7)
        self.plot_item.addItem(self.image)
        self.plot_item.invertY(True)
        self.plot_item.setXRange(0, 24, padding=0)
        self.plot_item.setYRange(0, 7, padding=0)
        self.plot_item.getAxis("left").setTicks([[(i + 0.5, name) for i, name in enumerate(self.weekday_names())],
                                                 []])
        self.plot_item.getAxis("bottom").setTicks([[(h + 0.5, str(h)) for h in range(24)], []])
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=HEAT_COLOURS, interactive=False, width=14)
        self.colour_bar.setImageItem(self.image, insert_in=self.plot_item)
        self.colour_bar.getAxis("right").setTickFont(QFont(self.font()))

    def weekday_names(self) -> list[str]:
        # Translated to 一 … 日 (the Chinese axis reads as 星期一 … 星期日 under the chart title).
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun")]

    def set_data(self, hour_weekday: Sequence[Sequence[int]]) -> None:
        grid = np.zeros((7, 24), dtype=float)
        for row, counts in enumerate(list(hour_weekday)[:7]):
            grid[row, : len(counts[:24])] = counts[:24]
        self.grid = grid
        top = max(1.0, float(grid.max()))
        self.image.setImage(grid, autoLevels=False, levels=(0, top))
        self.image.setRect(0, 0, 24, 7)
        self.colour_bar.setLevels((0, top))

    def item_at(self, x: float, y: float) -> tuple[int, int] | None:
        hour, weekday = int(x), int(y)
        if 0 <= hour < 24 and 0 <= weekday < 7 and x >= 0 and y >= 0:
            return weekday, hour
        return None

    def describe(self, cell: tuple[int, int]) -> str:
        weekday, hour = cell
        return self.tr("{weekday} {hour}:00–{hour}:59: {count} incidents — click to list the period's incidents "
                       "(the list cannot filter by hour)").format(
            weekday=self.weekday_names()[weekday], hour=f"{hour:02d}", count=f"{int(self.grid[weekday, hour]):,}")
