"""The incidents' substring-search index, per backend (no Qt).

A LIKE '%词%' over a million incidents reads every row (~0.5 s); a trigram index answers a search of
three or more characters in milliseconds. SQLite has FTS5's trigram tokenizer (an external-content
table kept in step by triggers); PostgreSQL has pg_trgm (a GIN index on one expression that the search
repeats verbatim, so the planner can match it); MariaDB has no trigram index (its FULLTEXT parsers do
not split Chinese), so it keeps LIKE. Searches of one or two characters use LIKE everywhere.

The index is created by migration 0002 (which keeps its own copy of the DDL). Alembic does not model
virtual tables or expression indexes: :func:`include_name` keeps them out of autogenerate's
comparison.
"""

from __future__ import annotations

FTS_TABLE = "incidents_fts"
TRGM_INDEX = "ix_incidents_search_trgm"
SEARCH_COLUMNS = ("number", "caller_name", "caller_phone", "address", "summary")

# The PostgreSQL index expression; :func:`pg_search_expression` must render the very same text.
PG_SEARCH_SQL = " || ' ' || ".join(f"coalesce(incidents.{c}, '')" for c in SEARCH_COLUMNS)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic ``include_name`` hook: skip the search index objects it cannot model."""
    if type_ == "table" and name and name.startswith(FTS_TABLE):
        return False
    return not (type_ == "index" and name == TRGM_INDEX)
