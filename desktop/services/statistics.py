"""Station statistics for any period and slice (issue 9, DESIGN.md §4). No Qt.

Every figure is an SQL aggregate; Python only folds a few thousand already-grouped rows (the
(date, hour) counts into the daily trend and the hour × weekday matrix, the (category, community,
grid) counts into the three breakdowns). Percentages are exact floats in percent units (10.2 means
10.2 %), None where the base is 0; display rounds to one decimal (pct_text / change_text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from time import perf_counter
from typing import Any

from sqlalchemy import and_, case, false, func, literal, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.errors import Cancelled, ValidationError
from desktop.models import Case, Community, Grid, Incident, IncidentCategory, RepeatCluster, Staff, Unit
from desktop.models.enums import CaseKind, RepeatKind
from desktop.services.cases import closure_rate_30
from desktop.services.disputes import statistics as dispute_statistics
from desktop.services.work_orders.stats import statistics as work_order_statistics

PERIOD_KINDS = ("day", "week", "month", "quarter", "year", "custom")
MAX_CUSTOM_DAYS = 3660


# --------------------------------------------------------------------------- small shared helpers


def change_pct(current: int | float, base: int | float) -> float | None:
    """(current − base) / base × 100, or None where the base is 0 (shown as "—")."""
    if not base:
        return None
    return (current - base) / base * 100.0


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def year_back(moment: datetime | date, years: int) -> datetime | date:
    """The same calendar moment ``years`` years earlier (29 February → 28 February)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


# --------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    kind: str            # one of PERIOD_KINDS
    start: datetime      # inclusive, at the duty cut-over hour
    end: datetime        # exclusive, at the cut-over hour
    first_day: date      # first duty day
    last_day: date       # last duty day (inclusive)
    label: str

    @property
    def days(self) -> int:
        """Number of duty days."""
        return (self.last_day - self.first_day).days + 1

    @property
    def cutover_hour(self) -> int:
        return self.start.hour


def _day_label(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _range_label(first: date, last: date) -> str:
    return f"{_day_label(first)}—{_day_label(last)}"


def _make(kind: str, first: date, last: date, cutover_hour: int, label: str | None = None) -> Period:
    if label is None:
        label = _range_label(first, last) if first != last else _day_label(first)
    start = datetime.combine(first, time(cutover_hour))
    end = datetime.combine(last + timedelta(days=1), time(cutover_hour))
    return Period(kind=kind, start=start, end=end, first_day=first, last_day=last, label=label)


def _check_cutover(cutover_hour: int) -> None:
    if not 0 <= cutover_hour <= 23:
        raise ValidationError("值班日交接时间应在 0–23 时之间", fields={"cutover_hour": "应在 0–23 时之间"})


def period_of(kind: str, day: date, *, cutover_hour: int = 8, last_day: date | None = None) -> Period:
    """The period of ``kind`` containing duty day ``day``.

    day: the duty day ``day``; week: the ISO week (Mon..Sun) containing it; month / quarter / year:
    the calendar one containing it; custom: ``day``..``last_day`` inclusive. Duty day D runs from D
    at the cut-over hour to D+1 at the cut-over hour.
    """
    _check_cutover(cutover_hour)
    if isinstance(day, datetime):
        day = day.date()
    if kind == "day":
        return _make(kind, day, day, cutover_hour, _day_label(day))
    if kind == "week":
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=6)
        iso_year, iso_week, _ = day.isocalendar()
        return _make(kind, first, last, cutover_hour,
                     f"{iso_year}年第{iso_week}周（{first.month}月{first.day}日—{last.month}月{last.day}日）")
    if kind == "month":
        first = day.replace(day=1)
        return _make(kind, first, add_months(first, 1) - timedelta(days=1), cutover_hour,
                     f"{day.year}年{day.month}月")
    if kind == "quarter":
        q = (day.month - 1) // 3
        first = date(day.year, q * 3 + 1, 1)
        return _make(kind, first, add_months(first, 3) - timedelta(days=1), cutover_hour,
                     f"{day.year}年第{q + 1}季度")
    if kind == "year":
        return _make(kind, date(day.year, 1, 1), date(day.year, 12, 31), cutover_hour, f"{day.year}年")
    if kind == "custom":
        if last_day is None:
            raise ValidationError("请填写结束日期", fields={"last_day": "请填写结束日期"})
        if isinstance(last_day, datetime):
            last_day = last_day.date()
        if last_day < day:
            raise ValidationError("结束日期不能早于开始日期", fields={"last_day": "不能早于开始日期"})
        if (last_day - day).days + 1 > MAX_CUSTOM_DAYS:
            raise ValidationError(f"统计区间不能超过 {MAX_CUSTOM_DAYS} 天", fields={"last_day": "区间过长"})
        return _make(kind, day, last_day, cutover_hour, _range_label(day, last_day))
    raise ValidationError(f"未知的统计周期：{kind}", fields={"kind": "无效"})


