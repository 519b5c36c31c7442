"""The audit trail: every insert, update, delete and transition made through a session.

Entries are appended in the same transaction as the change they describe (so a rolled-back change
leaves no entry), chained per station by SHA-256 with gap-free sequence numbers, and can never be
updated or deleted through the application. ``verify_chain`` detects a changed, inserted or
deleted entry.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select, text, update
from sqlalchemy.orm import ORMExecuteState, Session

from desktop.errors import PermissionDenied
from desktop.models.audit import AuditChainHead, AuditEntry
from desktop.models.base import Created, StationScoped, Tracked
from desktop.models.enums import AuditAction
from desktop.models.org import Station

GENESIS_HASH = "0" * 64
GLOBAL_CHAIN = 0
REDACTED_COLUMNS = frozenset({"password_hash"})
# Bookkeeping columns whose change alone is not worth an entry.
_BOOKKEEPING = frozenset({"version", "updated_at", "updated_by_id"})
_PROTECTED = (AuditEntry, AuditChainHead)
_PROTECTED_TABLES = frozenset({AuditEntry.__tablename__, AuditChainHead.__tablename__})
# PostgreSQL channel on which each append is announced to other desks (desktop/services/changes.py).
NOTIFY_CHANNEL = "stationdesk_changes"


@dataclasses.dataclass(frozen=True)
class PendingEntry:
    chain_id: int
    station_id: int | None
    action: str
    table_name: str | None
    record_id: str | None
    summary: str | None
    changes: dict | None


def now() -> datetime:
    """Audit time, to the second (MySQL's DATETIME keeps no fraction; hashes must match)."""
    return datetime.now().replace(microsecond=0)


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "after_flush", _after_flush)
    event.listen(session_class, "do_orm_execute", _on_execute)


# --------------------------------------------------------------------------- session hooks


def _before_flush(session: Session, _ctx, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, _PROTECTED):
            raise PermissionDenied("审计日志只能追加，不能修改或删除")
    staff_id = session.info.get("staff_id")
    stamp = datetime.now().replace(microsecond=0)
    for obj in session.new:
        if isinstance(obj, Created):
            if obj.created_at is None:
                obj.created_at = stamp
            if obj.created_by_id is None and staff_id is not None:
                obj.created_by_id = staff_id
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            obj.updated_at = stamp
            obj.updated_by_id = staff_id


def _after_flush(session: Session, _ctx) -> None:
    pending: list[PendingEntry] = []
    for obj in session.new:
        if not isinstance(obj, _PROTECTED):
            pending.append(_entry_for(session, obj, AuditAction.INSERT, _row_values(obj)))
    for obj in session.dirty:
        if isinstance(obj, _PROTECTED) or not session.is_modified(obj):
            continue
        changes = _changed_values(obj)
        if changes:
            pending.append(_entry_for(session, obj, AuditAction.UPDATE, changes))
    for obj in session.deleted:
        if not isinstance(obj, _PROTECTED):
            pending.append(_entry_for(session, obj, AuditAction.DELETE, _row_values(obj)))
    if pending:
        append_entries(session.connection(), pending, staff_id=session.info.get("staff_id"))


def _on_execute(state: ORMExecuteState):
    """Refuse bulk changes of the audit tables; record other bulk statements as one entry each."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    table_name = getattr(table, "name", None)
    if table_name in _PROTECTED_TABLES:
        if state.is_update or state.is_delete:
            raise PermissionDenied("审计日志只能追加，不能修改或删除")
        return None
    if state.execution_options.get("skip_audit"):
        return None
    result = state.invoke_statement()
    params = state.parameters
    count = len(params) if isinstance(params, list | tuple) else result.rowcount
    verb = "插入" if state.is_insert else "修改" if state.is_update else "删除"
    session = state.session
    station_id = session.info.get("station_id")
    entry = PendingEntry(
        chain_id=station_id or GLOBAL_CHAIN,
        station_id=station_id,
        action=AuditAction.BULK,
        table_name=table_name,
        record_id=None,
        summary=f"批量{verb} {table_name} {count} 行",
        changes=None if state.is_insert else {"statement": str(state.statement)[:2000]},
    )
    append_entries(session.connection(), [entry], staff_id=session.info.get("staff_id"))
    return result


# --------------------------------------------------------------------------- entries


def record_event(
    session: Session,
    action: str,
    *,
    table_name: str | None = None,
    record_id: Any = None,
    summary: str | None = None,
    changes: dict | None = None,
    station_id: int | None = None,
) -> None:
    """Append an explicit entry (transition, log-in, export, print) in the session's transaction."""
    sid = station_id if station_id is not None else session.info.get("station_id")
    entry = PendingEntry(
        chain_id=sid or GLOBAL_CHAIN,
        station_id=sid,
        action=str(action),
        table_name=table_name,
        record_id=None if record_id is None else str(record_id),
        summary=summary,
        changes=changes,
    )
    append_entries(session.connection(), [entry], staff_id=session.info.get("staff_id"))


