"""Database layer: engines, sessions, station scoping, audit, migrations, backup. No Qt."""

from desktop.db.database import Database, open_database
from desktop.db.urls import default_url, describe_url

__all__ = ["Database", "default_url", "describe_url", "open_database"]
