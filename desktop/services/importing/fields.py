"""The fields of a 110 incident export and the header texts that name them, declared once.

Exports differ between dispatch-system versions: the same column is 警情编号 in one and 接警单编号 in
another, sometimes with a unit or a colon (``报警时间（时分）``, ``编号：``), and the header row may sit
below title rows (``XX派出所警情明细表``, ``导出时间：2024-03-05``). This module finds the header row and
maps its columns to field keys; the import wizard lets the user correct the mapping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FIELDS",
    "FIELD_KEYS",
    "REQUIRED_KEYS",
    "FieldDef",
    "auto_map",
    "field_by_key",
    "find_header",
    "is_blank_row",
    "is_totals_row",
    "normalize_header",
]


@dataclass(frozen=True)
class FieldDef:
    key: str
    label: str  # Chinese, shown in the mapping step
    required: bool
    synonyms: tuple[str, ...]  # header texts, compared after normalize_header()


FIELDS: tuple[FieldDef, ...] = (
    FieldDef("number", "警情编号", True, (
        "警情编号", "接警单编号", "接警编号", "事件编号", "警情单号", "编号", "接警单号", "警情号", "警单编号",
        "警情单编号", "接处警编号", "报警编号", "案事件编号", "单号", "流水号", "接警流水号",
    )),
    FieldDef("reported_at", "报警时间", True, (
        "报警时间", "接警时间", "发生时间", "报案时间", "来电时间", "报警日期时间", "接警日期时间", "呼入时间",
        "案发时间", "事发时间", "受理时间", "接警日期", "报警日期", "时间",
    )),
    FieldDef("caller_name", "报警人", False, (
        "报警人", "报警人姓名", "报案人", "联系人", "报案人姓名", "来电人", "求助人", "报警人名称", "当事人",
    )),
    FieldDef("caller_phone", "联系电话", False, (
        "联系电话", "报警电话", "报警人联系电话", "来电号码", "主叫号码", "报警人电话", "联系方式", "报警号码",
        "手机号码", "电话", "报案人电话", "报案人联系电话", "回拨电话", "电话号码",
    )),
    FieldDef("address", "发案地点", False, (
        "发案地点", "事发地址", "报警地址", "案发地点", "事发地点", "发生地点", "案发地址", "发案地址", "警情地址",
        "地址", "地点", "事发地", "报警地点", "详细地址",
    )),
    FieldDef("category", "警情类别", False, (
        "警情类别", "警情大类", "报警类别", "类别", "案件类别", "警情分类", "报警类型大类", "警情类别名称",
    )),
    FieldDef("subtype", "警情类型", False, (
        "警情类型", "警情细类", "警情小类", "警情性质", "类型", "报警类型", "案件类型", "警情子类", "案由",
        "警情类型名称", "细类",
    )),
    FieldDef("summary", "简要警情", False, (
        "简要警情", "报警内容", "警情内容", "简要案情", "警情摘要", "简要情况", "警情简况", "报警简要内容",
        "内容", "案情", "接警内容", "警情描述", "事件描述", "情况摘要",
    )),
    FieldDef("community", "所属社区", False, (
        "所属社区", "社区", "村居", "社区村", "所属村居", "社区(村)", "村(社区)", "所属村社区", "辖区社区",
    )),
    FieldDef("grid", "网格", False, ("网格", "所属网格", "网格名称", "网格编号")),
    FieldDef("unit", "处警单位", False, (
        "处警单位", "出警单位", "处置单位", "管辖单位", "处警部门", "承办单位", "所属单位", "派警单位", "管辖派出所",
    )),
    FieldDef("officer", "处警人", False, (
        "处警人", "出警民警", "处警民警", "出警人", "处警人员", "处置民警", "出警人员", "承办人", "主办民警",
    )),
    FieldDef("disposal", "处警结果", False, (
        "处警结果", "处置结果", "处理结果", "处警情况", "处置情况", "处理情况", "出警情况", "出警结果",
        "处警反馈", "反馈内容", "处理意见",
    )),
)

FIELD_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)
REQUIRED_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.required)
_BY_KEY = {f.key: f for f in FIELDS}


def field_by_key(key: str) -> FieldDef:
    return _BY_KEY[key]


# A trailing "(…)" unit/remark, a trailing colon and leading required-markers carry no meaning.
_TRAILING_PAREN_RE = re.compile(r"(?:\([^()]*\)|\[[^\[\]]*\])$")
_SPACE_RE = re.compile(r"\s+")
_PUNCT_MAP = str.maketrans({"【": "[", "】": "]", "〔": "[", "〕": "]", "：": ":"})


def normalize_header(text: Any) -> str:
    """Header text for comparison: NFKC (full-width to ASCII), no whitespace, lower case, without a
    leading ``*``/``★`` marker, a trailing colon or a trailing bracketed unit (``时间（时分）``)."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).translate(_PUNCT_MAP)
    s = _SPACE_RE.sub("", s).lstrip("*★☆#").rstrip(":")
    # Strip one bracketed suffix at a time, but never the whole text ("(村)社区" is kept whole).
    while True:
        stripped = _TRAILING_PAREN_RE.sub("", s).rstrip(":")
        if stripped == s or not stripped:
            break
        s = stripped
    return s.lower()


