"""Import of a case register export (案件台账) into the cases table, all or nothing. No Qt.

The same machinery as the incident import (desktop/services/incident_import.py): the sheet reader,
header detection and column mapping of desktop/services/importing/ with :data:`CASE_FIELDS`, saved
profiles of kind ``case``, the summary and rejects workbook. A row is checked by the hand-entry
validation (:func:`desktop.services.cases.check_case`); re-importing the same file imports nothing
new (idempotent by case number) and a stored case with the same number but other content is a
conflict, never overwritten. Imported cases get their deadline (``due_at``) from the rules.

The small helpers below that are not incident-specific (profiles by kind, rejects workbook with a
title, header analysis with a field set) are meant to serve the warnings import too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import Cancelled, ValidationError
from desktop.models import Case, ImportBatch, ImportProfile, Staff, Unit
from desktop.models.enums import CaseStatus
from desktop.services.cases import CaseRules, check_case, compute_due
from desktop.services.importing.fields import FieldDef, auto_map, find_header, is_blank_row, is_totals_row
from desktop.services.importing.reader import ImportFileError, read_sheet
from desktop.services.incident_import import (
    Analysis,
    ImportSummary,
    Problem,
    best_profile,
    mapping_from_profile,
    profile_from_mapping,
)
from desktop.services.permissions import require_staff_id

Progress = Callable[[int, int, str], None]
KIND = "case"
INSERT_BLOCK = 2000
LOOKUP_BLOCK = 900  # numbers per IN (…): under SQLite's and every server's parameter limit
REPORT_LIMIT = 20000
_COMPARED = ("kind", "title", "category", "stage", "accepted_at", "closed_at")

CASE_FIELDS: tuple[FieldDef, ...] = (
    FieldDef("number", "案件编号", True, (
        "案件编号", "受案编号", "案件编号(系统)", "案号", "编号", "受案登记号", "案件号", "受案号", "立案编号",
        "案件登记号",
    )),
    FieldDef("title", "案件名称", True, ("案件名称", "案名", "名称", "案件标题", "案件名")),
    FieldDef("kind", "案件类型", False, ("案件类型", "案件种类", "案件性质分类", "刑事/行政", "类型", "案件大类")),
    FieldDef("category", "案由", False, ("案由", "案件类别", "案件性质", "类别", "案件类别名称", "违法行为")),
    FieldDef("accepted_at", "受理时间", True, (
        "受理时间", "受案时间", "受案日期", "受理日期", "立案时间", "立案日期", "受案登记时间",
    )),
    FieldDef("stage", "办案阶段", False, ("办案阶段", "诉讼阶段", "强制措施", "阶段", "当前阶段")),
    FieldDef("officer", "办案民警", False, (
        "办案民警", "主办民警", "主办人", "承办民警", "办案人", "主办侦查员", "办案人员", "主办人员",
    )),
    FieldDef("unit", "办案单位", False, ("办案单位", "主办单位", "承办单位", "办案部门", "主办部门")),
    FieldDef("status", "案件状态", False, ("案件状态", "状态", "办理状态", "办案状态", "案件进度")),
    FieldDef("closed_at", "结案时间", False, ("结案时间", "办结时间", "结案日期", "办结日期")),
    FieldDef("summary", "简要案情", False, ("简要案情", "案情", "案情简介", "简要情况", "案情摘要")),
)


# --------------------------------------------------------------------------- step 1: read and map


@dataclasses.dataclass
class FieldAnalysis(Analysis):
    """An :class:`Analysis` of a file whose fields are ``fields`` (not the incident export's)."""

    fields: tuple[FieldDef, ...] = CASE_FIELDS

    def missing_required(self, mapping: Mapping[str, int] | None = None) -> list[str]:
        mapping = self.mapping if mapping is None else mapping
        return [f.label for f in self.fields if f.required and f.key not in mapping]


def analyse_fields(path: str | os.PathLike[str], fields: Sequence[FieldDef], *, what: str,
                   profile: Mapping[str, str] | None = None, profile_name: str | None = None,
                   cancel: Callable[[], bool] | None = None) -> FieldAnalysis:
    """Read ``path``, find its header row among title rows and map its columns to ``fields``;
    ``what`` names the export in the message when no header is found (e.g. 案件台账)."""
    path = Path(path)
    fields = tuple(fields)
    sheet = read_sheet(path, cancel=cancel)
    header_index = find_header(sheet.rows, fields=fields)
    if header_index is None:
        needed = "、".join(f"“{f.label}”" for f in fields if f.required)
        raise ImportFileError(f"在 {path.name} 的前 30 行中找不到表头（需要包含{needed}等列名）",
                              hint=f"请确认这是{what}，或在向导中手动指定列。")
    header = ["" if c is None else str(c).strip() for c in sheet.rows[header_index]]
    mapping = auto_map(header, fields)
    if profile:
        mapping = {**mapping, **mapping_from_profile(header, profile)}
    return FieldAnalysis(path=path, sha256=sha256_of(path), sheet=sheet, header_index=header_index, header=header,
                         mapping=unique_columns(mapping), profile=profile_name if profile else None, fields=fields)


def analyse(path: str | os.PathLike[str], *, profile: Mapping[str, str] | None = None,
            profile_name: str | None = None, cancel: Callable[[], bool] | None = None) -> FieldAnalysis:
    """Read a case register export and propose its column mapping (a saved ``profile`` wins)."""
    return analyse_fields(path, CASE_FIELDS, what="案件台账（案件明细表）", profile=profile,
                          profile_name=profile_name, cancel=cancel)


def unique_columns(mapping: Mapping[str, int]) -> dict[str, int]:
    """A column feeds one field; the later (profile) assignment keeps it."""
    seen: dict[int, str] = {}
    for field, col in mapping.items():
        seen[col] = field
    return {field: col for col, field in seen.items()}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def data_rows(analysis: Analysis) -> list[tuple[int, list[Any]]]:
    """(1-based spreadsheet row, cells) of every row under the header that holds data."""
    out = []
    for index in range(analysis.header_index + 1, len(analysis.sheet.rows)):
        row = list(analysis.sheet.rows[index])
        if not is_blank_row(row) and not is_totals_row(row):
            out.append((index + 1, row))
    return out


def cell(cells: Sequence[Any], mapping: Mapping[str, int], key: str) -> Any:
    col = mapping.get(key)
    return cells[col] if col is not None and col < len(cells) else None


# --------------------------------------------------------------------------- step 2: import


def _reject_reason(err: ValidationError) -> tuple[str | None, str]:
    fields = getattr(err, "fields", None) or {}
    if fields:
        key = next(iter(fields))
        return key, "；".join(fields.values())
    return None, str(err)


def run_import(db: Database, station_id: int, staff_id: int | None, analysis: Analysis,
               mapping: Mapping[str, int] | None = None, *, rules: CaseRules | None = None,
               default_kind: str | None = None, now: datetime | None = None, dry_run: bool = False,
               progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> ImportSummary:
    """Import the cases of ``analysis`` with ``mapping`` (default: the proposed one). Rows without a
    案件类型 column take ``default_kind`` (e.g. an export of 行政案件 only). All or nothing:
    :class:`Cancelled` or any error rolls back; ``dry_run`` checks and counts but writes nothing."""
    require_staff_id(db, station_id, staff_id, "import.run")
    mapping = dict(analysis.mapping if mapping is None else mapping)
    missing = [f.label for f in CASE_FIELDS if f.required and f.key not in mapping]
    if missing:
        raise ValidationError(f"必须指定这些列：{'、'.join(missing)}", fields={"mapping": "、".join(missing)})
    rules = rules or CaseRules()
    now = (now or datetime.now()).replace(microsecond=0)
    report = progress or (lambda _d, _t, _x="": None)
    stop = cancel or (lambda: False)
    rows = data_rows(analysis)
    summary = ImportSummary(file_name=analysis.file_name, header=list(analysis.header), dry_run=dry_run)
    summary.rows_read = len(rows)
    report(0, len(rows), "检查数据")

    checked: list[tuple[int, dict[str, Any], dict[str, str | None], list[Any]]] = []
    seen: dict[str, tuple] = {}
    for n, (row_number, cells) in enumerate(rows):
        if n % 1000 == 0 and stop():
            raise Cancelled("导入已取消，数据库未改变")
        values = {key: cell(cells, mapping, key) for key in mapping}
        if not values.get("kind") and default_kind:
            values["kind"] = default_kind
        try:
            clean = check_case(values, now=now)
        except ValidationError as err:
            field, reason = _reject_reason(err)
            summary.rejected.append(Problem(row_number, field, reason, _text(values.get("number")), tuple(cells)))
            continue
        key = tuple(clean.get(c) for c in _COMPARED)
        previous = seen.get(clean["number"])
        if previous is not None:
            if previous == key:
                summary.duplicates_in_file += 1
            else:
                reason = f"文件中案件编号 {clean['number']} 重复且内容不同"
                summary.rejected.append(Problem(row_number, "number", reason, clean["number"], tuple(cells)))
            continue
        seen[clean["number"]] = key
        names = {k: _text(values.get(k)) for k in ("officer", "unit")}
        checked.append((row_number, clean, names, cells))

    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        officers = _names(s, Staff)
        units = _names(s, Unit)
        existing = _existing(s, [c[1]["number"] for c in checked], stop)
        new_rows: list[dict[str, Any]] = []
        for row_number, clean, names, cells in checked:
            old = existing.get(clean["number"])
            if old is not None:
                if _same(old, clean):
                    summary.already_present += 1
                else:
                    summary.conflicts.append(Problem(
                        row_number, "number", f"与已有案件 {clean['number']} 编号相同但内容不同（已保留原有记录）",
                        clean["number"], tuple(cells)))
                continue
            new_rows.append(_case_row(row_number, clean, names, officers, units, station_id, staff_id, now, rules,
                                      summary))
        report(0, len(new_rows), "写入数据库")
        if dry_run:
            summary.imported = len(new_rows)
            s.rollback()
            return summary
        batch = ImportBatch(station_id=station_id, kind=KIND, file_name=analysis.file_name[:260],
                            file_sha256=analysis.sha256, profile=analysis.profile, created_at=now)
        s.add(batch)
        s.flush()
        for start in range(0, len(new_rows), INSERT_BLOCK):
            if stop():
                raise Cancelled("导入已取消，数据库未改变")
            s.execute(Case.__table__.insert(), new_rows[start:start + INSERT_BLOCK])
            report(min(start + INSERT_BLOCK, len(new_rows)), len(new_rows), "写入数据库")
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        summary.imported = len(new_rows)
        batch.rows_read = summary.rows_read
        batch.rows_imported = summary.imported
        batch.rows_unchanged = summary.already_present
        batch.rows_duplicate = summary.duplicates_in_file
        batch.rows_conflict = len(summary.conflicts)
        batch.rows_rejected = len(summary.rejected)
        batch.rows_review = summary.review_rows
        batch.report = report_json(summary)
        record_event(s, "import", table_name="import_batches", record_id=batch.id,
                     summary=f"导入案件 {analysis.file_name}：新增 {summary.imported} 件", changes=summary.counts())
        s.flush()
        summary.batch_id = batch.id
    return summary


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _names(s: Any, model: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, name in s.execute(select(model.id, model.name).order_by(model.id)):
        out.setdefault(name.strip(), i)
    return out


def _case_row(row_number: int, clean: dict[str, Any], names: Mapping[str, str | None], officers: Mapping[str, int],
              units: Mapping[str, int], station_id: int, staff_id: int | None, now: datetime, rules: CaseRules,
              summary: ImportSummary) -> dict[str, Any]:
    status = clean.get("status") or (CaseStatus.CLOSED if clean.get("closed_at") else CaseStatus.ACCEPTED)
    extended = status == CaseStatus.EXTENDED
    out = {
        "station_id": station_id, "number": clean["number"], "kind": clean["kind"], "title": clean["title"],
        "category": clean.get("category"), "stage": clean.get("stage"), "accepted_at": clean["accepted_at"],
        "status": str(status), "extended": extended, "closed_at": clean.get("closed_at"),
        "summary": clean.get("summary"), "officer_id": None, "unit_id": None, "incident_id": None,
        "dispute_id": None, "created_at": now, "created_by_id": staff_id, "version": 1,
        # An imported 中止 case has no recorded pause date: its clock is shown running until a pause is entered.
        "due_at": compute_due(clean["kind"], clean["accepted_at"], [], extended, clean.get("stage"), rules),
    }
    if status in (CaseStatus.CLOSED, CaseStatus.TRANSFERRED) and out["closed_at"] is None:
        summary.review.append(Problem(row_number, "closed_at", "已结案/移送但没有结案时间", clean["number"]))
    for key, table, label in (("officer", officers, "办案民警"), ("unit", units, "办案单位")):
        text = names.get(key)
        if text:
            found = table.get(text)
            if found is None:
                summary.review.append(Problem(row_number, key, f"{label}“{text}”未登记，已留空", clean["number"]))
            out[f"{key}_id"] = found
    return out


def _existing(s: Any, numbers: list[str], stop: Callable[[], bool]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    cols = [Case.number, *(getattr(Case, c) for c in _COMPARED)]
    unique = list(dict.fromkeys(numbers))
    for start in range(0, len(unique), LOOKUP_BLOCK):
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        for row in s.execute(select(*cols).where(Case.number.in_(unique[start:start + LOOKUP_BLOCK]))):
            found[row[0]] = dict(zip(_COMPARED, row[1:], strict=True))
    return found


def _same(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    for key in _COMPARED:
        a, b = old.get(key), new.get(key)
        if isinstance(a, str) or isinstance(b, str):
            a, b = (a or "").strip(), (b or "").strip()
        elif isinstance(a, datetime) and isinstance(b, datetime):
            a, b = a.replace(microsecond=0), b.replace(microsecond=0)
        if a != b:
            return False
    return True


def report_json(summary: ImportSummary) -> dict[str, Any]:
    def items(problems: list[Problem]) -> list[dict[str, Any]]:
        return [{"row": p.row, "field": p.field, "reason": p.reason, "number": p.number}
                for p in problems[:REPORT_LIMIT]]

    return {"counts": summary.counts(), "rejected": items(summary.rejected), "conflicts": items(summary.conflicts),
            "review": items(summary.review)}


# --------------------------------------------------------------------------- rejects workbook


def write_rejects(summary: ImportSummary, path: str | os.PathLike[str], *, title: str = "未导入的案件") -> int:
    """The rows not imported, as they were in the file plus 原行号 and 原因; returns how many."""
    from desktop.reports.xlsx_export import write_table_xlsx

    problems = summary.not_imported()
    width = max([len(summary.header), *(len(p.cells) for p in problems)])
    header = [summary.header[i] if i < len(summary.header) and summary.header[i] else f"列{i + 1}"
              for i in range(width)]
    columns = [("原行号", "int"), ("原因", "text"), *((h, "text") for h in header)]

    def rows():
        for p in problems:
            cells = [_as_text(c) for c in p.cells] + [None] * (width - len(p.cells))
            yield (p.row, p.reason, *cells)

    return write_table_xlsx(path, title=title, columns=columns, rows=rows(), total=len(problems), sheet_name="未导入")


def _as_text(value: Any) -> Any:
    """Cells go back as they were read: text stays text (never a formula), times stay times."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- profiles (by kind)


def list_profiles(db: Database, station_id: int, *, kind: str = KIND) -> list[tuple[str, dict[str, str]]]:
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(ImportProfile.name, ImportProfile.mapping)
                         .where(ImportProfile.kind == kind).order_by(ImportProfile.name)).all()
    return [(name, dict(m)) for name, m in rows]


def load_profile(db: Database, station_id: int, name: str, *, kind: str = KIND) -> dict[str, str]:
    for profile_name, m in list_profiles(db, station_id, kind=kind):
        if profile_name == name:
            return m
    raise ValidationError(f"没有名为“{name}”的导入方案", fields={"profile": name})


def save_profile(db: Database, station_id: int, staff_id: int | None, name: str, header: Sequence[str],
                 mapping: Mapping[str, int], *, kind: str = KIND) -> None:
    """Save (or replace) the named mapping of this kind, by header text so it survives moved columns."""
    require_staff_id(db, station_id, staff_id, "import.run")
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写方案名称", fields={"profile": "请填写方案名称"})
    if len(name) > 100:
        raise ValidationError("方案名称太长（最多 100 个字符）", fields={"profile": "方案名称太长"})
    by_header = profile_from_mapping(header, mapping)
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        found = s.scalar(select(ImportProfile).where(ImportProfile.kind == kind, ImportProfile.name == name))
        if found is None:
            s.add(ImportProfile(station_id=station_id, kind=kind, name=name, mapping=by_header))
        else:
            found.mapping = by_header


__all__ = [
    "CASE_FIELDS", "FieldAnalysis", "ImportFileError", "ImportSummary", "Problem", "analyse", "analyse_fields",
    "best_profile", "data_rows", "list_profiles", "load_profile", "run_import", "save_profile", "write_rejects",
]
