"""晨会纪要 / 周分析 / 月会商 minutes as a PDF (DESIGN.md §5). No Qt, no database.

The input is plain data: a ``BriefingView`` from desktop.services.briefings (read duck-typed) or a dict
with the same keys (kind, period_start, period_end, status, held_at, chair, attendees, analysis,
compiled, signed_at, signed_by, addenda, directives). A4 portrait with GB/T 9704 margins, the title at
22 pt, body text 16 pt in the fangsong face, headings 一、 in hei, a category table and a vector bar
chart of incidents by hour (reportlab.graphics, no raster images), page numbers "- 1 -".
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from desktop.reports.fonts import load_fonts
from desktop.reports.pdf_charts import TABLE_SIZE, ReportStyles, hour_bar_chart
from desktop.reports.pdf_table import (
    GRID,
    HEADER_BG,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
)

KIND_TITLES = {"daily": "晨会纪要", "weekly": "周分析", "monthly": "月会商纪要"}
NUMERALS = "一二三四五六七八九十"
DASH = "—"

PRIORITY_LABELS = {"urgent": "紧急", "high": "急", "normal": "一般", "long": "长期", "long_term": "长期"}
STATUS_LABELS = {"issued": "已下发", "accepted": "已签收", "reported": "已反馈", "returned": "退回",
                 "closed": "已办结", "cancelled": "已撤销"}

# Labels for the figures of the sections whose layout is free-form (repeats, cases, warnings, ...).
FIELD_LABELS = {
    "total": "合计", "count": "数量", "new": "新增", "open": "未结", "closed": "已结", "overdue": "超期",
    "due_soon": "即将到期", "accepted": "受理", "issued": "下发", "reported": "已反馈", "returned": "退回",
    "cancelled": "撤销", "on_time": "按时办结", "on_time_pct": "按时办结率", "clusters": "重复警情组",
    "incidents": "涉及警情", "same_caller": "一人多报", "same_place": "一地多报", "same_event": "多人同报",
    "criminal": "刑事案件", "administrative": "行政（治安）案件", "registered": "排查登记", "mediating": "调解中",
    "resolved": "已化解", "failed": "调解不成", "transferred": "移交", "high_risk": "高风险",
    "criminal_risk": "民转刑风险", "pending": "待处置", "dispatched": "已派单", "handled": "已处置",
    "closure_rate_30d": "30日办结率", "mediation_success_pct": "调解成功率", "prev": "上期", "last_year": "去年同期",
}
SECTION_TITLES = [
    ("repeats", "重复警情"), ("cases", "执法动态"), ("warnings", "预警信息"), ("disputes", "矛盾纠纷"),
    ("work_orders", "工单情况"),
]


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a dict or an object (the view is read duck-typed)."""
    if obj is None:
        return default
    value = obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)
    return default if value is None else value


def _fmt_dt(value: Any, with_time: bool = True) -> str:
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日" + (f" {value:%H:%M}" if with_time else "")
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, str) and value:
        with contextlib.suppress(ValueError):
            return _fmt_dt(datetime.fromisoformat(value), with_time)
        return value
    return DASH


def pct(value: Any) -> str:
    """A change in per cent for tables: "+12.5%", "-3.0%", "—" where there is no base."""
    if value is None:
        return DASH
    return f"{float(value):+.1f}%"


def _trend(value: Any) -> str:
    """A change in words for the prose: 上升 12.5% / 下降 3.0% / 持平 / 无可比基数."""
    if value is None:
        return "无可比基数"
    v = float(value)
    if abs(v) < 0.05:
        return "持平"
    return f"{'上升' if v > 0 else '下降'}{abs(v):.1f}%"


