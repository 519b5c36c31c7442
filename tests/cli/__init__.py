"""CLI tests. Commands that change data or export personal data need ``--user`` (issue 10): the
helpers give make_station's duty officer a password and put it where the CLI reads it."""

from __future__ import annotations

CLI_USER = "GD001"  # tests.factories.make_station's duty officer
CLI_PASSWORD = "desk-password-1"


def enable_cli_login(session, number: str = CLI_USER, password: str = CLI_PASSWORD) -> None:
    """Give the staff member ``number`` a password (in an open session)."""
    from sqlalchemy import select

    from desktop.models import Staff
    from desktop.services import auth

    staff = session.scalars(select(Staff).where(Staff.number == number)).one()
    staff.password_hash = auth.hash_password(password)


def as_user(monkeypatch, password: str = CLI_PASSWORD) -> tuple[str, str]:
    """The ``--user`` arguments, with the password in STATION_DESK_PASSWORD."""
    monkeypatch.setenv("STATION_DESK_PASSWORD", password)
    return ("--user", CLI_USER)