def append_entries(conn: Connection, entries: Iterable[PendingEntry], *, staff_id: int | None) -> None:
    """Append entries to their chains, locking each chain's head row so desks never fork it."""
    by_chain: dict[int, list[PendingEntry]] = {}
    for e in entries:
        by_chain.setdefault(e.chain_id, []).append(e)
    at = now()
    heads = AuditChainHead.__table__
    for chain_id, chain_entries in sorted(by_chain.items()):
        row = conn.execute(
            select(heads.c.last_seq, heads.c.last_hash).where(heads.c.chain_id == chain_id).with_for_update()
        ).first()
        if row is None:
            conn.execute(insert(heads).values(chain_id=chain_id, last_seq=0, last_hash=GENESIS_HASH))
            seq, prev = 0, GENESIS_HASH
        else:
            seq, prev = row
        rows = []
        for e in chain_entries:
            seq += 1
            changes_text = None if e.changes is None else _dumps(e.changes)
            values = {
                "chain_id": chain_id, "station_id": e.station_id, "seq": seq, "at": at,
                "staff_id": staff_id, "action": e.action, "table_name": e.table_name,
                "record_id": e.record_id, "summary": (e.summary or "")[:300] or None,
                "changes": changes_text, "prev_hash": prev,
            }
            values["entry_hash"] = prev = entry_hash(values)
            rows.append(values)
        conn.execute(insert(AuditEntry.__table__), rows)
        conn.execute(update(heads).where(heads.c.chain_id == chain_id).values(last_seq=seq, last_hash=prev))
        if conn.dialect.name == "postgresql":
            # Delivered to listening desks at commit, dropped on rollback: live refresh.
            conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                         {"channel": NOTIFY_CHANNEL, "payload": f"{chain_id}:{seq}"})


def entry_hash(values: dict) -> str:
    """SHA-256 over the previous hash and the entry's content, in a canonical form."""
    at = values["at"]
    canonical = [
        values["prev_hash"], values["chain_id"], values["seq"],
        at.isoformat(sep=" ", timespec="seconds") if isinstance(at, datetime) else str(at),
        values["staff_id"], values["action"], values["table_name"], values["record_id"],
        values["summary"], values["changes"],
    ]
    return hashlib.sha256(_dumps(canonical).encode("utf-8")).hexdigest()


@dataclasses.dataclass(frozen=True)
class ChainReport:
    """The result of walking one chain. When not ``ok``: ``bad_seq`` is the first entry found wrong,
    ``kind`` says how (``changed``: its content or link no longer matches; ``missing``: entries
    are gone, ``bad_seq`` being the first absent; ``inserted``: an entry the application never
    wrote, beyond the chain's head), ``entry_id`` the row to show (the changed or inserted entry,
    or the one just after a gap; the last one left when the end is missing)."""

    chain_id: int
    entries: int
    ok: bool
    problem: str | None = None
    bad_seq: int | None = None
    kind: str | None = None
    entry_id: int | None = None


