"""Repeat-call detection (重复警情): 一人多报 (same caller), 一地多报 (same place), 多人同报 (same event).

Rules (:class:`RepeatRules`, defaults from DESIGN.md §3, configurable in the settings):

* **same caller** — the same normalised phone in >= ``same_caller_count`` incidents within
  ``same_caller_hours``; ``match_key`` is the phone.
* **same place** — the same normalised address in >= ``same_place_count`` incidents within
  ``same_place_hours``; ``match_key`` is the address key.
* **same event** — >= ``same_event_callers`` *different callers* within ``same_event_minutes``,
  either at the same normalised address (``match_key`` = the address key) or in the same grid with
  the same category (``match_key`` = ``"grid:<grid_id>:cat:<category_id>"``). A caller is the
  normalised phone; without a phone, the caller's name; an incident with neither cannot count as a
  caller (it still belongs to the event when it falls inside a qualifying window). A grid cluster
  whose incidents all belong to one address cluster is the same event seen twice and is left out.

Cluster definition. For one key, sort its incidents by (reported_at, id). A *qualifying window*
is a set of incidents of the key whose times lie within the rule's window of its earliest one
("within 24 h" is inclusive: 24:00:00 apart is inside, 24:00:01 is not) and that meets the count
(incidents, or distinct callers for same event). A *cluster* is a connected group of qualifying
windows, two windows being connected when they share an incident; its members are the incidents
of its windows. Because windows are contiguous runs in time order, a cluster is a contiguous run
of the key's incidents.

Why this and not "the run of incidents within the window of the run's first incident": that
greedy partition depends on where it starts, so a refresh of a later day could re-cut a chain of
calls differently from a refresh of an earlier one. The definition here depends only on the
key's incidents, never on the query range: :func:`detect` reads ``max_window`` before and after
the range and, when a cluster reaches that margin, reads further back or forward (in growing steps)
until nothing more can join. A persistent caller who rings every few hours for a week is one
cluster that grows, which is what the duty room wants to see (and keeps its id, status and note).

Computation stays in the database's indexes: per rule, one query finds the candidate keys
(``GROUP BY key HAVING COUNT(*) >= n`` over the range plus margins, read through the station's
``(station_id, reported_at)`` index) and a second reads only those keys' incidents (id, time, and
the caller where it counts) through the ``(station_id, key, reported_at)`` index; the clustering of
those few rows runs in Python. One duty day of a generated 1,000,000-incident station: ~45–55 ms on
SQLite (two cores), most of it in the 72 h same-place rule, whose busy crossroads chain for weeks.

Nothing here imports Qt; functions take the caller's session and never commit.
"""

from __future__ import annotations

import dataclasses
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Result, and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.models import Incident, RepeatCluster, WorkOrder
from desktop.models.enums import ClusterStatus, RepeatKind
from desktop.models.incident import repeat_cluster_incidents

__all__ = [
    "ClusterRow",
    "FoundCluster",
    "RefreshResult",
    "RepeatRules",
    "clusters_in_range",
    "clusters_of_incident",
    "detect",
    "duty_day_bounds",
    "refresh_clusters",
]

_incidents = Incident.__table__
_members = repeat_cluster_incidents


