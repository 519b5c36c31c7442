"""Import of the warning lists HQ sends (e.g. 潜在受害人预警名单) into the warnings table. No Qt.

The same two steps as the incident import and the same parts (desktop/services/importing/ reader
and header detection, the incident import's summary, problems and profile mapping): :func:`analyse_warnings`
reads the file and maps the columns with :data:`WARNING_FIELDS`; :func:`run_warning_import`
validates each row as hand entry does (desktop.services.warnings.check_warning) and inserts the new
ones in one transaction, so a cancel or an error leaves the database as it was.

A list often has no number: one is generated (``YJ-YYYYMMDD-NNNN``), and a row is recognised on
re-import by its natural key (phone or ID, received time, content hash), so importing the same list
twice adds nothing and the numbers given the first time stay. A row with a number that exists with
other content is a conflict (the stored warning stays).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import Cancelled, ValidationError
from desktop.models import ImportBatch, ImportProfile, Warning
from desktop.models.enums import WarningStatus
from desktop.services.importing.fields import FieldDef, auto_map, find_header, is_blank_row, is_totals_row
from desktop.services.importing.normalize import clean_text
from desktop.services.importing.reader import ImportFileError, read_sheet
from desktop.services.incident_import import (
    Analysis,
    ImportSummary,
    Problem,
    _sha256,
    mapping_from_profile,
    profile_from_mapping,
)
from desktop.services.permissions import require_staff_id
from desktop.services.warnings import KIND_LABELS, check_warning, natural_key, next_numbers

KIND = "warning"
LOOKUP_BLOCK = 500
Progress = Callable[[int, int, str], None]

WARNING_FIELDS: tuple[FieldDef, ...] = (
    FieldDef("number", "预警编号", False, ("预警编号", "预警单号", "线索编号", "预警号", "编号", "指令编号")),
    FieldDef("received_at", "预警时间", True, (
        "预警时间", "时间", "推送时间", "下发时间", "接收时间", "发现时间", "预警日期", "日期", "发生时间",
        "案发时间", "涉诈时间", "通话时间", "转账时间", "预警推送时间",
    )),
    FieldDef("subject_name", "预警对象", False, (
        "姓名", "预警对象", "对象姓名", "受害人", "受害人姓名", "潜在受害人", "潜在受害人姓名", "当事人", "人员姓名",
        "名字", "机主姓名",
    )),
    FieldDef("subject_phone", "联系电话", False, (
        "电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "受害人电话", "受害人手机号",
        "被叫号码", "机主号码", "号码",
    )),
    FieldDef("subject_id_number", "身份证号", False, (
        "身份证号", "身份证号码", "身份证", "公民身份号码", "公民身份证号码", "证件号码", "证件号", "身份号码",
        "受害人身份证号",
    )),
    FieldDef("subject_place", "地点", False, (
        "地址", "住址", "地点", "户籍地址", "居住地址", "现住址", "详细地址", "所在地", "户籍地", "居住地",
    )),
    FieldDef("content", "预警内容", False, (
        "预警内容", "内容", "预警信息", "预警事由", "预警原因", "简要情况", "情况说明", "风险类型", "诈骗类型",
        "涉诈类型", "备注",
    )),
    FieldDef("amount", "涉案金额", False, (
        "涉案金额", "风险金额", "金额", "转账金额", "被骗金额", "涉案金额(元)", "风险金额(元)",
    )),
    FieldDef("required_action", "处置要求", False, ("处置要求", "工作要求", "要求", "处置措施", "下步要求")),
    FieldDef("deadline", "处置时限", False, ("处置时限", "反馈时限", "办理时限", "时限", "截止时间", "反馈截止时间")),
    FieldDef("kind", "预警类型", False, ("预警类型", "预警类别", "类型", "类别")),
    FieldDef("source", "预警来源", False, ("预警来源", "来源")),
)
_LABELS = {f.key: f.label for f in WARNING_FIELDS}


class WarningAnalysis(Analysis):
    """A read warning list (the incident import's analysis, with the warning fields)."""

    def missing_required(self, mapping: Mapping[str, int] | None = None) -> list[str]:
        mapping = self.mapping if mapping is None else mapping
        return [f.label for f in WARNING_FIELDS if f.required and f.key not in mapping]


def analyse_warnings(path: str | os.PathLike[str], *, profile: Mapping[str, str] | None = None,
                     profile_name: str | None = None, cancel: Callable[[], bool] | None = None) -> WarningAnalysis:
    """Read ``path``, find its header row below any title rows and map its columns. With ``profile``
    (field -> header text, as saved) its mapping wins where its headers exist in this file."""
    path = Path(path)
    sheet = read_sheet(path, cancel=cancel)
    header_index = find_header(sheet.rows, fields=WARNING_FIELDS)
    if header_index is None:
        raise ImportFileError(
            f"在 {path.name} 的前 30 行中找不到表头（需要包含“预警时间”或“时间”等列名）",
            hint="请确认这是上级下发的预警名单，或在向导中手动指定列。",
        )
    header = ["" if c is None else str(c).strip() for c in sheet.rows[header_index]]
    mapping = auto_map(header, WARNING_FIELDS)
    if profile:
        mapping = {**mapping, **mapping_from_profile(header, profile)}
    by_column = {col: key for key, col in mapping.items()}  # a column feeds one field: the later one
    return WarningAnalysis(path=path, sha256=_sha256(path), sheet=sheet, header_index=header_index, header=header,
                           mapping={key: col for col, key in by_column.items()},
                           profile=profile_name if profile else None)


def _cell(row: Sequence[Any], col: int | None) -> Any:
    return row[col] if col is not None and 0 <= col < len(row) else None


def _row_values(row: Sequence[Any], mapping: Mapping[str, int], kind: str, source: str) -> dict[str, Any]:
    values = {key: _cell(row, col) for key, col in mapping.items()}
    values["kind"] = clean_text(values.get("kind")) or kind
    values["source"] = clean_text(values.get("source")) or source
    content = clean_text(values.get("content"))
    amount = clean_text(values.pop("amount", None))
    if not content:
        # A bare list of names still says what it is a list of.
        content = f"{KIND_LABELS.get(values['kind'], values['kind'])}预警"
    if amount:
        content += f"（涉案金额：{amount}）"
    values["content"] = content
    return values


def _same(stored: Warning, clean: Mapping[str, Any]) -> bool:
    keys = ("received_at", "subject_name", "subject_phone", "subject_id_number", "subject_place", "content")
    return all((getattr(stored, k) or None) == (clean.get(k) or None) for k in keys)


def run_warning_import(db: Database, station_id: int, staff_id: int | None, analysis: Analysis,
                       mapping: Mapping[str, int] | None = None, *, now: datetime | None = None,
                       dry_run: bool = False, progress: Progress | None = None,
                       cancel: Callable[[], bool] | None = None, kind: str = "fraud",
                       source: str = "hq") -> ImportSummary:
    """Import the rows of ``analysis`` with ``mapping`` (default: the proposed one). ``kind`` and
    ``source`` apply to rows whose list has no such column (a fraud list pushed by HQ by default).

    All or nothing: :class:`Cancelled` (from ``cancel``) or any error rolls everything back;
    ``dry_run`` does every check and count but writes nothing."""
    require_staff_id(db, station_id, staff_id, "import.run")
    mapping = dict(analysis.mapping if mapping is None else mapping)
    missing = [f.label for f in WARNING_FIELDS if f.required and f.key not in mapping]
    if missing:
        raise ValidationError(f"必须指定这些列：{'、'.join(missing)}", fields={"mapping": "、".join(missing)})
    now = (now or datetime.now()).replace(microsecond=0)
    report = progress or (lambda _done, _total, _text="": None)
    stop = cancel or (lambda: False)
    summary = ImportSummary(file_name=analysis.file_name, header=list(analysis.header), dry_run=dry_run)
    report(0, analysis.data_rows, "检查数据")

    checked: list[tuple[int, dict[str, Any]]] = []  # (spreadsheet row, clean values)
    seen: set[Any] = set()
    for index in range(analysis.header_index + 1, len(analysis.sheet.rows)):
        row = analysis.sheet.rows[index]
        if is_blank_row(row) or is_totals_row(row):
            continue
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        summary.rows_read += 1
        row_no = index + 1
        try:
            result = check_warning(_row_values(row, mapping, kind, source), now=now)
        except ValidationError as exc:
            reason = "；".join(f"{_LABELS.get(k, k)}：{m}" for k, m in exc.fields.items()) or exc.message
            summary.rejected.append(Problem(row_no, next(iter(exc.fields), None), reason,
                                            clean_text(_cell(row, mapping.get("number"))), tuple(row)))
            continue
        clean = result.values
        key = clean["number"] or natural_key(clean)
        if key in seen:
            summary.duplicates_in_file += 1
            continue
        seen.add(key)
        for field, note in result.notes.items():
            summary.review.append(Problem(row_no, field, note, clean["number"]))
        checked.append((row_no, clean))

    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        by_number, by_key = _existing(s, [c for _r, c in checked], stop)
        new_rows: list[tuple[int, dict[str, Any]]] = []
        for row_no, clean in checked:
            if clean["number"]:
                old = by_number.get(clean["number"])
                if old is not None:
                    if _same(old, clean):
                        summary.already_present += 1
                    else:
                        summary.conflicts.append(Problem(
                            row_no, "number", f"与已有预警 {clean['number']} 编号相同但内容不同（已保留原有记录）",
                            clean["number"], tuple(analysis.sheet.rows[row_no - 1])))
                    continue
            elif natural_key(clean) in by_key:
                summary.already_present += 1
                continue
            new_rows.append((row_no, clean))
        _number_new_rows(s, new_rows)
        summary.imported = len(new_rows)
        if dry_run:
            s.rollback()
            return summary
        batch = ImportBatch(station_id=station_id, kind=KIND, file_name=analysis.file_name[:260],
                            file_sha256=analysis.sha256, profile=analysis.profile, created_at=now)
        s.add(batch)
        for done, (_row_no, clean) in enumerate(new_rows, 1):
            if stop():
                raise Cancelled("导入已取消，数据库未改变")
            s.add(Warning(station_id=station_id, status=WarningStatus.RECEIVED, created_at=now, **clean))
            if done % 500 == 0:
                s.flush()
                report(done, len(new_rows), "写入数据库")
        s.flush()
        batch.rows_read = summary.rows_read
        batch.rows_imported = summary.imported
        batch.rows_unchanged = summary.already_present
        batch.rows_duplicate = summary.duplicates_in_file
        batch.rows_conflict = len(summary.conflicts)
        batch.rows_rejected = len(summary.rejected)
        batch.rows_review = summary.review_rows
        batch.report = {"counts": summary.counts(),
                        "rejected": [{"row": p.row, "field": p.field, "reason": p.reason}
                                     for p in summary.rejected[:20000]]}
        record_event(s, "import", table_name="import_batches", record_id=batch.id,
                     summary=f"导入预警 {analysis.file_name}：新增 {summary.imported} 条", changes=summary.counts())
        s.flush()
        summary.batch_id = batch.id
        report(len(new_rows), len(new_rows), "写入数据库")
    return summary


def _existing(s, rows: list[dict[str, Any]], stop: Callable[[], bool]) -> tuple[dict[str, Warning], set[Any]]:
    """Stored warnings with the rows' numbers, and the natural keys of stored warnings received at the
    rows' times (the (station, received_at) index answers each block)."""
    numbers = sorted({r["number"] for r in rows if r["number"]})
    times = sorted({r["received_at"] for r in rows if not r["number"]})
    by_number: dict[str, Warning] = {}
    keys: set[Any] = set()
    for start in range(0, len(numbers), LOOKUP_BLOCK):
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        for w in s.scalars(select(Warning).where(Warning.number.in_(numbers[start:start + LOOKUP_BLOCK]))):
            by_number[w.number] = w
    for start in range(0, len(times), LOOKUP_BLOCK):
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        block = times[start:start + LOOKUP_BLOCK]
        stored = s.execute(select(Warning.subject_phone, Warning.subject_id_number, Warning.subject_name,
                                  Warning.received_at, Warning.content)
                           .where(Warning.received_at.in_(block))).all()
        for phone, id_number, name, at, content in stored:
            keys.add(natural_key({"subject_phone": phone, "subject_id_number": id_number, "subject_name": name,
                                  "received_at": at, "content": content}))
    return by_number, keys


def _number_new_rows(s, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Numbers for the new rows that have none, per received day, in file order."""
    by_day: dict[datetime, list[dict[str, Any]]] = {}
    for _row_no, clean in rows:
        if not clean["number"]:
            day = datetime.combine(clean["received_at"].date(), datetime.min.time())
            by_day.setdefault(day, []).append(clean)
    taken = {clean["number"] for _r, clean in rows if clean["number"]}
    for day, cleans in by_day.items():
        numbers = [n for n in next_numbers(s, day, len(cleans) + len(taken)) if n not in taken][:len(cleans)]
        for clean, number in zip(cleans, numbers, strict=True):
            clean["number"] = number


# --------------------------------------------------------------------------- rejects workbook


def write_warning_rejects(summary: ImportSummary, path: str | os.PathLike[str]) -> int:
    """The rows not imported, as they were in the list plus 原行号 and 原因; returns the rows written."""
    from desktop.reports.xlsx_export import write_table_xlsx

    problems = summary.not_imported()
    width = max([len(summary.header), *(len(p.cells) for p in problems)])
    header = [summary.header[i] if i < len(summary.header) and summary.header[i] else f"列{i + 1}"
              for i in range(width)]
    columns = [("原行号", "int"), ("原因", "text"), *((h, "text") for h in header)]

    def as_text(value: Any) -> Any:
        if value is None or isinstance(value, datetime):
            return value
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # 13812345678.0 goes back as the phone it was
        return str(value)

    def rows():
        for p in problems:
            yield (p.row, p.reason, *(as_text(c) for c in p.cells), *([None] * (width - len(p.cells))))

    return write_table_xlsx(path, title="未导入的预警", columns=columns, rows=rows(), total=len(problems),
                            sheet_name="未导入")


# --------------------------------------------------------------------------- profiles (kind 'warning')


def list_warning_profiles(db: Database, station_id: int) -> list[tuple[str, dict[str, str]]]:
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(ImportProfile.name, ImportProfile.mapping)
                         .where(ImportProfile.kind == KIND).order_by(ImportProfile.name)).all()
    return [(name, dict(mapping)) for name, mapping in rows]


def save_warning_profile(db: Database, station_id: int, staff_id: int | None, name: str, header: Sequence[str],
                         mapping: Mapping[str, int]) -> None:
    """Save (or replace) the named mapping, by header text so it survives moved columns."""
    require_staff_id(db, station_id, staff_id, "import.run")
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError("请填写方案名称（最多 100 个字符）", fields={"profile": "方案名称无效"})
    by_header = profile_from_mapping(header, mapping)
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        profile = s.scalar(select(ImportProfile).where(ImportProfile.kind == KIND, ImportProfile.name == name))
        if profile is None:
            s.add(ImportProfile(station_id=station_id, kind=KIND, name=name, mapping=by_header))
        else:
            profile.mapping = by_header


__all__ = [
    "WARNING_FIELDS", "WarningAnalysis", "analyse_warnings", "list_warning_profiles", "run_warning_import",
    "save_warning_profile", "write_warning_rejects",
]
