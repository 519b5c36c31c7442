"""The HQ workbook (上报分局的统计工作簿): one .xlsx per period with 统计汇总 and the five ledgers, and
the saved export profiles that fix its layout per station. No Qt.

Rows are streamed from the list queries the screens use (incidents.incident_list_query,
work_order_documents.iter_ledger_rows, disputes.dispute_list_query) into
reports/xlsx_export.write_workbook_xlsx; personal data (names, phones, ID numbers) is masked with
services/masking.py unless the user's role may see it and the profile does not ask for masking.
A profile can only add masking, never remove it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select

from desktop.db import Database
from desktop.errors import NotFound, ValidationError
from desktop.models.dispute import Agreement, AgreementParty, Dispute, Party
from desktop.models.org import Station
from desktop.models.report import ExportProfile
from desktop.services import activity, statistics
from desktop.services.masking import mask_value
from desktop.services.paging import Filter, Sort
from desktop.services.permissions import allowed, require
from desktop.services.statistics import Period

Progress = Callable[[int, int, str], None]
WORKBOOK_WHAT = "上报统计工作簿"

# (key, title, kind, mask kind)
_Col = tuple[str, str, str, str | None]

_SUMMARY_COLUMNS: tuple[_Col, ...] = (
    ("figure", "指标", "text", None), ("value", "本期", "int", None), ("previous", "上期", "int", None),
    ("last_year", "去年同期", "int", None), ("mom_pct", "环比", "pct", None), ("yoy_pct", "同比", "pct", None),
    ("avg_3y", "前3年同期均值", "float", None), ("vs_avg3_pct", "较前3年平均", "pct", None),
)
_INCIDENT_COLUMNS: tuple[_Col, ...] = (
    ("number", "警情编号", "text", None), ("repeat", "重复", "text", None),
    ("reported_at", "报警时间", "datetime", None), ("category", "警情类型", "text", None),
    ("caller_name", "报警人", "text", "name"), ("caller_phone", "联系电话", "text", "phone"),
    ("address", "发案地点", "text", None), ("community", "社区", "text", None), ("grid", "网格", "text", None),
    ("unit", "处警单位", "text", None), ("officer", "处警人", "text", None), ("summary", "简要警情", "text", None),
    ("disposal", "处警结果", "text", None),
)
_REPEAT_COLUMNS: tuple[_Col, ...] = (
    ("kind", "类型", "text", None), ("match_key", "匹配依据", "text", None), ("first_at", "首次报警", "datetime", None),
    ("last_at", "末次报警", "datetime", None), ("count", "警情数", "int", None), ("status", "状态", "text", None),
    ("numbers", "警情编号", "text", None),
)
_ORDER_COLUMNS: tuple[_Col, ...] = (
    ("number", "工单编号", "text", None), ("source", "来源", "text", None), ("title", "标题", "text", None),
    ("unit", "承办单位", "text", None), ("assignee", "承办人", "text", None), ("tracker", "跟踪人", "text", None),
    ("priority", "优先级", "text", None), ("issued_at", "下发时间", "datetime", None),
    ("deadline", "办结时限", "datetime", None), ("status", "状态", "text", None),
    ("closed_at", "办结时间", "datetime", None), ("overdue", "是否超期", "text", None),
)
_DISPUTE_COLUMNS: tuple[_Col, ...] = (
    ("number", "纠纷编号", "text", None), ("registered_at", "登记时间", "datetime", None),
    ("cause", "纠纷事由", "text", None), ("nature", "纠纷性质", "text", None), ("risk", "风险等级", "text", None),
    ("status", "状态", "text", None), ("community", "社区", "text", None), ("mediator", "主调解员", "text", None),
    ("criminal_risk", "民转刑风险", "text", None), ("place", "地点", "text", None),
)
_AGREEMENT_COLUMNS: tuple[_Col, ...] = (
    ("number", "协议编号", "text", None), ("version", "版本", "int", None), ("dispute", "纠纷编号", "text", None),
    ("status", "状态", "text", None), ("signed_on", "签订日期", "date", None), ("parties", "当事人", "text", "name"),
    ("id_numbers", "身份证号码", "text", "id_number"), ("phones", "联系电话", "text", "phone"),
    ("terms", "协议内容", "text", None), ("performance_deadline", "履行期限", "date", None),
    ("mediators", "调解员", "text", None),
)
HQ_SHEETS: tuple[tuple[str, str, tuple[_Col, ...]], ...] = (
    ("summary", "统计汇总", _SUMMARY_COLUMNS),
    ("incidents", "警情明细", _INCIDENT_COLUMNS),
    ("repeats", "重复警情", _REPEAT_COLUMNS),
    ("work_orders", "工单台账", _ORDER_COLUMNS),
    ("disputes", "矛盾纠纷台账", _DISPUTE_COLUMNS),
    ("agreements", "调解协议台账", _AGREEMENT_COLUMNS),
)
_SHEETS = {key: (title, cols) for key, title, cols in HQ_SHEETS}
_REPEAT_LABELS = {"same_caller": "一人多报", "same_place": "一地多报", "same_event": "多人同报"}
_CLUSTER_STATUS = {"open": "待处置", "ordered": "已派单", "dismissed": "已排除"}
_AGREEMENT_STATUS = {"draft": "草稿", "signed": "已签订", "superseded": "已更正"}


class Actor(Protocol):
    """A LoginResult (with roles) or a StationActor for the CLI (no roles: masked)."""

    station_id: int
    staff_id: int | None


# --------------------------------------------------------------------------- profiles


def _check_config(sheets: Sequence[str], columns: dict[str, Sequence[str]] | None) -> dict[str, list[str]]:
    unknown = [s for s in sheets if s not in _SHEETS]
    if unknown:
        raise ValidationError(f"没有这些工作表：{'、'.join(unknown)}",
                              fields={"sheets": "可用：" + "、".join(f"{k}（{t}）" for k, t, _c in HQ_SHEETS)})
    if not sheets:
        raise ValidationError("请至少选择一个工作表", fields={"sheets": "不能为空"})
    out: dict[str, list[str]] = {}
    for sheet, keys in (columns or {}).items():
        if sheet not in _SHEETS:
            raise ValidationError(f"没有工作表：{sheet}", fields={"columns": sheet})
        valid = {c[0] for c in _SHEETS[sheet][1]}
        bad = [k for k in keys if k not in valid]
        if bad:
            raise ValidationError(f"工作表“{_SHEETS[sheet][0]}”没有这些列：{'、'.join(bad)}", fields={"columns": sheet})
        if not keys:
            raise ValidationError(f"工作表“{_SHEETS[sheet][0]}”至少要有一列", fields={"columns": sheet})
        out[sheet] = list(keys)
    return out


def list_export_profiles(db: Database, station_id: int) -> list[dict[str, Any]]:
    """The station's profiles by name: ``{"id", "name", "sheets", "columns", "mask"}``."""
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(ExportProfile.id, ExportProfile.name, ExportProfile.config)
                         .where(ExportProfile.station_id == station_id).order_by(ExportProfile.name)).all()
    return [{"id": pid, "name": name, "sheets": list(cfg.get("sheets") or []),
             "columns": dict(cfg.get("columns") or {}), "mask": bool(cfg.get("mask", True))}
            for pid, name, cfg in rows]