def previous_period(p: Period) -> Period:
    """The 环比 base: the period immediately before, of the same kind (month → previous calendar
    month, quarter → previous quarter, custom → the same number of days just before)."""
    h = p.cutover_hour
    if p.kind in ("day", "week", "month", "quarter", "year"):
        return period_of(p.kind, p.first_day - timedelta(days=1), cutover_hour=h)
    last = p.first_day - timedelta(days=1)
    return _make(p.kind, last - timedelta(days=p.days - 1), last, h)


def same_period_years_back(p: Period, years: int = 1) -> Period:
    """The 同比 base: the same calendar month / quarter / year ``years`` years earlier; day, week and
    custom periods shift their dates by ``years`` years (29 February → 28 February)."""
    h = p.cutover_hour
    if p.kind in ("month", "quarter", "year"):
        return period_of(p.kind, year_back(p.first_day, years), cutover_hour=h)
    first, last = year_back(p.first_day, years), year_back(p.last_day, years)
    if p.kind == "day":
        return period_of("day", first, cutover_hour=h)
    return _make(p.kind, first, last, h)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Slice:
    """Which incidents count; all None = the whole station."""

    category_id: int | None = None    # level-1 category: counts it and its subtypes
    subtype_id: int | None = None     # exactly this (level-2) category
    community_id: int | None = None
    grid_id: int | None = None
    unit_id: int | None = None        # handling unit of the incident
    officer_id: int | None = None     # handling officer (the "person" slice)

    @property
    def is_whole(self) -> bool:
        return all(v is None for v in (self.category_id, self.subtype_id, self.community_id, self.grid_id,
                                       self.unit_id, self.officer_id))


@dataclass(frozen=True)
class Change:
    value: int                 # this period
    previous: int              # previous period (环比 base)
    last_year: int             # same period last year (同比 base)
    avg_3y: float | None       # mean of the same period in each of the previous 3 years the records
                               # reach into (0.0 when all are 0; None when the records are younger)
    mom_pct: float | None      # 环比 %
    yoy_pct: float | None      # 同比 %
    vs_avg3_pct: float | None  # vs 3-year average %
    years_back: tuple[int, int, int] = (0, 0, 0)  # the same period 1, 2 and 3 years back


def make_change(value: int, previous: int, y1: int, y2: int, y3: int, *, covered: int = 3) -> Change:
    """``covered``: how many of the three previous years the station's records reach back into (see
    :func:`_covered_years`); the average is over those, None when there is none."""
    years = (y1, y2, y3)[:covered]
    avg = sum(years) / len(years) if years else None
    return Change(value=value, previous=previous, last_year=y1, avg_3y=avg,
                  mom_pct=change_pct(value, previous), yoy_pct=change_pct(value, y1),
                  vs_avg3_pct=change_pct(value, avg) if avg is not None else None, years_back=(y1, y2, y3))


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int
    pct: float | None          # numerator / denominator × 100, None when the denominator is 0


def make_rate(numerator: int, denominator: int) -> Rate:
    return Rate(int(numerator), int(denominator), numerator / denominator * 100.0 if denominator else None)


@dataclass(frozen=True)
class Breakdown:
    """One row of a category / community / grid table."""

    key: int | None            # id (None = 未填写/unknown)
    name: str
    value: int
    last_year: int
    yoy_pct: float | None
    share_pct: float | None    # share of the period total


