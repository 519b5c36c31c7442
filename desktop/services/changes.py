"""What changed since a desk last looked: the audit chain as a change counter (no Qt).

Every committed change appends audit entries in its own transaction and moves its station chain's
head (``AuditChainHead.last_seq``, desktop/db/audit.py). So the head is a change counter that
costs one primary-key read (:func:`change_token`), and the entries between two readings name the
tables that changed (:func:`changed_tables`). A rolled-back change moves nothing.

PostgreSQL also announces each append with ``NOTIFY stationdesk_changes, '<chain>:<seq>'`` (sent at
commit, dropped on rollback); :func:`listen` waits for those on its own connection, so a desk hears
of a colleague's change at once instead of at its next poll. MySQL/MariaDB and SQLite have no such
channel: a desk polls :func:`change_token` about once a second, which is cheap.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.engine import URL, make_url

from desktop.db import Database
from desktop.db.audit import NOTIFY_CHANNEL
from desktop.models.audit import AuditChainHead, AuditEntry

log = logging.getLogger(__name__)

# Stands for "any table" in the answer of :func:`changed_tables` (too many entries to name them).
EVERYTHING = "*"
# Past this many entries a desk just re-reads everything rather than listing what changed.
MAX_RANGE = 5000
POLL_INTERVAL_S = 1.0
LISTEN_TIMEOUT_S = 0.5  # how often a listener looks at its stop event


def change_token(db: Database, station_id: int) -> int:
    """The station's change counter: the last sequence number of its audit chain (0 when none)."""
    heads = AuditChainHead.__table__
    with db.engine.connect() as conn:
        value = conn.execute(select(heads.c.last_seq).where(heads.c.chain_id == station_id)).scalar()
    return int(value or 0)


def changed_tables(db: Database, station_id: int, after_seq: int, upto_seq: int) -> set[str]:
    """The tables changed by the station's entries ``after_seq < seq <= upto_seq``.

    ``{EVERYTHING}`` when the range holds more than :data:`MAX_RANGE` entries (a desk away that
    long re-reads everything). Entries naming no table (log-in, export) are left out."""
    if upto_seq <= after_seq:
        return set()
    if upto_seq - after_seq > MAX_RANGE:
        return {EVERYTHING}
    t = AuditEntry.__table__
    stmt = select(t.c.table_name).distinct().where(
        t.c.chain_id == station_id, t.c.seq > after_seq, t.c.seq <= upto_seq, t.c.table_name.is_not(None)
    )
    with db.engine.connect() as conn:
        return {name for name in conn.execute(stmt).scalars() if name}


def uses_listen(db: Database) -> bool:
    """Whether changes are announced (PostgreSQL) rather than polled for."""
    return db.backend == "postgresql"


def parse_notice(payload: str) -> tuple[int, int] | None:
    """``'<chain>:<seq>'`` → (chain, seq); None for anything else."""
    chain, _, seq = (payload or "").partition(":")
    try:
        return int(chain), int(seq)
    except ValueError:
        return None


def _connect_kwargs(url: URL | str) -> dict:
    parsed = make_url(url) if isinstance(url, str) else url
    kwargs = parsed.translate_connect_args(username="user", database="dbname")
    kwargs.update({k: v for k, v in parsed.query.items() if isinstance(v, str)})
    kwargs.setdefault("connect_timeout", 5)
    return kwargs


def listen(url: URL | str, stop_event: threading.Event, callback: Callable[[int, int], None], *,
           on_ready: Callable[[], None] | None = None) -> None:
    """Wait for change notices on PostgreSQL ``url`` until ``stop_event`` is set.

    Opens its own connection (autocommit; a LISTEN inside a pooled transaction would see nothing),
    calls ``on_ready()`` once listening and ``callback(chain_id, seq)`` for each notice, on the
    calling thread. Wakes every :data:`LISTEN_TIMEOUT_S` to look at ``stop_event``. Raises the
    driver's error when the connection is lost: the caller decides when to try again."""
    import psycopg

    conn = psycopg.connect(autocommit=True, **_connect_kwargs(url))
    try:
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        if on_ready is not None:
            on_ready()
        while not stop_event.is_set():
            # Each round yields notices as they arrive and ends after LISTEN_TIMEOUT_S, so a
            # stop is seen within that time; a lost connection raises here.
            for notice in conn.notifies(timeout=LISTEN_TIMEOUT_S):
                parsed = parse_notice(notice.payload)
                if parsed is not None:
                    callback(*parsed)
    finally:
        conn.close()


__all__ = [
    "EVERYTHING", "MAX_RANGE", "POLL_INTERVAL_S", "change_token", "changed_tables", "listen", "parse_notice",
    "uses_listen",
]
