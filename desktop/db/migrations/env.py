"""Alembic environment. Run through ``desktop.db.migrate`` (``station-desk db upgrade``)."""

from __future__ import annotations

from alembic import context

from desktop.db.search_index import include_name
from desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # plain `alembic` command line: build an engine from the URL
        from desktop.db.database import open_database

        connection = open_database(config.get_main_option("sqlalchemy.url")).engine.connect()
        owns = True
    else:
        owns = False
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER most things in place; batch mode copies the table.
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_name=include_name,
            transaction_per_migration=False,
        )
        with context.begin_transaction():
            context.run_migrations()
        if owns:
            connection.commit()
    finally:
        if owns:
            connection.close()


if context.is_offline_mode():
    raise SystemExit("StationDesk migrations run online only: use `station-desk db upgrade`.")
run_migrations_online()