def export_profile(db: Database, station_id: int, name: str) -> dict[str, Any]:
    for profile in list_export_profiles(db, station_id):
        if profile["name"] == name.strip():
            return profile
    raise NotFound(f"没有名为“{name}”的导出方案")


def save_export_profile(db: Database, login: Actor, name: str, sheets: Sequence[str],
                        columns: dict[str, Sequence[str]] | None = None, mask: bool = True) -> int:
    """Create or replace the profile ``name`` of the login's station; returns its id."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写导出方案名称", fields={"name": "不能为空"})
    if len(name) > 100:
        raise ValidationError("导出方案名称不能超过100个字", fields={"name": "太长"})
    config = {"sheets": list(sheets), "columns": _check_config(list(sheets), columns), "mask": bool(mask)}
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = s.execute(select(ExportProfile).where(ExportProfile.station_id == login.station_id,
                                                    ExportProfile.name == name)).scalar_one_or_none()
        if row is None:
            row = ExportProfile(station_id=login.station_id, name=name, config=config)
            s.add(row)
        else:
            row.config = config
        s.flush()
        return row.id


def delete_export_profile(db: Database, login: Actor, name: str) -> None:
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = s.execute(select(ExportProfile).where(ExportProfile.station_id == login.station_id,
                                                    ExportProfile.name == name.strip())).scalar_one_or_none()
        if row is None:
            raise NotFound(f"没有名为“{name}”的导出方案")
        s.delete(row)


# --------------------------------------------------------------------------- the workbook


def _summary_rows(db: Database, station_id: int, period: Period, now: datetime,
                  cancelled: Callable[[], bool] | None) -> tuple[list[tuple], int]:
    from desktop.reports.xlsx_export import Cell

    d = statistics.dashboard(db, station_id, period, now=now, cancelled=cancelled)
    dp = statistics.dashboard(db, station_id, statistics.previous_period(period), now=now, cancelled=cancelled)
    dy = statistics.dashboard(db, station_id, statistics.same_period_years_back(period), now=now,
                              cancelled=cancelled)
    rows: list[tuple] = []
    for label, attr in (("警情", "incidents"), ("刑事警情", "criminal_incidents"), ("受理刑事案件", "criminal_cases"),
                        ("受理治安案件", "administrative_cases")):
        c = getattr(d, attr)
        rows.append((label, c.value, c.previous, c.last_year, c.mom_pct, c.yoy_pct, c.avg_3y, c.vs_avg3_pct))
    for label, attr in (("下发工单", "work_orders_issued"), ("排查登记矛盾纠纷", "disputes_registered"),
                        ("矛盾纠纷流转", "transfers")):
        v, p, y = getattr(d, attr), getattr(dp, attr), getattr(dy, attr)
        rows.append((label, v, p, y, statistics.change_pct(v, p), statistics.change_pct(v, y), None, None))
    for label, attr in (("治安案件30日办结率", "closure_rate_30"), ("调解成功率", "mediation_success"),
                        ("流转化解率", "transfer_resolution"), ("工单按时办结率", "work_order_on_time")):
        rows.append((label, Cell(getattr(d, attr).pct, "pct"), Cell(getattr(dp, attr).pct, "pct"),
                     Cell(getattr(dy, attr).pct, "pct"), None, None, None, None))
    rows.append(("目前超期未办结工单", d.work_orders_overdue_now, None, None, None, None, None, None))
    for kind, n in d.repeats_by_kind.items():
        rows.append((f"重复警情（{_REPEAT_LABELS.get(kind, kind)}）", n, dp.repeats_by_kind.get(kind, 0),
                     dy.repeats_by_kind.get(kind, 0), statistics.change_pct(n, dp.repeats_by_kind.get(kind, 0)),
                     statistics.change_pct(n, dy.repeats_by_kind.get(kind, 0)), None, None))
    figures = len(rows)
    rows.append(())
    span = f"{period.start:%Y-%m-%d %H:%M} 至 {period.end:%Y-%m-%d %H:%M}"
    rows.append(("统计口径说明", f"统计时段：{period.label}（{span}）"))
    rows += [(name, text) for name, text in statistics.DEFINITIONS]
    return rows, figures


def _masker(kind: str | None, masked: bool) -> Callable[[Any], Any] | None:
    if not masked or kind is None:
        return None
    return lambda value: mask_value(kind, value)


def _project(source_keys: Sequence[str], wanted: Sequence[_Col], masked: bool,
             rows: Iterator[Sequence[Any]]) -> Iterator[tuple]:
    """Rows of ``source_keys`` cut down to the ``wanted`` columns, masked where asked."""
    index = {k: i for i, k in enumerate(source_keys)}
    positions = [index[c[0]] for c in wanted]
    maskers = [(i, m) for i, c in enumerate(wanted) if (m := _masker(c[3], masked)) is not None]
    if not maskers and positions == list(range(len(source_keys))):
        yield from (tuple(r) for r in rows)
        return
    for row in rows:
        out = [row[p] for p in positions]
        for i, m in maskers:
            out[i] = m(out[i])
        yield tuple(out)


def _incident_rows(db: Database, station_id: int, period: Period) -> tuple[Iterator[tuple], int]:
    from desktop.services.incidents import incident_list_query

    query = incident_list_query(db, station_id)
    keys = [c.key for c in query.columns]
    flt = Filter(ranges={"reported_at": (period.start, period.end - timedelta(microseconds=1))})
    total = query.count(flt)
    wanted = [c[0] for c in _INCIDENT_COLUMNS]
    positions = [keys.index(k) + 1 for k in wanted]

    def rows() -> Iterator[tuple]:
        for row in query.iter_rows(filter=flt, sort=Sort("reported_at"), block=2000):
            yield tuple(row[p] for p in positions)
    return rows(), total


def _repeat_rows(db: Database, station_id: int, period: Period) -> Iterator[tuple]:
    from desktop.services.repeats import clusters_in_range

    with db.session(station_id=station_id) as s:
        clusters = clusters_in_range(s, station_id, period.start, period.end)  # hundreds, not thousands
    for c in clusters:
        yield (_REPEAT_LABELS.get(c.kind, c.kind), c.match_key, c.first_at, c.last_at, c.incident_count,
               _CLUSTER_STATUS.get(c.status, c.status), "、".join(c.numbers))


def _order_rows(db: Database, station_id: int, period: Period, now: datetime) -> Iterator[tuple]:
    from desktop.services.work_order_documents import iter_ledger_rows, ledger_filter

    flt = ledger_filter(ranges={"issued_at": (period.start, period.end - timedelta(microseconds=1))})
    for r in iter_ledger_rows(db, station_id, flt, now=now):
        yield (r.number, r.source, r.title, r.unit, r.assignee, r.tracker, r.priority, r.issued_at, r.deadline,
               r.status, r.closed_at, r.overdue_text)


def _dispute_rows(db: Database, station_id: int, period: Period) -> Iterator[tuple]:
    from desktop.services.disputes import dispute_list_query

    query = dispute_list_query(db, station_id, None)
    specs = {c.key: (i, c) for i, c in enumerate(query.columns, start=1)}
    wanted = [specs[c[0]] for c in _DISPUTE_COLUMNS]
    flt = Filter(ranges={"registered_at": (period.start, period.end - timedelta(microseconds=1))})
    for row in query.iter_rows(filter=flt, sort=Sort("registered_at")):
        out = []
        for i, spec in wanted:
            value = row[i]
            if spec.kind == "bool":
                value = None if value is None else ("是" if value else "否")
            elif spec.labels and value is not None:
                value = spec.labels.get(str(value), value)
            out.append(value)
        yield tuple(out)


def _agreement_rows(db: Database, station_id: int, period: Period) -> Iterator[tuple]:
    """Agreements signed in the period, or drafted in it and not signed yet, with their parties."""
    lo, hi = period.first_day, period.last_day
    with db.session(station_id=station_id) as s:
        heads = s.execute(
            select(Agreement.id, Agreement.number, Agreement.agreement_version, Dispute.number, Agreement.status,
                   Agreement.signed_on, Agreement.terms, Agreement.performance_deadline, Agreement.mediators)
            .join(Dispute, Dispute.id == Agreement.dispute_id)
            .where(Agreement.station_id == station_id,
                   ((Agreement.signed_on >= lo) & (Agreement.signed_on <= hi))
                   | (Agreement.signed_on.is_(None) & (Agreement.created_at >= period.start)
                      & (Agreement.created_at < period.end)))
            .order_by(Agreement.signed_on, Agreement.number, Agreement.agreement_version)).all()
        parties: dict[int, list[tuple]] = {h[0]: [] for h in heads}
        ids = list(parties)
        for i in range(0, len(ids), 500):
            for aid, name, id_number, phone in s.execute(
                    select(AgreementParty.agreement_id, Party.name, Party.id_number, Party.phone)
                    .join(Party, Party.id == AgreementParty.party_id)
                    .where(AgreementParty.agreement_id.in_(ids[i:i + 500]))
                    .order_by(AgreementParty.agreement_id, AgreementParty.role, Party.id)):
                parties[aid].append((name, id_number, phone))
    for aid, number, version, dispute, status, signed_on, terms, deadline, mediators in heads:
        people = parties[aid]
        yield (number, version, dispute, _AGREEMENT_STATUS.get(status, status), signed_on,
               [p[0] for p in people], [p[1] for p in people], [p[2] for p in people], terms, deadline, mediators)


def _join_people(values: Sequence[Any], kind: str | None, masked: bool) -> str:
    return "、".join(str(mask_value(kind, v) if masked else v) for v in values if v)


def write_hq_workbook(db: Database, login: Actor, period: Period, path: str | os.PathLike[str], *,
                      profile: str | None = None, progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None, now: datetime | None = None) -> dict[str, int]:
    """Write the HQ workbook of ``period`` (sheets and columns of the saved ``profile``, or all) to
    ``path``; returns the data rows per sheet title and records one export in the audit log.
    Personal data is masked unless the login's roles may see it and the profile does not mask."""
    from desktop.reports.xlsx_export import Sheet, write_workbook_xlsx

    now = now or datetime.now()
    station_id = login.station_id
    if getattr(login, "staff_id", None) is not None:  # a person (not a scheduled station job) must hold the right
        require(login, "report.export_hq")
    with db.session(station_id=station_id) as s:
        station_name = s.execute(select(Station.name).where(Station.id == station_id)).scalar_one_or_none()
    if station_name is None:
        raise NotFound(f"没有编号为 {station_id} 的派出所")
    config = export_profile(db, station_id, profile) if profile else None
    sheet_keys = list(config["sheets"]) if config else [k for k, _t, _c in HQ_SHEETS]
    chosen_columns = dict(config["columns"]) if config else {}
    # A profile may ask for masking; it can never lift it for a role that may not see personal data.
    # Unmasked only for roles the permission matrix lets export personal data (DESIGN.md §5).
    masked = not allowed(getattr(login, "roles", ()), "export.unmasked") or bool(config and config["mask"])

    def columns_of(key: str) -> list[_Col]:
        cols = _SHEETS[key][1]
        keys = chosen_columns.get(key)
        return [c for c in cols if c[0] in keys] if keys else list(cols)

    def header(cols: Sequence[_Col]) -> list[tuple[str, str]]:
        return [(c[1], c[2]) for c in cols]

    def make_sheets() -> Iterator[Sheet]:
        for key in sheet_keys:
            title, all_cols = _SHEETS[key]
            cols = columns_of(key)
            source_keys = [c[0] for c in all_cols]
            if key == "summary":
                rows, figures = _summary_rows(db, station_id, period, now, cancelled)
                yield Sheet(title, header(cols), _project(source_keys, cols, False, iter(
                    r if len(r) == len(source_keys) else tuple(r) + (None,) * (len(source_keys) - len(r))
                    for r in rows)), filter_rows=figures)
            elif key == "incidents":
                rows, total = _incident_rows(db, station_id, period)
                yield Sheet(title, header(cols), _project(source_keys, cols, masked, rows), total=total)
            elif key == "repeats":
                # A same-caller cluster is matched on the caller's phone: masked like a phone.
                rows = ((r[0], mask_value("phone", r[1]) if masked and r[0] == "一人多报" else r[1], *r[2:])
                        for r in _repeat_rows(db, station_id, period))
                yield Sheet(title, header(cols), _project(source_keys, cols, False, rows))
            elif key == "work_orders":
                yield Sheet(title, header(cols), _project(source_keys, cols, False,
                                                          _order_rows(db, station_id, period, now)))
            elif key == "disputes":
                yield Sheet(title, header(cols), _project(source_keys, cols, False,
                                                          _dispute_rows(db, station_id, period)))
            elif key == "agreements":
                rows = ((*r[:5], _join_people(r[5], "name", masked), _join_people(r[6], "id_number", masked),
                         _join_people(r[7], "phone", masked), *r[8:]) for r in _agreement_rows(db, station_id, period))
                yield Sheet(title, header(cols), _project(source_keys, cols, False, rows))

    counts = write_workbook_xlsx(path, title=f"{station_name}{period.label}{WORKBOOK_WHAT}", sheets=make_sheets(),
                                 progress=progress, cancel=cancelled)
    what = f"{WORKBOOK_WHAT}（{period.label}{'' if masked else '，未脱敏'}）"
    activity.record_output(db, station_id, login.staff_id, "export", what=what, rows=sum(counts.values()),
                           path=os.fspath(path))
    return counts


__all__ = ["HQ_SHEETS", "WORKBOOK_WHAT", "delete_export_profile", "export_profile", "list_export_profiles",
           "save_export_profile", "write_hq_workbook"]