def _build_index(fields: Sequence[FieldDef]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    for f in fields:
        for syn in (f.label, *f.synonyms):
            exact.setdefault(normalize_header(syn), f.key)
    # Containment is tried longest synonym first so 报警人联系电话 is a phone, not a caller name. Two-letter
    # generic words (编号, 时间, 类型, 内容 …) only match exactly: 工单编号 or 回访时间 are other columns.
    contains = tuple(sorted(
        ((syn, key) for syn, key in exact.items() if len(syn) >= 3 or syn in ("社区", "网格", "村居")),
        key=lambda item: -len(item[0]),
    ))
    return exact, contains


_EXACT, _CONTAINS = _build_index(FIELDS)
# Other field sets (cases, warnings) get their own index, built once per tuple.
_INDEXES: dict[tuple[FieldDef, ...], tuple[dict[str, str], tuple[tuple[str, str], ...]]] = {
    FIELDS: (_EXACT, _CONTAINS),
}


def _index(fields: Sequence[FieldDef]) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    key = tuple(fields)
    found = _INDEXES.get(key)
    if found is None:
        found = _INDEXES[key] = _build_index(key)
    return found


# Columns that contain a synonym but are something else (报警人身份证号 is not the caller's name).
_NOT_A_FIELD = ("身份证", "证件", "序号", "性别", "年龄", "民族", "回访", "反馈时间", "到达时间", "结束时间",
                "处警时间", "出警时间", "到场时间", "派警时间", "录入", "修改", "导出", "经度", "纬度", "坐标")


def auto_map(header: Sequence[Any], fields: Sequence[FieldDef] = FIELDS) -> dict[str, int]:
    """Field key -> column index for a header row.

    Exact synonym matches first, then containment (longest synonym wins); each column maps to at
    most one field and each field to the first column that names it.
    """
    exact, contains = _index(fields)
    names = [normalize_header(h) for h in header]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for col, name in enumerate(names):
        key = exact.get(name) if name else None
        if key is not None and key not in mapping:
            mapping[key] = col
            used.add(col)
    for col, name in enumerate(names):
        if col in used or len(name) < 2 or any(word in name for word in _NOT_A_FIELD):
            continue
        for syn, key in contains:
            if syn in name:
                if key not in mapping:
                    mapping[key] = col
                    used.add(col)
                break
    return dict(sorted(mapping.items(), key=lambda item: item[1]))


def find_header(
    rows: Sequence[Sequence[Any]], *, scan: int = 30, fields: Sequence[FieldDef] = FIELDS
) -> int | None:
    """Index of the header row: among the first ``scan`` rows, the one that maps the most fields
    and maps every required one of ``fields``; None when no row does."""
    required = REQUIRED_KEYS if fields is FIELDS else tuple(f.key for f in fields if f.required)
    best: int | None = None
    best_count = 0
    for index, row in enumerate(rows[:scan]):
        if is_blank_row(row):
            continue
        mapping = auto_map(row, fields)
        if all(key in mapping for key in required) and len(mapping) > best_count:
            best, best_count = index, len(mapping)
    return best


def is_blank_row(row: Sequence[Any]) -> bool:
    """True when every cell is empty or only whitespace."""
    for cell in row:
        if cell is None:
            continue
        if isinstance(cell, str):
            if cell.strip():
                return False
        else:
            return False
    return True


_TOTALS_RE = re.compile(r"(?:合计|总计|小计|共计|总数|汇总|共\d+[条项起行件个])")
# An incident number has a long run of digits (J330102202403050001, 20240305000123).
_NUMBER_LIKE_RE = re.compile(r"\d{8,}")


def is_totals_row(row: Sequence[Any]) -> bool:
    """A "合计：N 条" / "总计" / "共 N 条" / "小计" row at the bottom of an export.

    The word must be in one of the first two non-empty cells, and no cell may hold an incident
    number (so an incident whose summary starts with 合计 is not dropped).
    """
    seen = 0
    found = False
    for cell in row:
        if cell is None:
            continue
        text = _SPACE_RE.sub("", unicodedata.normalize("NFKC", str(cell)))
        if not text:
            continue
        if _NUMBER_LIKE_RE.search(text):
            return False
        seen += 1
        if seen <= 2 and _TOTALS_RE.match(text):
            found = True
    return found
