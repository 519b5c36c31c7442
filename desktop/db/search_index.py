"""The incidents' substring-search index, per backend (no Qt).

A LIKE '%词%' over a million incidents reads every row (~0.5 s); a trigram index answers a search of
three or more characters in milliseconds. SQLite has FTS5's trigram tokenizer (an external-content
table kept in step by triggers); PostgreSQL has pg_trgm (a GIN index on one expression that the search
repeats verbatim, so the planner can match it); MariaDB has no trigram index (its FULLTEXT parsers do
not split Chinese), so it keeps LIKE. Searches of one or two characters use LIKE everywhere.

Alembic does not model virtual tables or expression indexes: :func:`include_name` keeps them out of
autogenerate's comparison.
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


def create_statements(dialect: str) -> list[str]:
    """DDL that creates the search index on ``dialect`` and fills it from existing rows."""
    cols = ", ".join(SEARCH_COLUMNS)
    new = ", ".join(f"new.{c}" for c in SEARCH_COLUMNS)
    old = ", ".join(f"old.{c}" for c in SEARCH_COLUMNS)
    if dialect == "sqlite":
        return [
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({cols}, content='incidents', content_rowid='id', "
            "tokenize='trigram')",
            f"CREATE TRIGGER trg_{FTS_TABLE}_insert AFTER INSERT ON incidents BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER trg_{FTS_TABLE}_delete AFTER DELETE ON incidents BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER trg_{FTS_TABLE}_update AFTER UPDATE OF {cols} ON incidents BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
        ]
    if dialect == "postgresql":
        return [f"CREATE INDEX {TRGM_INDEX} ON incidents USING gin (({PG_SEARCH_SQL}) gin_trgm_ops)"]
    return []


def drop_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [*(f"DROP TRIGGER IF EXISTS trg_{FTS_TABLE}_{verb}" for verb in ("insert", "delete", "update")),
                f"DROP TABLE IF EXISTS {FTS_TABLE}"]
    if dialect == "postgresql":
        return [f"DROP INDEX IF EXISTS {TRGM_INDEX}"]
    return []