@dataclasses.dataclass(frozen=True)
class RepeatRules:
    same_caller_count: int = 2
    same_caller_hours: int = 24
    same_place_count: int = 3
    same_place_hours: int = 72
    same_event_callers: int = 2
    same_event_minutes: int = 30

    def __post_init__(self) -> None:
        for name in ("same_caller_count", "same_place_count", "same_event_callers"):
            if getattr(self, name) < 2:
                raise ValidationError("重复警情的次数或人数至少为 2", fields={name: "至少为 2"})
        for name in ("same_caller_hours", "same_place_hours", "same_event_minutes"):
            if getattr(self, name) < 1:
                raise ValidationError("重复警情的时间范围必须大于 0", fields={name: "必须大于 0"})

    @classmethod
    def from_settings(cls, settings: Any) -> RepeatRules:
        """The rules from a :class:`desktop.settings.Settings` (fields of the same names)."""
        return cls(**{f.name: int(getattr(settings, f.name)) for f in dataclasses.fields(cls)})

    @property
    def same_caller_window(self) -> timedelta:
        return timedelta(hours=self.same_caller_hours)

    @property
    def same_place_window(self) -> timedelta:
        return timedelta(hours=self.same_place_hours)

    @property
    def same_event_window(self) -> timedelta:
        return timedelta(minutes=self.same_event_minutes)

    def max_window(self) -> timedelta:
        return max(self.same_caller_window, self.same_place_window, self.same_event_window)


@dataclasses.dataclass(frozen=True)
class FoundCluster:
    kind: str
    match_key: str
    first_at: datetime
    last_at: datetime
    incident_ids: tuple[int, ...]  # in (reported_at, id) order


@dataclasses.dataclass(frozen=True)
class RefreshResult:
    created: int
    updated: int
    removed: int


@dataclasses.dataclass(frozen=True)
class ClusterRow:
    """A stored cluster as plain data, for lists and the briefing."""

    id: int
    kind: str
    match_key: str
    first_at: datetime
    last_at: datetime
    incident_count: int
    status: str
    note: str | None
    incident_ids: tuple[int, ...]  # in (reported_at, id) order
    numbers: tuple[str, ...]       # the members' incident numbers, same order


def duty_day_bounds(day: date, cutover_hour: int) -> tuple[datetime, datetime]:
    """Duty day ``day`` runs from ``day`` at the cut-over hour to the next day at that hour, [start, end)."""
    if not 0 <= cutover_hour <= 23:
        raise ValidationError("值班日交接时间应在 0–23 时之间", fields={"cutover_hour": "应在 0–23 时之间"})
    start = datetime.combine(day, time(cutover_hour))
    return start, start + timedelta(days=1)


# --------------------------------------------------------------------------- detection


class _Row(NamedTuple):  # a tuple: tens of thousands are made per detect()
    id: int
    at: datetime
    caller: tuple[str, str] | None  # ("p", phone) or ("n", name); None when neither is known


_time_order = operator.itemgetter(1, 0)  # (at, id)


@dataclasses.dataclass(frozen=True)
class _Rule:
    kind: str
    key_columns: tuple[Any, ...]
    window: timedelta
    threshold: int
    distinct_callers: bool
    match_key: Callable[[tuple], str]


def _rules(rules: RepeatRules) -> list[_Rule]:
    c = _incidents.c
    return [
        _Rule(RepeatKind.SAME_CALLER, (c.caller_phone,), rules.same_caller_window, rules.same_caller_count,
              False, lambda k: str(k[0])),
        _Rule(RepeatKind.SAME_PLACE, (c.address_norm,), rules.same_place_window, rules.same_place_count,
              False, lambda k: str(k[0])),
        _Rule(RepeatKind.SAME_EVENT, (c.address_norm,), rules.same_event_window, rules.same_event_callers,
              True, lambda k: str(k[0])),
        _Rule(RepeatKind.SAME_EVENT, (c.grid_id, c.category_id), rules.same_event_window,
              rules.same_event_callers, True, lambda k: f"grid:{k[0]}:cat:{k[1]}"),
    ]


def _key_present(rule: _Rule) -> list:
    conditions = [col.is_not(None) for col in rule.key_columns]
    # An empty string is no key (an import may store "" for a blank cell).
    conditions += [col != "" for col in rule.key_columns if col.name in ("caller_phone", "address_norm")]
    return conditions


def _caller(phone: str | None, name: str | None) -> tuple[str, str] | None:
    phone = (phone or "").strip()
    if phone:
        return ("p", phone)
    name = (name or "").strip()
    return ("n", name) if name else None


