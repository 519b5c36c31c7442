"""Import of a 110 dispatch export into the incidents table, all or nothing. No Qt.

Two steps, so the wizard can show the mapping and a preview before anything is written:
:func:`analyse` reads the file, finds the header row and maps the columns (from a saved profile
when one is given); :func:`run_import` prepares every row (desktop/services/importing/), compares
the numbers with the incidents already stored, inserts the new ones with one executemany per block,
refreshes the repeat-call clusters of the period and records the batch with its report — in one
transaction, so a cancel or an error leaves the database as it was.

Outcomes of a row: imported; already present (same number, same content — importing the same file
twice imports nothing new); duplicate in the file; conflict (same number, other content: the
stored one stays); rejected (no number, bad time …). Imported rows may still need review (an invalid
phone kept as raw text, a category no rule maps filed under 未分类).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import Cancelled, ValidationError
from desktop.models import Community, Grid, ImportBatch, ImportProfile, Incident, IncidentCategory, Staff, Unit
from desktop.models.enums import IncidentSource
from desktop.services.importing.fields import FIELDS, auto_map, find_header, is_blank_row, is_totals_row
from desktop.services.importing.prepare import PreparedRow, prepare_rows
from desktop.services.importing.reader import ImportFileError, Sheet, read_sheet
from desktop.services.permissions import require_staff_id
from desktop.services.taxonomy import UNCLASSIFIED_CODE

Progress = Callable[[int, int, str], None]
KIND = "incident"
INSERT_BLOCK = 5000
LOOKUP_BLOCK = 900  # numbers per IN (…): under SQLite's and every server's parameter limit
REPORT_LIMIT = 20000  # problem rows kept in the batch's report (the rejects workbook has them all)
_COMPARED = ("reported_at", "caller_name", "caller_phone", "address", "summary", "category_id")


@dataclasses.dataclass
class Analysis:
    """A read file: its rows, the header row found and the column mapping proposed."""

    path: Path
    sha256: str
    sheet: Sheet
    header_index: int
    header: list[str]
    mapping: dict[str, int]       # field key -> column index
    profile: str | None = None    # the profile whose mapping was applied

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def data_rows(self) -> int:
        """Rows under the header that hold data (not blank, not a totals line)."""
        return sum(1 for row in self.sheet.rows[self.header_index + 1:]
                   if not is_blank_row(row) and not is_totals_row(row))

    def missing_required(self, mapping: Mapping[str, int] | None = None) -> list[str]:
        mapping = self.mapping if mapping is None else mapping
        return [f.label for f in FIELDS if f.required and f.key not in mapping]


@dataclasses.dataclass(frozen=True)
class Problem:
    """One row that was not imported or needs a look: spreadsheet row number, field, reason, cells."""

    row: int
    field: str | None
    reason: str
    number: str | None = None
    cells: tuple[Any, ...] = ()


@dataclasses.dataclass
class ImportSummary:
    file_name: str
    header: list[str]
    rows_read: int = 0
    imported: int = 0
    already_present: int = 0
    duplicates_in_file: int = 0
    rejected: list[Problem] = dataclasses.field(default_factory=list)
    conflicts: list[Problem] = dataclasses.field(default_factory=list)
    review: list[Problem] = dataclasses.field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False
    clusters_created: int = 0
    clusters_updated: int = 0
    period: tuple[datetime, datetime] | None = None

    def counts(self) -> dict[str, int]:
        return {"read": self.rows_read, "imported": self.imported, "already_present": self.already_present,
                "duplicates_in_file": self.duplicates_in_file, "conflicts": len(self.conflicts),
                "rejected": len(self.rejected), "review": self.review_rows}

    @property
    def review_rows(self) -> int:
        """Imported rows with at least one thing to look at (a row may have several)."""
        return len({p.row for p in self.review})

    def not_imported(self) -> list[Problem]:
        """Rejected and conflicting rows, in file order: what the rejects workbook holds."""
        return sorted([*self.rejected, *self.conflicts], key=lambda p: p.row)


# --------------------------------------------------------------------------- step 1: read and map


def analyse(path: str | os.PathLike[str], *, profile: Mapping[str, str] | None = None, profile_name: str | None = None,
            cancel: Callable[[], bool] | None = None) -> Analysis:
    """Read ``path``, find its header row and map its columns. With ``profile`` (field -> header
    text, as saved), its mapping wins where its headers exist in this file."""
    path = Path(path)
    sheet = read_sheet(path, cancel=cancel)
    header_index = find_header(sheet.rows)
    if header_index is None:
        raise ImportFileError(
            f"在 {path.name} 的前 30 行中找不到表头（需要包含“警情编号”和“报警时间”等列名）",
            hint="请确认这是 110 接处警系统导出的警情明细表，或在向导中手动指定列。",
        )
    header = ["" if c is None else str(c).strip() for c in sheet.rows[header_index]]
    mapping = auto_map(header)
    if profile:
        mapping = {**mapping, **mapping_from_profile(header, profile)}
    return Analysis(path=path, sha256=_sha256(path), sheet=sheet, header_index=header_index, header=header,
                    mapping=_unique_columns(mapping), profile=profile_name if profile else None)


def mapping_from_profile(header: Sequence[str], profile: Mapping[str, str]) -> dict[str, int]:
    """A saved profile (field -> header text) applied to this file's header."""
    position = {text: i for i, text in reversed(list(enumerate(header))) if text}
    return {field: position[text] for field, text in profile.items() if text in position}