def verify_chain(conn: Connection, chain_id: int) -> ChainReport:
    """Walk a chain in order and check sequence, links and hashes, and that the head matches."""
    t = AuditEntry.__table__
    heads = AuditChainHead.__table__
    head = conn.execute(
        select(heads.c.last_seq, heads.c.last_hash).where(heads.c.chain_id == chain_id)
    ).first()
    cols = [t.c.id, t.c.chain_id, t.c.seq, t.c.at, t.c.staff_id, t.c.action, t.c.table_name, t.c.record_id,
            t.c.summary, t.c.changes, t.c.prev_hash, t.c.entry_hash]
    result = conn.execution_options(yield_per=2000).execute(
        select(*cols).where(t.c.chain_id == chain_id).order_by(t.c.seq)
    )
    expected_seq, prev, count, last_id = 1, GENESIS_HASH, 0, None
    beyond: tuple[int, int] | None = None  # (seq, id) of the first entry past the head read first
    for row in result.mappings():
        seq = row["seq"]
        if head is not None and seq > head[0]:
            beyond = (seq, row["id"])
            break
        count += 1
        if seq != expected_seq:
            gap = f"第 {expected_seq} 条" if seq == expected_seq + 1 else f"第 {expected_seq}–{seq - 1} 条"
            return ChainReport(chain_id, count, False, f"序号不连续：缺少{gap}（已被删除）", expected_seq,
                               "missing", row["id"])
        if row["prev_hash"] != prev:
            return ChainReport(chain_id, count, False, f"第 {seq} 条与前一条的链接不符（第 {seq} 条或前一条被改动）",
                               seq, "changed", row["id"])
        if entry_hash(dict(row)) != row["entry_hash"]:
            return ChainReport(chain_id, count, False, f"第 {seq} 条的内容被改动", seq, "changed", row["id"])
        prev, last_id = row["entry_hash"], row["id"]
        expected_seq += 1
    result.close()
    if beyond is not None:
        # The head moves in the same transaction as every append, so an entry beyond it is either
        # a desk's append committed since the walk began (the head has moved on too) or one the
        # application never wrote.
        now_head = conn.execute(select(heads.c.last_seq).where(heads.c.chain_id == chain_id)).scalar()
        if now_head is None or beyond[0] > now_head:
            return ChainReport(chain_id, count + 1, False,
                               f"第 {beyond[0]} 条不是本系统写入的（链尾之后多出的记录）", beyond[0], "inserted",
                               beyond[1])
    if head is not None and (head[0] != count or head[1] != prev):
        if head[0] > count:
            return ChainReport(chain_id, count, False,
                               f"末尾缺少记录：应有 {head[0]} 条，实有 {count} 条（第 {count + 1} 条起已被删除）",
                               count + 1, "missing", last_id)
        return ChainReport(chain_id, count, False, f"第 {count} 条与链尾记录不符", count, "changed", last_id)
    return ChainReport(chain_id, count, True)


def chain_ids(conn: Connection) -> list[int]:
    heads = AuditChainHead.__table__
    return list(conn.execute(select(heads.c.chain_id).order_by(heads.c.chain_id)).scalars())


# --------------------------------------------------------------------------- helpers


def _entry_for(session: Session, obj: Any, action: str, changes: dict) -> PendingEntry:
    if isinstance(obj, Station):
        station_id = obj.id
    elif isinstance(obj, StationScoped):
        station_id = obj.station_id
    else:
        station_id = session.info.get("station_id")
    mapper = inspect(obj).mapper
    identity = inspect(obj).identity or mapper.primary_key_from_instance(obj)
    record_id = ":".join(str(v) for v in identity) if identity else None
    return PendingEntry(
        chain_id=station_id or GLOBAL_CHAIN,
        station_id=station_id,
        action=str(action),
        table_name=mapper.local_table.name,
        record_id=record_id,
        summary=None,
        changes=changes,
    )


def _row_values(obj: Any) -> dict:
    state = inspect(obj)
    values = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in state.dict and state.dict[key] is not None:
            values[key] = _redact(key, state.dict[key])
    return values


def _changed_values(obj: Any) -> dict:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _BOOKKEEPING:
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        before = hist.deleted[0] if hist.deleted else None
        after = hist.added[0] if hist.added else None
        if before == after and hist.deleted:
            continue
        changes[key] = [_redact(key, before), _redact(key, after)]
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        hist = state.attrs[rel.key].history
        if hist.added or hist.deleted:
            changes[rel.key] = {
                "added": [_identity(o) for o in hist.added],
                "removed": [_identity(o) for o in hist.deleted],
            }
    return changes


def _identity(obj: Any) -> str:
    ident = inspect(obj).identity
    return ":".join(str(v) for v in ident) if ident else "?"


def _redact(key: str, value: Any) -> Any:
    if key in REDACTED_COLUMNS and value is not None:
        return "***"
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()} if len(data) > 64 else \
            {"base64": base64.b64encode(data).decode()}
    if isinstance(value, set | frozenset):
        return sorted(value)
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default)