def _row_columns(rule: _Rule) -> list:
    c = _incidents.c
    # The count rules read only what the (station, key, reported_at) index holds besides the id,
    # so SQLite and InnoDB answer from the index without touching the table.
    callers = [c.caller_phone, c.caller_name] if rule.distinct_callers else []
    return [*rule.key_columns, c.id, c.reported_at, *callers]


def _collect(result: Result, rule: _Rule, into: dict[tuple, dict[int, _Row]]) -> None:
    n = len(rule.key_columns)
    for row in result.all():
        caller = _caller(row[n + 2], row[n + 3]) if rule.distinct_callers else None
        into.setdefault(tuple(row[:n]), {})[row[n]] = _Row(row[n], row[n + 1], caller)


def _candidate_rows(session: Session, station_id: int, rule: _Rule, lo: datetime, hi: datetime
                    ) -> dict[tuple, dict[int, _Row]]:
    """The incidents in [lo, hi] of the keys that have at least ``threshold`` of them there."""
    c = _incidents.c
    # Distinct callers need at least as many incidents with a known caller. Counting a column that
    # the key's index does not hold (``number`` is NOT NULL, so it counts rows) keeps SQLite, which
    # has no statistics, from walking the whole (station, key) covering index (~200 ms on 1M rows)
    # instead of reading the range through (station, reported_at) (~6 ms).
    counted = func.count(func.coalesce(c.caller_phone, c.caller_name)) if rule.distinct_callers \
        else func.count(c.number)
    in_range = [c.station_id == station_id, c.reported_at >= lo, c.reported_at <= hi]
    keys = (
        select(*rule.key_columns)
        .where(*in_range, *_key_present(rule))
        .group_by(*rule.key_columns)
        .having(counted >= rule.threshold)
    )
    found: dict[tuple, dict[int, _Row]] = {}
    if len(rule.key_columns) == 1:
        # One column: IN over the (station, key, reported_at) index, covering for the count rules.
        key_values = [tuple(k) for k in session.execute(keys)]
        if key_values:
            _more_rows(session, station_id, rule, key_values, lo, hi, found)
        return found
    # (grid, category) pairs: a join, since OR-ing hundreds of pairs costs more than the range.
    sub = keys.subquery()
    joined = and_(*(col == sub.c[col.name] for col in rule.key_columns))
    _collect(session.execute(select(*_row_columns(rule)).join_from(_incidents, sub, joined).where(*in_range)),
             rule, found)
    return found


def _more_rows(session: Session, station_id: int, rule: _Rule, keys: Sequence[tuple], lo: datetime, hi: datetime,
               into: dict[tuple, dict[int, _Row]]) -> None:
    """Add the incidents in [lo, hi] of ``keys`` (one indexed query; keys in batches)."""
    c = _incidents.c
    for i in range(0, len(keys), 200):
        batch = keys[i:i + 200]
        if len(rule.key_columns) == 1:
            key_match = rule.key_columns[0].in_([k[0] for k in batch])
        else:
            key_match = or_(*(and_(*(col == v for col, v in zip(rule.key_columns, k, strict=True))) for k in batch))
        stmt = select(*_row_columns(rule)).where(
            c.station_id == station_id, c.reported_at >= lo, c.reported_at <= hi, key_match
        )
        _collect(session.execute(stmt), rule, into)


def _clusters_of_key(rows: Sequence[_Row], rule: _Rule) -> list[list[_Row]]:
    """The clusters among one key's incidents (see the module docstring), each in time order."""
    rows = sorted(rows, key=_time_order)
    ats = [r.at for r in rows]
    n, window, distinct = len(rows), rule.window, rule.distinct_callers
    runs: list[list[int]] = []  # merged [first, last] index runs of qualifying windows
    j = 0
    callers: Counter = Counter()
    for i in range(n):
        # Window anchored at i: rows[i..j-1], all within ``window`` of rows[i] (inclusive).
        limit = ats[i] + window
        while j < n and ats[j] <= limit:
            if distinct and rows[j].caller is not None:
                callers[rows[j].caller] += 1
            j += 1
        if (len(callers) if distinct else j - i) >= rule.threshold:
            if runs and i <= runs[-1][1]:
                runs[-1][1] = j - 1  # j never moves back
            else:
                runs.append([i, j - 1])
        if distinct and rows[i].caller is not None:
            callers[rows[i].caller] -= 1
            if not callers[rows[i].caller]:
                del callers[rows[i].caller]
    return [rows[a:b + 1] for a, b in runs]