@dataclass(frozen=True)
class UnitRate:
    """Work-order on-time figures of one unit."""

    unit_id: int | None
    name: str
    closed: int
    on_time: int
    pct: float | None
    overdue_now: int
    open_now: int


@dataclass(frozen=True)
class Dashboard:
    period: Period
    slice: Slice
    incidents: Change
    criminal_incidents: Change
    criminal_cases: Change
    administrative_cases: Change
    closure_rate_30: Rate
    mediation_success: Rate
    transfer_resolution: Rate
    transfers: int
    work_order_on_time: Rate
    work_orders_by_unit: tuple[UnitRate, ...]
    work_orders_issued: int
    work_orders_overdue_now: int
    disputes_registered: int
    repeats_by_kind: dict[str, int]
    daily: tuple[tuple[date, int, int], ...]
    by_category: tuple[Breakdown, ...]
    by_community: tuple[Breakdown, ...]
    by_grid: tuple[Breakdown, ...]
    hour_weekday: tuple[tuple[int, ...], ...]
    timings: dict[str, float] = field(default_factory=dict, compare=False)  # seconds per query group


# --------------------------------------------------------------------------- text


def change_text(pct: float | None, *, basis: str = "同比") -> str:
    """"同比上升 12.3%", "同比下降 10.2%", "同比持平" (|pct| < 0.05), "同比 —" when pct is None."""
    if pct is None:
        return f"{basis} —"
    if abs(pct) < 0.05:
        return f"{basis}持平"
    return f"{basis}{'上升' if pct > 0 else '下降'} {abs(pct):.1f}%"


def pct_text(pct: float | None) -> str:
    """"89.0%" / "—"."""
    return "—" if pct is None else f"{pct:.1f}%"


def number_text(n: int) -> str:
    """"1,234"."""
    return f"{int(n):,}"


DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("同比", "（本期 − 上年同期）÷ 上年同期 × 100%；上年同期为 0 时显示“—”。"),
    ("环比", "（本期 − 上一周期）÷ 上一周期 × 100%；上一周期为 0 时显示“—”。"),
    ("较前3年平均", "（本期 − 前三年同期的平均数）÷ 该平均数 × 100%；平均数为 0 时显示“—”。"
                  "本所记录开始之前的年份不计入平均（记录不足三年的，按已有记录的年份平均）。"),
    ("治安案件30日办结率", "本期受理且在受理之日起30日内办结的治安案件数 ÷ "
                          "本期受理且30日期限已届满或已办结的治安案件数。"),
    ("调解成功率", "本期调解终结的矛盾纠纷中经调解化解的件数 ÷ 本期调解终结（化解 + 调解不成）的件数。"),
    ("流转化解率", "本期流转且结果为“已化解”的件数 ÷ 本期流转且已有结果的件数。"),
    ("工单按期办结率", "本期办结的工单中在办理期限之前（含当时）办结的张数 ÷ 本期办结的工单张数，分单位及合计。"),
    ("值班日", "自交接班时刻（默认 08:00）起至次日同一时刻止；统计周期按值班日计算。"),
)


# --------------------------------------------------------------------------- queries

Range = tuple[datetime, datetime]
UNKNOWN = "未填写"
UNCATEGORISED = "未分类"


SQLITE_TIME = "%Y-%m-%d %H:%M:%S"