def _text(value: Any) -> str:
    if value is None:
        return DASH
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime | date):
        return _fmt_dt(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _person(value: Any) -> str:
    """A person given as a name or as ``(id, name)``."""
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    return _text(value)


def _names(value: Any) -> str:
    if not value:
        return DASH
    if isinstance(value, str):
        return value
    return "、".join(str(v) for v in value)


_Styles = ReportStyles  # shared with the station report (desktop/reports/pdf_charts.py)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _category_table(st: _Styles, rows: list[Any], width: float) -> Table:
    head = ["类别", "本期", "上期", "环比", "去年同期", "同比"]
    data: list[list[Any]] = [head]
    for r in rows:
        count, prev, last = _get(r, "count", 0), _get(r, "prev", 0), _get(r, "last_year", 0)
        change_prev = _get(r, "change_prev_pct") if _has(r, "change_prev_pct") else _change(count, prev)
        change_year = _get(r, "change_year_pct") if _has(r, "change_year_pct") else _change(count, last)
        data.append([Paragraph(escape(str(_get(r, "name", _get(r, "code", DASH)))), st.cell), str(count), str(prev),
                     pct(change_prev), str(last), pct(change_year)])
    weights = [3.2, 1, 1, 1.2, 1.2, 1.2]
    table = Table(data, colWidths=[width * w / sum(weights) for w in weights], repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), st.fonts.hei, TABLE_SIZE),
        ("FONT", (0, 1), (-1, -1), st.fonts.song, TABLE_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _has(obj: Any, name: str) -> bool:
    return name in obj if isinstance(obj, dict) else hasattr(obj, name)


def _change(now: Any, base: Any) -> float | None:
    try:
        return None if not base else (float(now) - float(base)) / float(base) * 100
    except (TypeError, ValueError):
        return None


def _hour_chart(st: _Styles, by_hour: list[int], width: float) -> Drawing:
    return hour_bar_chart(st.fonts, by_hour, width)


def _top(rows: Iterable[Any], n: int = 3) -> str:
    parts = []
    for r in list(rows or [])[:n]:
        name = _get(r, "name", _get(r, "code", DASH))
        parts.append(f"{name}（{_get(r, 'count', 0)}起）")
    return "、".join(parts)


def _item_line(item: Any) -> str:
    """One line for a list entry of a free-form section (a dict, a tuple or text)."""
    if isinstance(item, dict):
        parts = []
        for key, value in item.items():
            if key in ("id", "station_id") or key.endswith("_id") or value in (None, "", [], ()):
                continue
            if isinstance(value, list | tuple):
                value = "、".join(_text(v) for v in value)
            label = FIELD_LABELS.get(key)
            parts.append(f"{label}{_text(value)}" if label else _text(value))
        return "，".join(parts)
    if isinstance(item, list | tuple):
        return "，".join(_text(v) for v in item if v not in (None, ""))
    return _text(item)


def _free_section(st: _Styles, data: Any) -> list[Any]:
    """Figures as one paragraph, lists as numbered lines; empty input gives "本期无。"."""
    if data in (None, {}, []):
        return [_p("本期无。", st.body)]
    if isinstance(data, list | tuple):
        data = {"items": data}
    if not isinstance(data, dict):
        return [_p(_text(data), st.body)]
    figures, lists = [], []
    for key, value in data.items():
        if isinstance(value, list | tuple):
            lists.append((key, value))
        elif isinstance(value, dict):
            inner = "，".join(f"{FIELD_LABELS.get(k, k)}{_text(v)}" for k, v in value.items())
            figures.append(f"{FIELD_LABELS.get(key, key)}：{inner}")
        elif key in FIELD_LABELS:
            shown = pct(value) if key.endswith("_pct") and key.startswith("change") else _text(value)
            if key.endswith("_pct") and not key.startswith("change") and value is not None:
                shown = f"{float(value):.1f}%"
            figures.append(f"{FIELD_LABELS[key]}{shown}")
    out: list[Any] = []
    if figures:
        out.append(_p("；".join(figures) + "。", st.body))
    for _key, items in lists:
        for n, item in enumerate(items[:15], 1):
            line = _item_line(item)
            if line:
                out.append(_p(f"{n}. {line}", st.item))
        if len(items) > 15:
            out.append(_p(f"……共 {len(items)} 项，其余从略。", st.item))
    return out or [_p("本期无。", st.body)]


REPEAT_LABELS = {"same_caller": "一人多报", "same_place": "一地多报", "same_event": "多人同报"}
WARNING_LABELS = {"fraud": "反诈", "stability": "涉稳", "public_order": "治安", "hazard": "安全隐患", "other": "其他"}
NATURE_LABELS = {"family": "婚恋家庭", "neighbour": "邻里", "land": "土地山林", "labour": "劳资", "debt": "经济债务",
                 "property_mgmt": "物业", "medical": "医患", "traffic": "交通事故", "other": "其他"}
RISK_LABELS = {"low": "低", "medium": "中", "high": "高", "major": "重大"}
LIST_LIMIT = 8  # per listing: the minutes stay a few pages even on a busy day


def _n(data: dict, key: str) -> int:
    value = data.get(key)
    return len(value) if isinstance(value, list | tuple) else int(value or 0)


def _listing(st: _Styles, items: list[Any], line) -> list[Any]:
    out = [_p(f"{n}. {line(item)}", st.item) for n, item in enumerate(items[:LIST_LIMIT], 1)]
    if len(items) > LIST_LIMIT:
        out.append(_p(f"……共{len(items)}项，其余从略。", st.item))
    return out


def _join(*parts: Any) -> str:
    """Non-empty parts joined with "，" (a missing stage or unit leaves no double comma)."""
    return "，".join(str(p).strip().rstrip("，") for p in parts if p and str(p).strip())


def _day(value: Any) -> str:
    return _fmt_dt(value, with_time=False) if value else DASH


def _repeats(st: _Styles, data: dict) -> list[Any]:
    by_kind = data.get("by_kind") or {}
    kinds = "，".join(f"{REPEAT_LABELS.get(k, k)}{v}组" for k, v in by_kind.items() if v)
    out = [_p(f"本期识别重复警情{_n(data, 'total')}组" + (f"，其中{kinds}" if kinds else "") + "。", st.body)]
    out += _listing(st, data.get("clusters") or [], lambda c: (
        f"{REPEAT_LABELS.get(c.get('kind'), c.get('kind'))}：{c.get('match_key') or DASH}，{c.get('count', 0)}起"
        + (f"（{'、'.join(c['numbers'][:6])}{'等' if len(c['numbers']) > 6 else ''}）" if c.get("numbers") else "")))
    return out


def _cases(st: _Styles, data: dict) -> list[Any]:
    admin, criminal = data.get("admin_due") or [], data.get("criminal_due") or []
    out = [_p(f"本期受理案件{_n(data, 'accepted')}件，结案{_n(data, 'closed')}件。临近办案期限的治安案件{len(admin)}件"
              f"（其中已超期{_n(data, 'admin_overdue')}件），临近期限的刑事案件{len(criminal)}件。", st.body)]

    def line(c: dict) -> str:
        flag = "【已超期】" if c.get("overdue") else ""
        return _join(f"{c.get('number') or DASH}　{c.get('title') or ''}", c.get("stage"),
                     f"期限{_day(c.get('due_at'))}", f"主办{c.get('officer') or DASH}") + flag
    return out + _listing(st, [*admin, *criminal], line)


def _warnings(st: _Styles, data: dict) -> list[Any]:
    by_kind = data.get("by_kind") or {}
    kinds = "，".join(f"{WARNING_LABELS.get(k, k)}{v}条" for k, v in by_kind.items() if v)
    return [_p(f"本期接收预警{_n(data, 'received')}条" + (f"（{kinds}）" if kinds else "")
               + f"，尚未处置{_n(data, 'not_acted')}条；全所逾期未处置{_n(data, 'overdue')}条。", st.body)]


def _disputes(st: _Styles, data: dict) -> list[Any]:
    high, criminal = data.get("high_risk") or [], data.get("criminal_risk") or []
    follow = data.get("follow_ups_due") or []
    out = [_p(f"本期排查登记矛盾纠纷{_n(data, 'registered')}件。在调高风险纠纷{len(high)}件，"
              f"有民转刑风险的纠纷{len(criminal)}件，到期待回访{len(follow)}件。", st.body)]

    def line(d: dict) -> str:
        tags = "【民转刑风险】" if d.get("criminal_risk") else ""
        return _join(f"{d.get('number') or DASH}　{NATURE_LABELS.get(d.get('nature'), d.get('nature') or '')}纠纷",
                     f"风险{RISK_LABELS.get(d.get('risk_level'), d.get('risk_level') or DASH)}",
                     d.get("summary")) + tags
    seen: set = set()
    rows = []
    for d in [*criminal, *high]:
        if d.get("id") not in seen:
            seen.add(d.get("id"))
            rows.append(d)
    out += _listing(st, rows, line)
    if follow:
        out.append(_p("待回访：" + "、".join(f"{f.get('number')}（{_day(f.get('next_due'))}）" for f in follow[:20])
                      + ("等" if len(follow) > 20 else "") + "。", st.item))
    return out


def _work_orders(st: _Styles, data: dict) -> list[Any]:
    out = [_p(f"本期下发工单{_n(data, 'issued')}张，办结{_n(data, 'closed')}张，目前超期未办结"
              f"{_n(data, 'overdue')}张。", st.body)]
    overdue = data.get("overdue_by_unit") or {}
    if overdue:
        out.append(_p("超期工单分布：" + "、".join(f"{u}{n}张" for u, n in overdue.items()) + "。", st.body))
    carried = data.get("open_from_directives") or []
    if carried:
        out.append(_p(f"此前指令形成的工单尚有{len(carried)}张未办结：", st.body))
        out += _listing(st, carried, lambda o: _join(
            f"{o.get('number')}　{(o.get('title') or '').rstrip('。，；')}", o.get("unit"),
            STATUS_LABELS.get(o.get("status"), o.get("status")), f"时限{_fmt_dt(o.get('deadline'))}")
            + ("【已超期】" if o.get("overdue") else ""))
    return out


_SECTION_RENDERERS = {"repeats": _repeats, "cases": _cases, "warnings": _warnings, "disputes": _disputes,
                      "work_orders": _work_orders}


def build_story(view: Any, station_name: str, frame_width: float) -> tuple[list[Any], str]:
    """The flowables of the minutes and the document title."""
    st = _Styles()
    kind = str(_get(view, "kind", "daily"))
    kind = getattr(kind, "value", kind)
    title = f"{station_name}{KIND_TITLES.get(kind, '晨会纪要')}"
    compiled = _get(view, "compiled", {}) or {}
    story: list[Any] = [_p(title, st.title)]
    start, end = _get(view, "period_start"), _get(view, "period_end")
    story.append(_p(f"统计时段：{_fmt_dt(start)} 至 {_fmt_dt(end)}", st.meta))
    story.append(HRFlowable(width="100%", thickness=1.2, color=colors.HexColor("#B00000"), spaceBefore=4,
                            spaceAfter=8))
    story.append(_p(f"时　　间：{_fmt_dt(_get(view, 'held_at'))}", st.plain))
    story.append(_p(f"主 持 人：{_person(_get(view, 'chair'))}", st.plain))
    story.append(_p(f"参会人员：{_names(_get(view, 'attendees'))}", st.plain))
    story.append(Spacer(1, 3 * mm))

    heading = iter(NUMERALS)

    def h1(text: str) -> None:
        story.append(_p(f"{next(heading)}、{text}", st.h1))

    # 一、警情概况
    inc = compiled.get("incidents") or {}
    h1("警情概况")
    total = inc.get("total", 0)
    prose = (f"本期共接报警情{total}起，上期{inc.get('prev', 0)}起，环比{_trend(inc.get('change_prev_pct'))}；"
             f"去年同期{inc.get('last_year', 0)}起，同比{_trend(inc.get('change_year_pct'))}。")
    if "avg3" in inc:
        prose += f"近三年同期均值{_text(inc.get('avg3'))}起，较均值{_trend(inc.get('change_avg3_pct'))}。"
    if inc.get("by_community"):
        prose += f"警情较多的社区：{_top(inc['by_community'])}。"
    if inc.get("by_grid"):
        prose += f"警情较多的网格：{_top(inc['by_grid'])}。"
    story.append(_p(prose, st.body))
    categories = inc.get("by_category") or []
    if categories:
        story.append(KeepTogether([_p("（一）分类情况", st.h2), Spacer(1, 2),
                                   _category_table(st, categories, frame_width), Spacer(1, 3 * mm)]))
    by_hour = inc.get("by_hour")
    if by_hour and any(by_hour):
        story.append(KeepTogether([_p(f"（{'二' if categories else '一'}）时段分布", st.h2),
                                   _hour_chart(st, by_hour, frame_width)]))
    notable = inc.get("notable") or []
    if notable:
        story.append(_p(f"（{'三' if categories else '二'}）重点警情", st.h2))
        for n, item in enumerate(notable[:15], 1):
            story.append(_p(f"{n}. {_item_line(item)}", st.item))

    # 二、…六、
    for key, label in SECTION_TITLES:
        h1(label)
        data = compiled.get(key)
        renderer = _SECTION_RENDERERS.get(key)
        story += renderer(st, data) if renderer and isinstance(data, dict) and data else _free_section(st, data)

    h1("研判意见")
    analysis = str(_get(view, "analysis", "") or "").strip()
    paragraphs = [line.strip() for line in analysis.splitlines() if line.strip()] or ["无。"]
    story += [_p(text, st.body) for text in paragraphs]

    h1("工作指令")
    directives = list(_get(view, "directives", []) or [])
    if not directives:
        story.append(_p("无。", st.body))
    for n, d in enumerate(directives, 1):
        seq = _get(d, "seq", n)
        text = str(_get(d, "text", ""))
        story.append(_p(f"{seq}. {text}", st.body))
        details = []
        units = [_target_name(t) for t in _get(d, "targets", []) or []]
        if units:
            details.append("承办：" + "、".join(u for u in units if u))
        priority = _get(d, "priority")
        if priority:
            details.append("等级：" + PRIORITY_LABELS.get(str(getattr(priority, "value", priority)), str(priority)))
        deadline = _get(d, "deadline")
        if deadline:
            details.append("时限：" + _fmt_dt(deadline))
        orders = [_order_text(o) for o in _get(d, "orders", []) or []]
        if orders:
            details.append("工单：" + "、".join(orders))
        if details:
            story.append(_p("；".join(details), st.item))

    addenda = list(_get(view, "addenda", []) or [])
    if addenda:
        h1("补充记录")
        for n, a in enumerate(addenda, 1):
            if isinstance(a, str):
                story.append(_p(f"{n}. {a}", st.body))
                continue
            who = _get(a, "author", _get(a, "by_name", ""))  # "by" holds a staff id: not shown
            at = _get(a, "at", _get(a, "created_at"))
            text = _get(a, "text", _get(a, "body", ""))
            tail = "（" + " ".join(x for x in (str(who) if who else "", _fmt_dt(at) if at else "") if x) + "）"
            story.append(_p(f"{n}. {text}{tail if tail != '（）' else ''}", st.body))

    signed_at = _get(view, "signed_at")
    sign_rows = [
        f"主持人：{_person(_get(view, 'chair'))}",
        f"签　发：{_person(_get(view, 'signed_by')) if signed_at else '（未签发）'}",
        f"日　期：{_fmt_dt(signed_at or _get(view, 'held_at') or end, with_time=False)}",
    ]
    story.append(KeepTogether([Spacer(1, 10 * mm), *[_p(r + "　　", st.sign) for r in sign_rows]]))
    return story, title


def _target_name(target: Any) -> str:
    if isinstance(target, list | tuple):
        unit = target[1] if len(target) > 1 else ""
        assignee = target[3] if len(target) > 3 else None
    else:
        unit, assignee = _get(target, "unit", ""), _get(target, "assignee")
    return f"{unit}（{assignee}）" if assignee else str(unit or "")


def _order_text(order: Any) -> str:
    if isinstance(order, list | tuple):
        number = order[1] if len(order) > 1 else order[0]
        status = order[2] if len(order) > 2 else None
    else:
        number, status = _get(order, "number", ""), _get(order, "status")
    status = getattr(status, "value", status)
    return f"{number}（{STATUS_LABELS.get(str(status), status)}）" if status else str(number)


def write_minutes_pdf(path: str | os.PathLike[str], *, station_name: str, view_like: Any) -> int:
    """Write the minutes of one briefing to ``path`` (written to a temporary name, then renamed);
    returns the number of pages. Raises StationDeskError when no embeddable Chinese font exists."""
    target = Path(path)
    frame_width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    story, title = build_story(view_like, station_name, frame_width)
    fonts = load_fonts()

    def page_number(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.song, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(MARGIN_LEFT + frame_width / 2, MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE * 0.8,
                                 f"- {doc.page} -")
        canvas.restoreState()

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=title, creator="StationDesk", initialFontName=fonts.song,
        )
        doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return doc.page