def _detect_rule(session: Session, station_id: int, start: datetime, end: datetime, rule: _Rule
                 ) -> list[FoundCluster]:
    w = rule.window
    rows = _candidate_rows(session, station_id, rule, start - w, end + w)
    bounds = {key: [start - w, end + w] for key in rows}
    step = {key: w for key in rows}
    result: dict[tuple, list[list[_Row]]] = {}
    pending = list(rows)
    while pending:
        need_before: dict[tuple, tuple[datetime, datetime]] = {}
        need_after: dict[tuple, tuple[datetime, datetime]] = {}
        for key in pending:
            lo, hi = bounds[key]
            clusters = [cl for cl in _clusters_of_key(list(rows[key].values()), rule)
                        if cl[0].at < end and cl[-1].at >= start]
            result[key] = clusters
            if not clusters:
                continue
            # Something beyond what was read could still join a cluster that reaches the margin.
            if clusters[0][0].at - w < lo:
                step[key] *= 2
                need_before[key] = (min(clusters[0][0].at - w, lo - step[key]), lo)
            if clusters[-1][-1].at + w > hi:
                step[key] *= 2
                need_after[key] = (hi, max(clusters[-1][-1].at + w, hi + step[key]))
        for needs, side in ((need_before, 0), (need_after, 1)):
            if not needs:
                continue
            new_lo = min(a for a, _b in needs.values())
            new_hi = max(b for _a, b in needs.values())
            _more_rows(session, station_id, rule, list(needs), new_lo, new_hi, rows)
            for key, (a, b) in needs.items():
                bounds[key][side] = a if side == 0 else b
        # Rows outside a key's own bounds may have come with the batch; they are real rows, so
        # keeping them is harmless, and the bounds stay conservative.
        pending = list(dict.fromkeys([*need_before, *need_after]))
    found = []
    for key, clusters in result.items():
        for members in clusters:
            found.append(FoundCluster(str(rule.kind), rule.match_key(key), members[0].at, members[-1].at,
                                      tuple(r.id for r in members)))
    return found


def detect(session: Session, station_id: int, start: datetime, end: datetime,
           rules: RepeatRules = RepeatRules()) -> list[FoundCluster]:
    """The clusters of the station that overlap [start, end) (first_at < end and last_at >= start),
    sorted by first_at, kind and match_key. Reads only; any thread with its own session."""
    if end <= start:
        return []
    found: list[FoundCluster] = []
    address_events: list[FoundCluster] = []
    for rule in _rules(rules):
        clusters = _detect_rule(session, station_id, start, end, rule)
        if rule.kind == RepeatKind.SAME_EVENT and rule.key_columns[0].name == "address_norm":
            address_events = clusters
        elif rule.kind == RepeatKind.SAME_EVENT:
            # The same event reported at one address already stands as that address's cluster.
            # An incident has one address, so it belongs to at most one address cluster: a grid
            # cluster is dropped when all its incidents point to the same one (linear, not n×m).
            owner = {i: n for n, c in enumerate(address_events) for i in c.incident_ids}
            clusters = [c for c in clusters if not _inside_one(c.incident_ids, owner)]
        found.extend(clusters)
    found.sort(key=lambda c: (c.first_at, c.kind, c.match_key, c.incident_ids))
    return found


def _inside_one(ids: Sequence[int], owner: dict[int, int]) -> bool:
    first = owner.get(ids[0])
    return first is not None and all(owner.get(i) == first for i in ids)