def _hour_counts(s: Session, db: Database, station_id: int, r: Range, conds: Sequence[Any], *,
                 narrow: bool = False) -> list[tuple[date, int, int]]:
    """(calendar date, hour, count) of the incidents in ``r`` with a count: at most 24 rows a day.

    The one place for the backends' date functions. PostgreSQL and MariaDB hash-aggregate a GROUP BY
    of date_trunc / DATE(), HOUR() quickly. SQLite would sort every row into a temporary B-tree
    (≈ 0.7 s for a year of a 1M database), so there one COUNT per hour of the range is correlated to a
    recursive series of hour bounds: each is an index range seek that only steps over its entries
    (≈ 0.1 s a year). SQLite stores datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff' text, which compares in
    time order with the bounds' 'YYYY-MM-DD HH:MM:SS'. A ``narrow`` slice (a fraction of the rows, and
    IN lists or unindexed columns that would multiply the seeks) takes the GROUP BY of the hour prefix.
    """
    where = [Incident.station_id == station_id, *conds]
    if db.backend == "sqlite" and narrow:
        key = func.substr(Incident.reported_at, 1, 13)
        rows = s.execute(select(key, func.count()).where(*where, _in(Incident.reported_at, r)).group_by(key)).all()
        return [(date(int(v[0:4]), int(v[5:7]), int(v[8:10])), int(v[11:13]), int(c)) for v, c in rows]
    if db.backend == "sqlite":
        lo, hi = r[0].strftime(SQLITE_TIME), r[1].strftime(SQLITE_TIME)
        hours = select(literal(lo).label("lo")).cte("hours", recursive=True)
        following = func.strftime(SQLITE_TIME, hours.c.lo, "+1 hour")
        hours = hours.union_all(select(following).where(following < hi))
        n = (select(func.count()).select_from(Incident)
             .where(*where, Incident.reported_at >= hours.c.lo,
                    Incident.reported_at < func.strftime(SQLITE_TIME, hours.c.lo, "+1 hour"))
             .correlate(hours).scalar_subquery())
        rows = s.execute(select(hours.c.lo, n)).all()
        return [(date(int(v[0:4]), int(v[5:7]), int(v[8:10])), int(v[11:13]), int(c)) for v, c in rows if c]
    if db.backend == "postgresql":
        key: list[Any] = [func.date_trunc("hour", Incident.reported_at)]
    else:
        key = [func.date(Incident.reported_at), func.hour(Incident.reported_at)]
    rows = s.execute(select(*key, func.count()).where(*where, _in(Incident.reported_at, r)).group_by(*key)).all()
    if len(key) == 1:
        return [(v.date(), v.hour, int(c)) for v, c in rows]
    return [(d.date() if isinstance(d, datetime) else d, int(h), int(c)) for d, h, c in rows]


class _Taxonomy:
    """The shared two-level category table (a few hundred rows), read once per call."""

    def __init__(self, s: Session) -> None:
        rows = s.execute(select(IncidentCategory.id, IncidentCategory.parent_id, IncidentCategory.name,
                                IncidentCategory.criminal, IncidentCategory.sort_order,
                                IncidentCategory.code)).all()
        self.parent = {r[0]: r[1] for r in rows}
        self.name = {r[0]: r[2] for r in rows}
        self.order = {r[0]: (r[4], r[5]) for r in rows}
        own = {r[0]: bool(r[3]) for r in rows}
        # A subtype of a criminal category is criminal too (as the briefing's notable incidents).
        self.criminal = frozenset(i for i, p in self.parent.items() if own[i] or (p is not None and own.get(p)))

    def top(self, category_id: int | None) -> int | None:
        if category_id is None:
            return None
        return self.parent.get(category_id) or category_id

    def family(self, category_id: int) -> list[int]:
        return [category_id, *(i for i, p in self.parent.items() if p == category_id)]


def _slice_conditions(slice: Slice, tax: _Taxonomy) -> list[Any]:
    conds: list[Any] = []
    if slice.category_id is not None:
        conds.append(Incident.category_id.in_(tax.family(slice.category_id)))
    if slice.subtype_id is not None:
        conds.append(Incident.category_id == slice.subtype_id)
    for column, value in ((Incident.community_id, slice.community_id), (Incident.grid_id, slice.grid_id),
                          (Incident.unit_id, slice.unit_id), (Incident.officer_id, slice.officer_id)):
        if value is not None:
            conds.append(column == value)
    return conds


def _in(column: Any, r: Range) -> Any:
    return and_(column >= r[0], column < r[1])


def _count(s: Session, station_id: int, r: Range, conds: Sequence[Any]) -> int:
    """Incidents in ``r`` matching ``conds``: a plain COUNT over an index range."""
    return int(s.scalar(select(func.count()).select_from(Incident).where(
        Incident.station_id == station_id, _in(Incident.reported_at, r), *conds)) or 0)


