"""The two-level 110 incident taxonomy (警情类别 / 警情类型) as data, and its idempotent seeding.

Codes: two digits for a category (``01`` 刑事警情), four for a subtype (``0101`` 盗窃). The table is
shared by all stations (DESIGN.md §3) so HQ can add the figures of its stations up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.models import IncidentCategory

__all__ = [
    "CATEGORIES",
    "CATEGORY_WEIGHTS",
    "TAXONOMY",
    "UNCLASSIFIED_CODE",
    "CategoryDef",
    "category_by_code",
    "criminal_codes",
    "seed_categories",
    "subtypes_of",
]

# (code, name, criminal, ((subtype code, subtype name), …))
TAXONOMY: tuple[tuple[str, str, bool, tuple[tuple[str, str], ...]], ...] = (
    ("01", "刑事警情", True, (
        ("0101", "盗窃"),
        ("0102", "诈骗（含电信网络诈骗）"),
        ("0103", "抢劫抢夺"),
        ("0104", "故意伤害"),
        ("0105", "入室盗窃"),
        ("0106", "盗窃电动车"),
        ("0107", "其他刑事"),
    )),
    ("02", "治安警情", False, (
        ("0201", "殴打他人"),
        ("0202", "寻衅滋事"),
        ("0203", "赌博"),
        ("0204", "卖淫嫖娼"),
        ("0205", "噪音扰民"),
        ("0206", "其他治安"),
    )),
    ("03", "交通警情", False, (
        ("0301", "交通事故"),
        ("0302", "交通堵塞"),
        ("0303", "其他交通"),
    )),
    ("04", "火灾警情", False, (
        ("0401", "建筑火灾"),
        ("0402", "车辆火灾"),
        ("0403", "其他火情"),
    )),
    ("05", "纠纷警情", False, (
        ("0501", "家庭纠纷"),
        ("0502", "邻里纠纷"),
        ("0503", "经济纠纷"),
        ("0504", "劳资纠纷"),
        ("0505", "物业纠纷"),
        ("0506", "医患纠纷"),
        ("0507", "其他纠纷"),
    )),
    ("06", "群众求助", False, (
        ("0601", "走失寻人"),
        ("0602", "开锁求助"),
        ("0603", "醉酒"),
        ("0604", "其他求助"),
    )),
    ("07", "举报投诉", False, (
        ("0701", "违法犯罪线索举报"),
        ("0702", "投诉"),
    )),
    ("08", "其他警情", False, (
        ("0801", "重复报警/无效报警"),
        ("0802", "咨询"),
        ("0803", "其他"),
    )),
    # What an import cannot map is filed here and listed for review (never guessed).
    ("99", "未分类", False, (
        ("9999", "未分类"),
    )),
)

UNCLASSIFIED_CODE = "9999"


@dataclass(frozen=True)
class CategoryDef:
    code: str
    name: str
    level: int
    parent_code: str | None
    criminal: bool
    sort_order: int


def _flatten() -> tuple[CategoryDef, ...]:
    out: list[CategoryDef] = []
    for i, (code, name, criminal, subs) in enumerate(TAXONOMY, start=1):
        out.append(CategoryDef(code, name, 1, None, criminal, i * 100))
        for j, (sub_code, sub_name) in enumerate(subs, start=1):
            out.append(CategoryDef(sub_code, sub_name, 2, code, criminal, i * 100 + j))
    return tuple(out)


CATEGORIES: tuple[CategoryDef, ...] = _flatten()
_BY_CODE = {c.code: c for c in CATEGORIES}

# Share (in %) of each subtype among a county-town station's calls today. Disputes and requests
# for help are the bulk; criminal incidents about 10 % (the demo makes them more common in earlier
# years, as they have been falling year on year).
CATEGORY_WEIGHTS: dict[str, float] = {
    "0101": 2.6, "0102": 2.8, "0103": 0.2, "0104": 0.6, "0105": 0.9, "0106": 1.8, "0107": 0.8,
    "0201": 4.2, "0202": 1.5, "0203": 1.0, "0204": 0.5, "0205": 5.3, "0206": 2.2,
    "0301": 8.5, "0302": 3.0, "0303": 1.0,
    "0401": 0.8, "0402": 0.3, "0403": 0.5,
    "0501": 7.5, "0502": 6.5, "0503": 4.3, "0504": 3.2, "0505": 3.2, "0506": 0.5, "0507": 2.8,
    "0601": 3.2, "0602": 5.2, "0603": 4.2, "0604": 8.9,
    "0701": 3.0, "0702": 2.2,
    "0801": 3.2, "0802": 2.6, "0803": 1.0,
}


def category_by_code(code: str) -> CategoryDef:
    return _BY_CODE[code]


def subtypes_of(code: str) -> list[CategoryDef]:
    return [c for c in CATEGORIES if c.parent_code == code]


def criminal_codes() -> list[str]:
    """The level-2 codes that count as crime."""
    return [c.code for c in CATEGORIES if c.level == 2 and c.criminal]


def seed_categories(session: Session, *, at: datetime | None = None) -> int:
    """Insert the categories that are missing (matched by code); returns how many were added.

    Existing rows are left alone (an administrator may have renamed or deactivated one). ``at``
    stamps ``created_at`` (default: now).
    """
    table = IncidentCategory.__table__
    stamp = (at or datetime.now()).replace(microsecond=0)
    added = 0
    for level in (1, 2):
        existing = dict(session.execute(select(table.c.code, table.c.id)).all())
        rows = [
            {
                "code": c.code, "name": c.name, "level": c.level,
                "parent_id": existing[c.parent_code] if c.parent_code else None,
                "criminal": c.criminal, "sort_order": c.sort_order, "active": True,
                "created_at": stamp, "created_by_id": None,
            }
            for c in CATEGORIES
            if c.level == level and c.code not in existing
        ]
        if rows:
            session.execute(insert(IncidentCategory), rows)
            added += len(rows)
    return added