# --------------------------------------------------------------------------- persistence


def refresh_clusters(session: Session, station_id: int, start: datetime, end: datetime,
                     rules: RepeatRules = RepeatRules()) -> RefreshResult:
    """Bring the stored clusters overlapping [start, end) in line with :func:`detect`.

    A found cluster updates the stored one of the same kind and key that shares incidents with it
    (keeping its id, status and note), or is inserted. An open stored cluster in the range that no
    longer qualifies is deleted; a cluster that is not open (e.g. turned into a work order), or
    that a work order names, is never deleted. Writes go through ``session`` (audited); the caller
    owns the transaction.
    """
    found = detect(session, station_id, start, end, rules)
    span_lo = min([start, *(f.first_at for f in found)])
    span_hi = max([end, *(f.last_at for f in found)])
    stored = list(session.scalars(
        select(RepeatCluster)
        .where(RepeatCluster.station_id == station_id, RepeatCluster.first_at <= span_hi,
               RepeatCluster.last_at >= span_lo)
        .order_by(RepeatCluster.id)
    ))
    members: dict[int, set[int]] = {c.id: set() for c in stored}
    ids = list(members)
    for i in range(0, len(ids), 500):
        for cid, iid in session.execute(
            select(_members.c.cluster_id, _members.c.incident_id).where(_members.c.cluster_id.in_(ids[i:i + 500]))
        ):
            members[cid].add(iid)

    # Pair found and stored clusters: same kind and key, sharing an incident (or the same first_at,
    # which the unique key would refuse twice). Non-open ones first, so a work order's cluster lives on.
    by_key: dict[tuple[str, str], list[RepeatCluster]] = {}
    for c in stored:
        by_key.setdefault((c.kind, c.match_key), []).append(c)
    pairs = []
    for fi, f in enumerate(found):
        f_ids = set(f.incident_ids)
        for c in by_key.get((f.kind, f.match_key), ()):  # a dict, not found × stored (a year: 17k × 17k)
            shared = len(f_ids & members[c.id])
            if shared or c.first_at == f.first_at:
                pairs.append((c.status == ClusterStatus.OPEN, c.first_at != f.first_at, -shared, c.id, fi, c))
    pairs.sort(key=lambda p: p[:5])
    match: dict[int, RepeatCluster] = {}
    taken: set[int] = set()
    absorbed: set[int] = set()
    for *_order, fi, c in pairs:
        absorbed.add(c.id)
        if fi in match or c.id in taken:
            continue
        match[fi] = c
        taken.add(c.id)

    # Deletes first, flushed, so an updated or new cluster may take over a deleted one's first_at.
    doomed = [c for c in stored if c.id not in taken and c.status == ClusterStatus.OPEN
              and (c.id in absorbed or (c.first_at < end and c.last_at >= start))]
    if doomed:
        # A work order's source stays linked even where its cluster was left open.
        ordered = set(session.scalars(select(WorkOrder.cluster_id).where(
            WorkOrder.station_id == station_id, WorkOrder.cluster_id.in_([c.id for c in doomed]))))
        doomed = [c for c in doomed if c.id not in ordered]
    for c in doomed:
        session.execute(delete(_members).where(_members.c.cluster_id == c.id))
        session.delete(c)
    removed = len(doomed)
    if removed:
        session.flush()

    updated = 0
    new_members: list[dict] = []
    inserted: list[FoundCluster] = []
    for fi, f in enumerate(found):
        c = match.get(fi)
        if c is None:
            inserted.append(f)
            continue
        have, want = members[c.id], set(f.incident_ids)
        changed = have != want
        if c.first_at != f.first_at or c.last_at != f.last_at or c.incident_count != len(want):
            c.first_at, c.last_at, c.incident_count = f.first_at, f.last_at, len(want)
            changed = True
        if have - want:
            session.execute(delete(_members).where(_members.c.cluster_id == c.id,
                                                   _members.c.incident_id.in_(sorted(have - want))))
        new_members += [{"cluster_id": c.id, "incident_id": iid} for iid in f.incident_ids if iid not in have]
        updated += changed
    session.flush()
    if inserted:
        # One bulk statement (audited as one entry) rather than an ORM object per cluster: a bulk
        # import over a year finds ~17,000 new clusters. Their ids come back by the unique key.
        table = RepeatCluster.__table__
        staff_id = session.info.get("staff_id")
        session.execute(insert(table), [
            {"station_id": station_id, "kind": f.kind, "match_key": f.match_key, "first_at": f.first_at,
             "last_at": f.last_at, "incident_count": len(f.incident_ids), "status": ClusterStatus.OPEN.value,
             "version": 1, "created_by_id": staff_id}
            for f in inserted
        ])
        lo = min(f.first_at for f in inserted)
        hi = max(f.first_at for f in inserted)
        id_of = {(k, m, a): i for i, k, m, a in session.execute(
            select(table.c.id, table.c.kind, table.c.match_key, table.c.first_at)
            .where(table.c.station_id == station_id, table.c.first_at >= lo, table.c.first_at <= hi))}
        for f in inserted:
            cid = id_of[(f.kind, f.match_key, f.first_at)]
            new_members += [{"cluster_id": cid, "incident_id": iid} for iid in f.incident_ids]
    created = len(inserted)
    if new_members:
        session.execute(insert(_members), new_members)
    return RefreshResult(created=created, updated=updated, removed=removed)