def _ranges(period: Period, now: datetime | None = None) -> dict[str, Range]:
    """This period and its comparison periods. For a period still running at ``now`` every range is
    cut to the same elapsed length, so 同比/环比 compare like with like (month to date against the
    same days last year, not against the whole month)."""
    elapsed = now - period.start if now is not None and period.start < now < period.end else None

    def rng(p: Period) -> Range:
        return (p.start, p.end) if elapsed is None else (p.start, min(p.end, p.start + elapsed))
    return {"this": rng(period), "previous": rng(previous_period(period)),
            **{f"y{n}": rng(same_period_years_back(period, n)) for n in (1, 2, 3)}}


def _counts(s: Session, station_id: int, ranges: dict[str, Range], conds: Sequence[Any],
            known: dict[Range, int]) -> dict[str, int]:
    """Counts of the named ranges; a range already counted (``known``) or repeated is not queried again
    (a year's previous period is the year before)."""
    out: dict[str, int] = {}
    for name, r in ranges.items():
        if r not in known:
            known[r] = _count(s, station_id, r, conds)
        out[name] = known[r]
    return out


def _covered_years(ranges: dict[str, Range], first: datetime | None) -> int:
    """How many of the previous three years' periods the records reach into (their first record is
    before the period's end). A year before the station kept records is not a year of zero incidents:
    averaging it in would make every figure look like a rise."""
    if first is None:
        return 0
    return sum(1 for n in (1, 2, 3) if ranges[f"y{n}"][1] > first)


def _change_of(counts: dict[str, int], covered: int = 3) -> Change:
    return make_change(counts["this"], counts["previous"], counts["y1"], counts["y2"], counts["y3"],
                       covered=covered)


def _first(s: Session, column: Any, station_column: Any, station_id: int) -> datetime | None:
    """The earliest time in ``column`` for the station (an index seek)."""
    return s.scalar(select(func.min(column)).where(station_column == station_id))


def incident_change(db: Database, station_id: int, period: Period, slice: Slice = Slice(), *,
                    now: datetime | None = None) -> Change:
    """Incident count of ``slice`` in ``period`` with its 环比, 同比 and vs-3-year-average changes
    (a period still running is compared to date, see :func:`_ranges`)."""
    now = now or datetime.now()
    with db.session(station_id=station_id) as s:
        conds = _slice_conditions(slice, _Taxonomy(s))
        ranges = _ranges(period, now)
        first = _first(s, Incident.reported_at, Incident.station_id, station_id)
        return _change_of(_counts(s, station_id, ranges, conds, {}), _covered_years(ranges, first))


def slice_label(db: Database, station_id: int, slice: Slice) -> str:
    """"全所" or the slice's names joined by " · " (e.g. "盗窃 · 东风社区")."""
    if slice.is_whole:
        return "全所"
    parts: list[str] = []
    with db.session(station_id=station_id) as s:
        for model, value in ((IncidentCategory, slice.category_id), (IncidentCategory, slice.subtype_id),
                             (Community, slice.community_id), (Grid, slice.grid_id), (Unit, slice.unit_id),
                             (Staff, slice.officer_id)):
            if value is not None:
                name = s.scalar(select(model.name).where(model.id == value))
                parts.append(name or f"#{value}")
    return " · ".join(parts)


def _by_duty_day(rows: Iterable[tuple[date, int, int]], cutover_hour: int) -> dict[date, int]:
    out: dict[date, int] = {}
    for d, hour, n in rows:
        duty = d if hour >= cutover_hour else d - timedelta(days=1)  # 07:59 belongs to the day before
        out[duty] = out.get(duty, 0) + n
    return out


