"""Paged, sorted and filtered reads of a big list, all in SQL (no Qt).

A :class:`PagedQuery` wraps a SELECT over one entity's columns (or labelled columns of a join)
and answers the questions a windowed table model asks: how many rows match (``count``), the
rows of one window (``fetch``), every row in order in blocks (``iter_rows``, for exports) and
where a given id now sits (``row_index_of``, to keep the selection after a refresh).

Windows are fetched with a *deferred join*: the ids of the window are found first by a query
that the (station_id, sort column) indexes answer alone, then only those rows are read. So a
jump to the middle of a million rows skips index entries, not table rows. When the window
follows one already fetched (scrolling, exports) the query continues from the last row's key
instead (keyset paging) and costs the same at any depth. Every order ends with the id, so the
order is total and stable on every backend.

Rows come back as plain tuples ``(id, value, value, …)`` in the order of ``columns``: no ORM
instance ever leaves this module, so the results may cross threads. Each call opens and closes
its own session, so a worker thread may use the same object as the UI thread.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select

from desktop.db import Database

Kind = Literal["text", "int", "datetime", "date", "bool"]
KINDS: tuple[str, ...] = ("text", "int", "datetime", "date", "bool")
_MAX_ANCHORS = 256


@dataclasses.dataclass(frozen=True)
class ColumnSpec:
    """One column of a list: ``key`` names it in filters and sorts, ``title`` heads it (already
    translated by the caller), ``expr`` is the SQL expression, ``kind`` how it is shown and
    exported. Text columns take part in the free-text search unless ``searchable`` is false.
    ``mask`` names the personal data a column holds (``"phone"``, ``"id_number"``, ``"name"``): lists
    and exports mask it for roles that may not see it (desktop/services/masking.py).
    ``sort_expr`` sorts the column by another expression than the one shown, e.g. a looked-up name
    by its indexed foreign key (sorting a million rows by a looked-up name cannot use an index)."""

    key: str
    title: str
    expr: Any
    kind: Kind = "text"
    sortable: bool = True
    searchable: bool = True
    mask: str | None = None
    sort_expr: Any = None
    width: int | None = None  # a first width in pixels for the list, when the kind's default does not fit
    # Stored codes -> the words an export or print writes (e.g. "issued" -> "已下发"); a screen
    # shows its own translated words for them.
    labels: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclasses.dataclass(frozen=True)
class Filter:
    """What a list shows: ``text`` is searched (substring, LIKE) in every searchable text
    column; ``equals`` maps a column key to a value (or a list/tuple/set of values: any of them);
    ``ranges`` maps a column key to ``(low, high)``, both inclusive, either may be None."""

    text: str = ""
    equals: dict[str, Any] = dataclasses.field(default_factory=dict)
    ranges: dict[str, tuple[Any, Any]] = dataclasses.field(default_factory=dict)

    def cache_key(self) -> str:
        return repr((self.text.strip(), sorted(self.equals.items(), key=repr),
                     sorted(self.ranges.items(), key=repr)))


@dataclasses.dataclass(frozen=True)
class Sort:
    """Order by the column ``key`` (None: by id), ties broken by id in the same direction."""

    key: str | None = None
    descending: bool = False


NO_FILTER = Filter()
BY_ID = Sort()


class PagedQuery:
    """Counts and windows of ``base`` for one station, sorted and filtered in SQL.

    ``base`` selects the columns to show (its own column list is replaced by ``columns``' and
    the id's expressions; its FROM, joins and WHERE are kept). ``id_expr`` is the entity's id.
    ``search(word)`` builds the condition for one word of the free text (e.g. through a trigram
    index); without it each word is a LIKE over the searchable text columns. ``search_indexed(word)``
    says whether that condition is answered by an index (then it drives the query on SQLite).
    Thread-safe: every call opens its own session.

    Station scoping: the statements carry an explicit ``station_expr = station_id`` condition
    (by default the id's entity's ``station_id``) and then skip the session's automatic one, so
    that the condition sits where the fast plans need it (see ``_execute``). Rows of joined
    station records are reached only through the entity's own foreign keys. Without a station
    expression the session's automatic scoping applies as usual.
    """

    def __init__(self, db: Database, *, station_id: int | None, base: Select, columns: Sequence[ColumnSpec],
                 id_expr: Any, station_expr: Any = None, filter_columns: Sequence[ColumnSpec] = (),
                 search: Callable[[str], ColumnElement[bool]] | None = None,
                 search_indexed: Callable[[str], bool] | None = None) -> None:
        if not columns:
            raise ValueError("a PagedQuery needs at least one column")
        keys = [c.key for c in (*columns, *filter_columns)]
        if len(set(keys)) != len(keys):
            raise ValueError(f"column keys must be unique: {keys}")
        self.db = db
        self.station_id = station_id
        self.columns: tuple[ColumnSpec, ...] = tuple(columns)
        self.id_expr = id_expr
        # ``filter_columns`` can be filtered on (ids behind shown names) but are never selected.
        self._by_key = {c.key: c for c in (*self.columns, *filter_columns)}
        self._search = search
        self._search_indexed = search_indexed
        self._base = base
        if station_expr is None:
            station_expr = getattr(getattr(id_expr, "class_", None), "station_id", None)
        self._station_expr = station_expr
        self._lock = threading.Lock()
        # (filter, sort, offset) -> key of the row just before ``offset``: lets the next window
        # continue from there (keyset paging) instead of skipping ``offset`` rows.
        self._anchors: OrderedDict[tuple[str, Sort, int], tuple[Any, Any]] = OrderedDict()

    # ------------------------------------------------------------------ public API

    def column(self, key: str) -> ColumnSpec:
        try:
            return self._by_key[key]
        except KeyError:
            raise ValueError(f"unknown column {key!r}") from None

    def count(self, filter: Filter = NO_FILTER) -> int:
        """How many rows match ``filter`` (one SQL COUNT)."""
        stmt = self._base.with_only_columns(func.count(), maintain_column_froms=True)
        stmt = self._filtered(stmt, filter, plain_station=self._search_drives(filter))
        with self.db.session(station_id=self.station_id) as session:
            return int(self._execute(session, stmt).scalar_one())

    def fetch(self, offset: int, limit: int, *, filter: Filter = NO_FILTER,
              sort: Sort = BY_ID) -> list[tuple]:
        """Rows ``offset`` … ``offset + limit - 1`` of the sorted, filtered list, as plain tuples
        ``(id, value, …)`` in the order of ``columns``."""
        if limit <= 0 or offset < 0:
            return []
        fkey = filter.cache_key()
        with self._lock:
            anchor = self._anchors.get((fkey, sort, offset)) if offset else None
        if anchor is not None:
            rows = self._fetch_after(anchor, limit, filter=filter, sort=sort)
        else:
            rows = self._fetch_offset(offset, limit, filter=filter, sort=sort)
        if rows:
            self._remember(fkey, sort, offset + len(rows), rows[-1])
        return rows

    def iter_rows(self, *, filter: Filter = NO_FILTER, sort: Sort = BY_ID,
                  block: int = 1000) -> Iterator[tuple]:
        """Every matching row in order, read in blocks of ``block`` by keyset paging (each block
        costs the same however deep). Rows changed meanwhile may be seen once or not at all,
        never twice."""
        rows = self._fetch_offset(0, block, filter=filter, sort=sort)
        while rows:
            yield from rows
            if len(rows) < block:
                return
            rows = self._fetch_after(self._row_key(rows[-1], sort), block, filter=filter, sort=sort)

    def row_index_of(self, row_id: Any, *, filter: Filter = NO_FILTER,
                     sort: Sort = BY_ID) -> int | None:
        """The 0-based position of ``row_id`` in the sorted, filtered list, or None when it is not
        in it (deleted, or filtered out). Two small queries."""
        expr = self._sort_expr(sort)
        stmt = self._filtered(self._base.with_only_columns(expr, maintain_column_froms=True), filter)
        stmt = stmt.where(self.id_expr == row_id)
        with self.db.session(station_id=self.station_id) as session:
            found = self._execute(session, stmt).first()
            if found is None:
                return None
            before = self._precedes((found[0], row_id), sort)
            count = self._filtered(
                self._base.with_only_columns(func.count(), maintain_column_froms=True), filter
            ).where(before)
            return int(self._execute(session, count).scalar_one())

    def forget_anchors(self) -> None:
        """Drop remembered window boundaries (call after the data changed)."""
        with self._lock:
            self._anchors.clear()

    # ------------------------------------------------------------------ SQL building

    def _select_columns(self) -> list[Any]:
        return [self.id_expr, *(c.expr for c in self.columns)]

    def _sort_expr(self, sort: Sort) -> Any:
        if sort.key is None:
            return self.id_expr
        spec = self.column(sort.key)
        if not spec.sortable:
            raise ValueError(f"column {sort.key!r} is not sortable")
        return spec.expr if spec.sort_expr is None else spec.sort_expr

    def _extra_sort_column(self, sort: Sort) -> bool:
        """Whether the rows carry the sort value as a trailing extra element (a column sorted by
        another expression than it shows: keyset paging needs the sorted value itself)."""
        return sort.key is not None and self.column(sort.key).sort_expr is not None

    def _order_by(self, sort: Sort) -> list[Any]:
        exprs = [self.id_expr] if sort.key is None else [self._sort_expr(sort), self.id_expr]
        return [e.desc() if sort.descending else e.asc() for e in exprs]

    def _filtered(self, stmt: Select, filter: Filter, *, plain_station: bool = False) -> Select:
        if self.station_id is not None and self._station_expr is not None:
            # ``+ 0`` hides the station column from SQLite's planner (see ``_by_rowid``).
            station = self._station_expr + 0 if plain_station else self._station_expr
            stmt = stmt.where(station == self.station_id)
        text = filter.text.strip()
        if text:
            # Each word must occur in some searchable text column.
            searchable = [c.expr for c in self.columns if c.kind == "text" and c.searchable]
            for word in text.split():
                if self._search is not None:
                    stmt = stmt.where(self._search(word))
                    continue
                if not searchable:
                    stmt = stmt.where(false())
                    break
                stmt = stmt.where(or_(*(self._contains(e, word) for e in searchable)))
        for key, value in filter.equals.items():
            expr = self.column(key).expr
            if value is None:
                stmt = stmt.where(expr.is_(None))
            elif isinstance(value, list | tuple | set | frozenset):
                stmt = stmt.where(expr.in_(list(value)))
            else:
                stmt = stmt.where(expr == value)
        for key, (low, high) in filter.ranges.items():
            expr = self.column(key).expr
            if low is not None:
                stmt = stmt.where(expr >= low)
            if high is not None:
                stmt = stmt.where(expr <= high)
        return stmt

    def _contains(self, expr: Any, word: str) -> ColumnElement[bool]:
        # PostgreSQL's LIKE is case-sensitive; SQLite's (ASCII) and MariaDB's _ci collations are
        # not, and ILIKE there would only cost an index-defeating lower().
        if self.db.backend == "postgresql":
            return expr.icontains(word, autoescape=True)
        return expr.contains(word, autoescape=True)

    def _nulls_first(self, sort: Sort) -> bool:
        """Whether NULL sort values come first in this order: SQLite and MySQL/MariaDB sort NULL
        lowest, PostgreSQL highest."""
        nulls_low = self.db.backend != "postgresql"
        return nulls_low != sort.descending

    def _row_key(self, row: tuple, sort: Sort) -> tuple[Any, Any]:
        if sort.key is None:
            return (row[0], row[0])
        if self._extra_sort_column(sort):
            return (row[-1], row[0])
        index = 1 + [c.key for c in self.columns].index(sort.key)
        return (row[index], row[0])

    def _precedes(self, key: tuple[Any, Any], sort: Sort) -> ColumnElement[bool]:
        """Rows that come strictly before the row whose (sort value, id) is ``key``."""
        return self._compare(key, sort, before=True)

    def _follows(self, key: tuple[Any, Any], sort: Sort) -> ColumnElement[bool]:
        return self._compare(key, sort, before=False)

    def _compare(self, key: tuple[Any, Any], sort: Sort, *, before: bool) -> ColumnElement[bool]:
        value, row_id = key
        id_expr = self.id_expr
        # "earlier" in the list order: smaller when ascending, larger when descending.
        earlier = before != sort.descending

        def cmp(a, b):
            return a < b if earlier else a > b

        if sort.key is None:
            return cmp(id_expr, row_id)
        expr = self._sort_expr(sort)
        # Where the NULL block sits relative to the key, seen from the direction we look in.
        nulls_on_our_side = self._nulls_first(sort) == before
        if value is None:
            same = and_(expr.is_(None), cmp(id_expr, row_id))
            return same if nulls_on_our_side else or_(expr.is_not(None), same)
        # "<= v AND (< v OR id < x)" rather than "< v OR (= v AND id < x)": the first conjunct is
        # a plain range that an index on the sort column answers (the OR form scans).
        at_or_earlier = expr <= value if earlier else expr >= value
        cond = and_(at_or_earlier, or_(cmp(expr, value), cmp(id_expr, row_id)))
        if nulls_on_our_side and _nullable(expr):
            cond = or_(cond, expr.is_(None))
        return cond

    def _fetch_offset(self, offset: int, limit: int, *, filter: Filter, sort: Sort) -> list[tuple]:
        order = self._order_by(sort)
        plain = self._by_rowid(sort) or self._search_drives(filter)
        if offset == 0 and sort.key is None:
            stmt = self._filtered(self._rows_stmt(sort), filter, plain_station=plain).order_by(*order).limit(limit)
            return self._run(stmt)
        ids = (
            self._filtered(self._base.with_only_columns(self.id_expr, maintain_column_froms=True), filter,
                           plain_station=plain)
            .order_by(*order)
            .limit(limit)
            .offset(offset)
        )
        return self._rows_of(ids, sort)

    def _fetch_after(self, key: tuple[Any, Any], limit: int, *, filter: Filter, sort: Sort) -> list[tuple]:
        plain = self._by_rowid(sort) or self._search_drives(filter)
        if sort.key is None:
            stmt = (
                self._filtered(self._rows_stmt(sort), filter, plain_station=plain)
                .where(self._follows(key, sort))
                .order_by(*self._order_by(sort))
                .limit(limit)
            )
            return self._run(stmt)
        ids = (
            self._filtered(self._base.with_only_columns(self.id_expr, maintain_column_froms=True), filter,
                           plain_station=plain)
            .where(self._follows(key, sort))
            .order_by(*self._order_by(sort))
            .limit(limit)
        )
        return self._rows_of(ids, sort)

    def _rows_of(self, ids: Select, sort: Sort) -> list[tuple]:
        """The rows of a window whose ids ``ids`` selects (a *deferred join*): the window is found
        on the (station, sort column) index alone, whatever the listed columns cost to read.
        Selecting the rows directly let SQLite sort a million rows by a looked-up column's key
        (150–500 ms) instead of reading 200 entries of its covering index (5–25 ms)."""
        # MySQL/MariaDB refuse LIMIT directly inside IN (…); a derived table is accepted.
        page = ids.subquery("page")
        stmt = self._rows_stmt(sort).where(self.id_expr.in_(select(page.c[0]))).order_by(*self._order_by(sort))
        # The outer query looks rows up by id only (the inner one carries the station condition):
        # given an indexable station condition too, SQLite walks the whole station index instead
        # (~120 ms vs ~15 ms at 500,000).
        return self._run(stmt)

    def _search_drives(self, filter: Filter) -> bool:
        """Whether a text search through the search hook should drive a SQLite query: its index
        names the few matching rows; an indexable station condition made SQLite walk the whole
        station index probing each row against them instead (240 ms vs 1 ms at a million)."""
        if not (self.db.is_sqlite and self._search_indexed is not None):
            return False
        return any(self._search_indexed(word) for word in filter.text.split())

    def _by_rowid(self, sort: Sort) -> bool:
        """Whether to read an id-ordered window straight along SQLite's rowid.

        Without statistics (no ANALYZE) SQLite answers ``station_id = ? ORDER BY id`` through the
        (station_id, …) index and then sorts every row of the station: ~100 ms for the first page
        of a million. Walking the table in rowid order and testing the station on each row finds
        the first page (or the page after a keyset anchor) in well under 1 ms, and a jump to the
        middle in ~110 ms instead of ~150–250 ms (there is no (station_id, id) index to skip in).
        """
        return self.db.is_sqlite and sort.key is None and self._explicitly_scoped()

    def _explicitly_scoped(self) -> bool:
        """Whether the statements carry their own station condition (see ``_filtered``)."""
        return self._station_expr is not None and self.station_id is not None

    def _rows_stmt(self, sort: Sort = BY_ID) -> Select:
        columns = self._select_columns()
        if self._extra_sort_column(sort):
            columns.append(self._sort_expr(sort))
        return self._base.with_only_columns(*columns, maintain_column_froms=True)

    def _run(self, stmt: Select) -> list[tuple]:
        with self.db.session(station_id=self.station_id) as session:
            return [tuple(row) for row in self._execute(session, stmt)]

    def _execute(self, session, stmt: Select):
        # With its own explicit station condition a statement skips the session's automatic one:
        # SQLite evaluates a repeated condition on every row (COUNT of a million: 50 ms vs 32 ms),
        # and the deferred join and rowid walks above depend on where the condition sits.
        options = {"all_stations": True} if self._explicitly_scoped() else {}
        return session.execute(stmt, execution_options=options)

    def _remember(self, fkey: str, sort: Sort, offset: int, last_row: tuple) -> None:
        with self._lock:
            self._anchors[(fkey, sort, offset)] = self._row_key(last_row, sort)
            self._anchors.move_to_end((fkey, sort, offset))
            while len(self._anchors) > _MAX_ANCHORS:
                self._anchors.popitem(last=False)


def _nullable(expr: Any) -> bool:
    """False only for a plain column declared NOT NULL."""
    column = getattr(expr, "expression", expr)
    return bool(getattr(column, "nullable", True))


__all__ = ["BY_ID", "KINDS", "NO_FILTER", "ColumnSpec", "Filter", "Kind", "PagedQuery", "Sort"]