# --------------------------------------------------------------------------- reading


def clusters_in_range(session: Session, station_id: int, start: datetime, end: datetime,
                      kinds: Iterable[str] | None = None) -> list[ClusterRow]:
    """The stored clusters that overlap [start, end), by first_at, kind and match_key."""
    stmt = select(RepeatCluster.id, RepeatCluster.kind, RepeatCluster.match_key, RepeatCluster.first_at,
                  RepeatCluster.last_at, RepeatCluster.incident_count, RepeatCluster.status,
                  RepeatCluster.note).where(
        RepeatCluster.station_id == station_id, RepeatCluster.first_at < end, RepeatCluster.last_at >= start
    )
    if kinds is not None:
        stmt = stmt.where(RepeatCluster.kind.in_([str(k) for k in kinds]))
    heads = session.execute(
        stmt.order_by(RepeatCluster.first_at, RepeatCluster.kind, RepeatCluster.match_key, RepeatCluster.id)
    ).all()
    numbers: dict[int, list[tuple[int, str]]] = {h.id: [] for h in heads}
    ids = list(numbers)
    for i in range(0, len(ids), 500):
        rows = session.execute(
            select(_members.c.cluster_id, _incidents.c.id, _incidents.c.number)
            .join_from(_members, _incidents, _incidents.c.id == _members.c.incident_id)
            .where(_members.c.cluster_id.in_(ids[i:i + 500]))
            .order_by(_incidents.c.reported_at, _incidents.c.id)
        )
        for cid, iid, number in rows:
            numbers[cid].append((iid, number))
    return [
        ClusterRow(id=h.id, kind=h.kind, match_key=h.match_key, first_at=h.first_at, last_at=h.last_at,
                   incident_count=h.incident_count, status=h.status, note=h.note,
                   incident_ids=tuple(iid for iid, _n in numbers[h.id]),
                   numbers=tuple(n for _i, n in numbers[h.id]))
        for h in heads
    ]


def clusters_of_incident(session: Session, incident_id: int) -> list[int]:
    """The ids of the clusters an incident belongs to, in id order (within the session's station)."""
    return list(session.scalars(
        select(RepeatCluster.id)
        .join(_members, _members.c.cluster_id == RepeatCluster.id)
        .where(_members.c.incident_id == incident_id)
        .order_by(RepeatCluster.id)
    ))