def _cells(s: Session, station_id: int, r: Range, slice: Slice, conds: Sequence[Any], tax: _Taxonomy,
           grid_community: dict[int, int]) -> dict[tuple[int | None, int | None, int | None], int]:
    """Incident counts in ``r`` per (category, community, grid).

    A plain GROUP BY of the three columns reads and sorts every row (≈ 1.8 s for a year of a 1M SQLite
    database). For the whole station and the category / subtype / grid slices the counts come instead
    from the (station, grid, category, reported_at) index with IN lists — one range seek per cell,
    never the table, never a sort (≈ 0.1–0.2 s); only incidents without a grid are read from the
    table, for their community. Grids nest in communities (services/incidents.py refuses a grid of
    another community), so a gridded incident counts in its grid's community. The community, unit
    and officer slices select a tenth of the rows or less: those take the plain GROUP BY.
    """
    base = [Incident.station_id == station_id, _in(Incident.reported_at, r), *conds]
    out: dict[tuple[int | None, int | None, int | None], int] = {}

    def add(key: tuple[int | None, int | None, int | None], n: Any) -> None:
        out[key] = out.get(key, 0) + int(n)

    if slice.community_id is not None or slice.unit_id is not None or slice.officer_id is not None:
        group = (Incident.category_id, Incident.community_id, Incident.grid_id)
        for cat, com, grid, n in s.execute(select(*group, func.count()).where(*base).group_by(*group)).all():
            add((cat, com, grid), n)
        return out
    grids, cats = sorted(grid_community), sorted(tax.parent)
    no_grid = Incident.grid_id.is_(None)
    if grids:
        for grid, cat, n in s.execute(
                select(Incident.grid_id, Incident.category_id, func.count())
                .where(*base, Incident.grid_id.in_(grids), Incident.category_id.in_(cats))
                .group_by(Incident.grid_id, Incident.category_id)).all():
            add((cat, grid_community.get(grid), grid), n)
        for grid, n in s.execute(
                select(Incident.grid_id, func.count())
                .where(*base, Incident.grid_id.in_(grids), Incident.category_id.is_(None))
                .group_by(Incident.grid_id)).all():
            add((None, grid_community.get(grid), grid), n)
    if cats:
        for cat, com, n in s.execute(
                select(Incident.category_id, Incident.community_id, func.count())
                .where(*base, no_grid, Incident.category_id.in_(cats))
                .group_by(Incident.category_id, Incident.community_id)).all():
            add((cat, com, None), n)
    for com, n in s.execute(
            select(Incident.community_id, func.count())
            .where(*base, no_grid, Incident.category_id.is_(None)).group_by(Incident.community_id)).all():
        add((None, com, None), n)
    return out


def _breakdowns(period_total: int, this: dict[Any, int], last: dict[Any, int], names: dict[Any, str],
                order: Callable[[Any], Any] | None = None, unknown: str = UNKNOWN) -> tuple[Breakdown, ...]:
    keys = {k for k, v in this.items() if v} | {k for k, v in last.items() if v}

    def sort_key(k: Any) -> tuple:
        return (-this.get(k, 0), -last.get(k, 0), k is None, order(k) if order and k is not None else (),
                names.get(k, ""))

    return tuple(
        Breakdown(key=k, name=names.get(k, unknown) if k is not None else unknown, value=this.get(k, 0),
                  last_year=last.get(k, 0), yoy_pct=change_pct(this.get(k, 0), last.get(k, 0)),
                  share_pct=(this.get(k, 0) / period_total * 100.0) if period_total else None)
        for k in sorted(keys, key=sort_key)
    )


def _cases(s: Session, station_id: int, ranges: dict[str, Range]) -> dict[str, dict[str, int]]:
    """Cases accepted per kind in each range: one SUM(CASE) pass over the (small) cases table."""
    names = list(ranges)
    kinds = (str(CaseKind.CRIMINAL), str(CaseKind.ADMINISTRATIVE))
    lo = min(r[0] for r in ranges.values())
    hi = max(r[1] for r in ranges.values())
    cols = [func.coalesce(func.sum(case((_in(Case.accepted_at, ranges[n]), 1), else_=0)), 0) for n in names]
    rows = s.execute(select(Case.kind, *cols).where(Case.station_id == station_id, Case.kind.in_(kinds),
                                                    _in(Case.accepted_at, (lo, hi))).group_by(Case.kind)).all()
    out = {k: dict.fromkeys(names, 0) for k in kinds}
    for row in rows:
        out[row[0]] = {n: int(v) for n, v in zip(names, row[1:], strict=True)}
    return out