def profile_from_mapping(header: Sequence[str], mapping: Mapping[str, int]) -> dict[str, str]:
    return {field: header[i] for field, i in mapping.items() if 0 <= i < len(header) and header[i]}


def _unique_columns(mapping: Mapping[str, int]) -> dict[str, int]:
    """A column feeds one field; the later (profile) assignment keeps it."""
    seen: dict[int, str] = {}
    for field, col in mapping.items():
        seen[col] = field
    return {field: col for col, field in seen.items()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- step 2: import


def run_import(db: Database, station_id: int, staff_id: int | None, analysis: Analysis,
               mapping: Mapping[str, int] | None = None, *, now: datetime | None = None, dry_run: bool = False,
               rules: Any = None, progress: Progress | None = None,
               cancel: Callable[[], bool] | None = None) -> ImportSummary:
    """Import the rows of ``analysis`` with ``mapping`` (default: the proposed one).

    All or nothing: :class:`Cancelled` (from ``cancel``) or any error rolls everything back.
    ``dry_run`` does every check and count but writes nothing."""
    require_staff_id(db, station_id, staff_id, "import.run")
    from desktop.services.repeats import RepeatRules, refresh_clusters

    mapping = dict(analysis.mapping if mapping is None else mapping)
    missing = analysis.missing_required(mapping)
    if missing:
        raise ValidationError(f"必须指定这些列：{'、'.join(missing)}", fields={"mapping": "、".join(missing)})
    now = (now or datetime.now()).replace(microsecond=0)
    report = progress or _no_progress
    stop = cancel or _never
    total = analysis.data_rows

    report(0, total, "检查数据")
    prepared = prepare_rows(analysis.sheet.rows, analysis.header_index, mapping, now=now, cancel=stop)
    summary = ImportSummary(file_name=analysis.file_name, header=list(analysis.header), dry_run=dry_run,
                            duplicates_in_file=prepared.duplicates_in_file)
    summary.rows_read = len(prepared.rows) + len(prepared.rejected) + prepared.duplicates_in_file
    for problem, cells in prepared.rejected:
        summary.rejected.append(Problem(problem.row, problem.field, problem.message,
                                        _cell_number(cells, mapping), tuple(cells)))

    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        refs = _References.load(s)
        existing = _existing(s, [r.values["number"] for r in prepared.rows], stop)
        new_rows: list[PreparedRow] = []
        for row in prepared.rows:
            values = row.values
            category_id = refs.category(values.get("category_code"))
            old = existing.get(values["number"])
            if old is not None:
                if _same_content(old, values, category_id):
                    summary.already_present += 1
                else:
                    summary.conflicts.append(Problem(
                        row.row, "number", f"与已有警情 {values['number']} 编号相同但内容不同（已保留原有记录）",
                        values["number"], _raw_cells(analysis, row.row)))
                continue
            new_rows.append(row)
            for p in row.review:
                summary.review.append(Problem(p.row, p.field, p.message, values["number"]))
        report(0, len(new_rows), "写入数据库")
        if dry_run:
            summary.imported = len(new_rows)
            s.rollback()
            return summary

        batch = ImportBatch(station_id=station_id, kind=KIND, file_name=analysis.file_name[:260],
                            file_sha256=analysis.sha256, profile=analysis.profile, created_at=now)
        s.add(batch)
        s.flush()
        table = Incident.__table__
        first = last = None
        for start in range(0, len(new_rows), INSERT_BLOCK):
            if stop():
                raise Cancelled("导入已取消，数据库未改变")
            block = [_incident_row(r, refs, station_id, batch.id, staff_id, now, summary)
                     for r in new_rows[start:start + INSERT_BLOCK]]
            s.execute(table.insert(), block)
            times = [b["reported_at"] for b in block]
            first = min(times) if first is None else min(first, *times)
            last = max(times) if last is None else max(last, *times)
            report(start + len(block), len(new_rows), "写入数据库")
        summary.imported = len(new_rows)
        if first is not None:
            summary.period = (first, last)
            report(len(new_rows), len(new_rows), "识别重复警情")
            result = refresh_clusters(s, station_id, first, last + timedelta(seconds=1), rules or RepeatRules())
            summary.clusters_created, summary.clusters_updated = result.created, result.updated
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        batch.rows_read = summary.rows_read
        batch.rows_imported = summary.imported
        batch.rows_unchanged = summary.already_present
        batch.rows_duplicate = summary.duplicates_in_file
        batch.rows_conflict = len(summary.conflicts)
        batch.rows_rejected = len(summary.rejected)
        batch.rows_review = summary.review_rows
        batch.report = _report_json(summary)
        record_event(s, "import", table_name="import_batches", record_id=batch.id,
                     summary=f"导入警情 {analysis.file_name}：新增 {summary.imported} 条",
                     changes=summary.counts())
        s.flush()
        summary.batch_id = batch.id
    return summary


@dataclasses.dataclass
class _References:
    """Names in the export -> this station's ids (unknown names are listed for review)."""

    categories: dict[str, int]
    communities: dict[str, int]
    grids: dict[str, int]
    units: dict[str, int]
    officers: dict[str, int]

    @classmethod
    def load(cls, s) -> _References:
        def names(model) -> dict[str, int]:
            out: dict[str, int] = {}
            for i, name in s.execute(select(model.id, model.name).order_by(model.id)):
                out.setdefault(name.strip(), i)
            return out

        cats = dict(s.execute(select(IncidentCategory.code, IncidentCategory.id)).all())
        return cls(cats, names(Community), names(Grid), names(Unit), names(Staff))

    def category(self, code: str | None) -> int | None:
        return self.categories.get(code or UNCLASSIFIED_CODE, self.categories.get(UNCLASSIFIED_CODE))


def _incident_row(row: PreparedRow, refs: _References, station_id: int, batch_id: int, staff_id: int | None,
                  now: datetime, summary: ImportSummary) -> dict[str, Any]:
    v = row.values
    out = {
        "station_id": station_id, "number": v["number"], "reported_at": v["reported_at"],
        "caller_name": v.get("caller_name"), "caller_phone": v.get("caller_phone"),
        "caller_phone_raw": v.get("caller_phone_raw"), "address": v.get("address"),
        "address_norm": v.get("address_norm"), "category_id": refs.category(v.get("category_code")),
        "summary": v.get("summary"), "disposal": v.get("disposal"), "source": IncidentSource.IMPORT.value,
        "source_batch_id": batch_id, "source_row": row.row, "created_at": now, "created_by_id": staff_id,
        "version": 1, "community_id": None, "grid_id": None, "unit_id": None, "officer_id": None,
    }
    for key, names, label in (("community", refs.communities, "社区"), ("grid", refs.grids, "网格"),
                              ("unit", refs.units, "处警单位"), ("officer", refs.officers, "处警人")):
        text = v.get(key)
        if text:
            found = names.get(text.strip())
            if found is None:
                summary.review.append(Problem(row.row, key, f"{label}“{text}”未登记，已留空", v["number"]))
            out[f"{key}_id"] = found
    return out


def _existing(s, numbers: list[str], stop: Callable[[], bool]) -> dict[str, dict[str, Any]]:
    """The stored incidents among ``numbers`` (the unique (station, number) index answers each block)."""
    found: dict[str, dict[str, Any]] = {}
    cols = [Incident.number, *(getattr(Incident, c) for c in _COMPARED)]
    unique = list(dict.fromkeys(numbers))
    for start in range(0, len(unique), LOOKUP_BLOCK):
        if stop():
            raise Cancelled("导入已取消，数据库未改变")
        for row in s.execute(select(*cols).where(Incident.number.in_(unique[start:start + LOOKUP_BLOCK]))):
            found[row[0]] = dict(zip(_COMPARED, row[1:], strict=True))
    return found


def _same_content(old: Mapping[str, Any], values: Mapping[str, Any], category_id: int | None) -> bool:
    new = {**{c: values.get(c) for c in _COMPARED}, "category_id": category_id}
    for key in _COMPARED:
        a, b = old.get(key), new.get(key)
        if isinstance(a, str) or isinstance(b, str):
            a, b = (a or "").strip(), (b or "").strip()
        elif isinstance(a, datetime) and isinstance(b, datetime):
            a, b = a.replace(microsecond=0), b.replace(microsecond=0)
        if a != b:
            return False
    return True


def _raw_cells(analysis: Analysis, row_number: int) -> tuple[Any, ...]:
    index = row_number - 1
    return tuple(analysis.sheet.rows[index]) if 0 <= index < len(analysis.sheet.rows) else ()


def _cell_number(cells: Sequence[Any], mapping: Mapping[str, int]) -> str | None:
    col = mapping.get("number")
    if col is None or col >= len(cells) or cells[col] is None:
        return None
    return str(cells[col]).strip() or None


def _report_json(summary: ImportSummary) -> dict[str, Any]:
    def items(problems: list[Problem]) -> list[dict[str, Any]]:
        return [{"row": p.row, "field": p.field, "reason": p.reason, "number": p.number}
                for p in problems[:REPORT_LIMIT]]

    return {"counts": summary.counts(), "rejected": items(summary.rejected), "conflicts": items(summary.conflicts),
            "review": items(summary.review)}


# --------------------------------------------------------------------------- rejects workbook


def write_rejects(summary: ImportSummary, path: str | os.PathLike[str]) -> int:
    """The rows not imported, as they were in the file plus 原行号 and 原因, so staff can fix and
    re-import them; returns the number of rows written."""
    from desktop.reports.xlsx_export import write_table_xlsx

    problems = summary.not_imported()
    width = max([len(summary.header), *(len(p.cells) for p in problems)])
    header = [*(summary.header[i] if i < len(summary.header) and summary.header[i] else f"列{i + 1}"
                for i in range(width))]
    columns = [("原行号", "int"), ("原因", "text"), *((h, "text") for h in header)]

    def rows():
        for p in problems:
            cells = [_as_text(c) for c in p.cells] + [None] * (width - len(p.cells))
            yield (p.row, p.reason, *cells)

    return write_table_xlsx(path, title="未导入的警情", columns=columns, rows=rows(), total=len(problems),
                            sheet_name="未导入")


def _as_text(value: Any) -> Any:
    """Cells go back as they were read: text stays text (never a formula), times stay times."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- profiles


def list_profiles(db: Database, station_id: int) -> list[tuple[str, dict[str, str]]]:
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(ImportProfile.name, ImportProfile.mapping)
                         .where(ImportProfile.kind == KIND).order_by(ImportProfile.name)).all()
    return [(name, dict(mapping)) for name, mapping in rows]


def load_profile(db: Database, station_id: int, name: str) -> dict[str, str]:
    for profile_name, mapping in list_profiles(db, station_id):
        if profile_name == name:
            return mapping
    raise ValidationError(f"没有名为“{name}”的导入方案", fields={"profile": name})


def save_profile(db: Database, station_id: int, staff_id: int | None, name: str, header: Sequence[str],
                 mapping: Mapping[str, int]) -> None:
    """Save (or replace) the named mapping, by header text so it survives moved columns."""
    require_staff_id(db, station_id, staff_id, "import.run")
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写方案名称", fields={"profile": "请填写方案名称"})
    if len(name) > 100:
        raise ValidationError("方案名称太长（最多 100 个字符）", fields={"profile": "方案名称太长"})
    by_header = profile_from_mapping(header, mapping)
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        profile = s.scalar(select(ImportProfile).where(ImportProfile.kind == KIND, ImportProfile.name == name))
        if profile is None:
            s.add(ImportProfile(station_id=station_id, kind=KIND, name=name, mapping=by_header))
        else:
            profile.mapping = by_header


def best_profile(profiles: Sequence[tuple[str, Mapping[str, str]]], header: Sequence[str]) -> str | None:
    """The saved profile whose headers all occur in this file (the most specific one), if any."""
    present = {h for h in header if h}
    fitting = [(len(m), name) for name, m in profiles if m and set(m.values()) <= present]
    return max(fitting)[1] if fitting else None


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


def _never() -> bool:
    return False


__all__ = [
    "Analysis", "ImportFileError", "ImportSummary", "Problem", "analyse", "best_profile", "list_profiles",
    "load_profile", "mapping_from_profile", "profile_from_mapping", "run_import", "save_profile", "write_rejects",
]
