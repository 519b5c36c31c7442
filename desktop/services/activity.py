"""Audit entries for what leaves the system: exports and prints of lists holding personal data. No Qt."""

from __future__ import annotations

from desktop.db import Database
from desktop.db.audit import record_event


def record_output(db: Database, station_id: int, staff_id: int | None, action: str, *, what: str, rows: int,
                  path: str | None = None) -> None:
    """``action`` is ``"export"`` or ``"print"``; ``what`` names the list (e.g. 警情列表)."""
    summary = f"{'导出' if action == 'export' else '打印'}{what} {rows} 条"
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        record_event(s, action, summary=summary, changes={"list": what, "rows": rows, "file": path})