def _repeats(s: Session, station_id: int, r: Range) -> dict[str, int]:
    """Clusters overlapping the period, per kind (the briefing's rule: first_at < end, last_at >= start)."""
    out = {str(k): 0 for k in RepeatKind}
    for kind, n in s.execute(select(RepeatCluster.kind, func.count()).where(
            RepeatCluster.station_id == station_id, RepeatCluster.first_at < r[1], RepeatCluster.last_at >= r[0])
            .group_by(RepeatCluster.kind)).all():
        out[kind] = int(n)
    return out


def dashboard(db: Database, station_id: int, period: Period, slice: Slice = Slice(), *,
              now: datetime | None = None, cancelled: Callable[[], bool] | None = None) -> Dashboard:
    """Every figure of the statistics screen for ``period`` and ``slice`` (few SQL aggregates).

    The slice selects incidents; cases, disputes, transfers, work orders and repeat clusters are
    station-wide. ``cancelled`` is polled between queries; when it returns True, Cancelled is raised.
    """
    now = (now or datetime.now()).replace(microsecond=0)
    timings: dict[str, float] = {}
    clock = [perf_counter()]

    def step(name: str) -> None:
        t = perf_counter()
        timings[name] = t - clock[0]
        clock[0] = t
        if cancelled is not None and cancelled():
            raise Cancelled()

    step("start")
    full = _ranges(period)
    ranges = _ranges(period, now)  # comparisons: a running period to date (see _ranges)
    this_r, ly_r = ranges["this"], full["y1"]  # last year's chart line runs on over the whole period
    ly_cmp = ranges["y1"]
    h = period.cutover_hour
    with db.session(station_id=station_id) as s:
        tax = _Taxonomy(s)
        conds = _slice_conditions(slice, tax)
        step("taxonomy")

        # Daily trend and hour × weekday: one GROUP BY (date, hour) per year-range.
        narrow = not slice.is_whole  # a category's per-hour series would seek once per subtype and hour
        this_hours = _hour_counts(s, db, station_id, this_r, conds, narrow=narrow)
        ly_hours = _hour_counts(s, db, station_id, ly_r, conds, narrow=narrow)
        step("hours")

        # Breakdowns (and the criminal counts of this period / last year) from (grid, category) counts.
        grid_community = dict(s.execute(select(Grid.id, Grid.community_id).where(
            Grid.station_id == station_id)).all())
        this_cells = _cells(s, station_id, this_r, slice, conds, tax, grid_community)
        ly_cells = _cells(s, station_id, ly_cmp, slice, conds, tax, grid_community)
        step("breakdown")

        known_total: dict[Range, int] = {}
        this_total = sum(n for _d, _h, n in this_hours)
        ly_total = sum(n for _d, _h, n in ly_hours)
        known_total[this_r] = this_total
        if ly_cmp == ly_r:
            known_total.setdefault(ly_r, ly_total)
        totals = _counts(s, station_id, ranges, conds, known_total)
        crim_cond = Incident.category_id.in_(sorted(tax.criminal)) if tax.criminal else false()
        crim_this = sum(n for (cat, _c, _g), n in this_cells.items() if cat in tax.criminal)
        crim_ly = sum(n for (cat, _c, _g), n in ly_cells.items() if cat in tax.criminal)
        known_crim = {this_r: crim_this}
        known_crim.setdefault(ly_cmp, crim_ly)
        criminal = _counts(s, station_id, ranges, [*conds, crim_cond], known_crim)
        step("counts")

        cases = _cases(s, station_id, ranges)
        incidents_covered = _covered_years(ranges, _first(s, Incident.reported_at, Incident.station_id, station_id))
        cases_covered = _covered_years(ranges, _first(s, Case.accepted_at, Case.station_id, station_id))
        repeats = _repeats(s, station_id, this_r)
        names_cat = tax.name
        communities = dict(s.execute(select(Community.id, Community.name).where(
            Community.station_id == station_id)).all())
        grids = dict(s.execute(select(Grid.id, Grid.name).where(Grid.station_id == station_id)).all())
        step("cases")

    num, den, _ratio = closure_rate_30(db, station_id, *this_r, today=now.date())
    step("closure")
    disputes = dispute_statistics(db, station_id, *this_r)
    step("disputes")
    orders = work_order_statistics(db, station_id, *this_r, now=now)
    step("work_orders")

    # ---- folding the grouped rows
    this_days = _by_duty_day(this_hours, h)
    ly_days = _by_duty_day(ly_hours, h)
    shown_ly: set[date] = set()

    def last_year_of(d: date) -> int:
        # 29 Feb maps to 28 Feb a year back; a month holding both days shows that day's count once.
        back = year_back(d, 1)
        if back in shown_ly:
            return 0
        shown_ly.add(back)
        return ly_days.get(back, 0)

    daily = tuple(
        (d, this_days.get(d, 0), last_year_of(d))
        for d in (period.first_day + timedelta(days=i) for i in range(period.days))
    )
    matrix = [[0] * 24 for _ in range(7)]
    for d, hour, n in this_hours:
        matrix[d.weekday()][hour] += n

    by_cat_this: dict[int | None, int] = {}
    by_cat_ly: dict[int | None, int] = {}
    by_com_this: dict[int | None, int] = {}
    by_com_ly: dict[int | None, int] = {}
    by_grid_this: dict[int | None, int] = {}
    by_grid_ly: dict[int | None, int] = {}
    # Sliced by a level-1 category, the table shows its subtypes; otherwise level-1 categories.
    sub = slice.category_id is not None or slice.subtype_id is not None
    for cells, by_cat, by_com, by_grid in ((this_cells, by_cat_this, by_com_this, by_grid_this),
                                           (ly_cells, by_cat_ly, by_com_ly, by_grid_ly)):
        for (cat, com, grid), n in cells.items():
            key = cat if sub else tax.top(cat)
            for target, k in ((by_cat, key), (by_com, com), (by_grid, grid)):
                target[k] = target.get(k, 0) + n

    units = tuple(
        UnitRate(unit_id=u.id, name=u.name or UNKNOWN, closed=u.closed, on_time=u.closed_on_time,
                 pct=u.closed_on_time / u.closed * 100.0 if u.closed else None, overdue_now=u.overdue_now,
                 open_now=u.open_now)
        for u in orders.by_unit
    )
    step("fold")
    return Dashboard(
        period=period, slice=slice,
        incidents=_change_of(totals, incidents_covered),
        criminal_incidents=_change_of(criminal, incidents_covered),
        criminal_cases=_change_of(cases[str(CaseKind.CRIMINAL)], cases_covered),
        administrative_cases=_change_of(cases[str(CaseKind.ADMINISTRATIVE)], cases_covered),
        closure_rate_30=make_rate(num, den),
        mediation_success=make_rate(disputes["resolved"], disputes["ended"]),
        transfer_resolution=make_rate(disputes["transfers_resolved"], disputes["transfers_with_outcome"]),
        transfers=int(disputes["transfers"]),
        work_order_on_time=make_rate(orders.overall.closed_on_time, orders.overall.closed),
        work_orders_by_unit=units,
        work_orders_issued=orders.overall.issued,
        work_orders_overdue_now=orders.overall.overdue_now,
        disputes_registered=int(disputes["registered"]),
        repeats_by_kind=repeats,
        daily=daily,
        by_category=_breakdowns(this_total, by_cat_this, by_cat_ly, names_cat, tax.order.get,
                                unknown=UNCATEGORISED),
        by_community=_breakdowns(this_total, by_com_this, by_com_ly, communities),
        by_grid=_breakdowns(this_total, by_grid_this, by_grid_ly, grids),
        hour_weekday=tuple(tuple(r) for r in matrix),
        timings=timings,
    )


__all__ = [
    "DEFINITIONS", "PERIOD_KINDS", "Breakdown", "Change", "Dashboard", "Period", "Rate", "Slice", "UnitRate",
    "add_months", "change_pct", "change_text", "dashboard", "incident_change", "make_change", "make_rate",
    "number_text", "pct_text", "period_of", "previous_period", "same_period_years_back", "slice_label",
    "year_back",
]
