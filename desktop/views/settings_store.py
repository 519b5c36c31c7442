"""The settings registry (``desktop/settings.py``) stored through QSettings; the database password
through the operating system's credential store (``keyring``), never in the settings file.

When no credential store works (a Linux box without a Secret Service, for example) the password is
kept in memory for this run only and the dialog says so; it is never written anywhere in plain text.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from PySide6.QtCore import QSettings

from desktop import settings as registry

log = logging.getLogger(__name__)

KEYRING_SERVICE = "StationDesk"
VERSION_KEY = "settings/version"


def default_qsettings() -> QSettings:
    """The application's settings (the registry on Windows, an ini file elsewhere)."""
    return QSettings("StationDesk", "StationDesk")


class SettingsStore:
    """Reads and writes the registry's values; may be used on the UI thread only (QSettings)."""

    # Passwords typed while no credential store works, by credential user name, for this process.
    _memory_passwords: ClassVar[dict[str, str]] = {}

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else default_qsettings()
        self._upgrade()

    # ------------------------------------------------------------------ plain settings

    def _upgrade(self) -> None:
        """Versioned upgrade steps for stored settings (none yet: version 1 is the first)."""
        stored = self.qsettings.value(VERSION_KEY)
        if stored is None or int(stored) < registry.SCHEMA_VERSION:
            self.qsettings.setValue(VERSION_KEY, registry.SCHEMA_VERSION)

    def value(self, key: str) -> Any:
        """The stored value of ``key`` converted to its type; the default when missing or invalid."""
        opt = registry.option(key)
        raw = self.qsettings.value(key)
        if raw is None:
            return opt.default
        try:
            return registry.validate(key, raw)
        except registry.ValidationError:
            log.warning("ignoring an invalid stored setting %s=%r", key, raw)
            return opt.default

    def values(self) -> dict[str, Any]:
        return {o.key: self.value(o.key) for o in registry.OPTIONS}

    def snapshot(self) -> registry.Settings:
        return registry.Settings.from_values(self.values())

    def save(self, values: dict[str, Any]) -> dict[str, Any]:
        """Validate every value (raising :class:`ValidationError` with all field problems) and store."""
        clean = registry.validate_all(values)
        for key, value in clean.items():
            self.qsettings.setValue(key, value)
        self.qsettings.sync()
        return clean

    def db_url(self, values: dict[str, Any] | None = None) -> str:
        """The database URL of the stored (or given) settings, with the password when one is known."""
        values = values if values is not None else self.values()
        password = self.password(values) if values.get("database/kind") == registry.DB_SERVER else None
        return registry.build_db_url(values, password)

    # ------------------------------------------------------------------ password

    @staticmethod
    def keyring_available() -> bool:
        """True when a real credential store backend is configured."""
        try:
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
        except Exception:  # any failure means "not available"
            log.exception("keyring failed to load")
            return False
        if isinstance(backend, fail.Keyring):
            return False
        return getattr(backend, "priority", 1) > 0

    def password(self, values: dict[str, Any]) -> str | None:
        """The stored password of the server in ``values``, from the credential store or memory."""
        username = registry.credential_username(values)
        if username in self._memory_passwords:
            return self._memory_passwords[username]
        if not self.keyring_available():
            return None
        import keyring

        try:
            return keyring.get_password(KEYRING_SERVICE, username)
        except Exception:  # a broken backend (locked, D-Bus gone) is "no password"
            log.exception("could not read the database password from the credential store")
            return None

    def set_password(self, values: dict[str, Any], password: str) -> bool:
        """Store the password; True when it went to the credential store, False when it is kept in
        memory for this run only (no working credential store). Never written to QSettings."""
        username = registry.credential_username(values)
        if self.keyring_available():
            import keyring

            try:
                if password:
                    keyring.set_password(KEYRING_SERVICE, username, password)
                else:
                    self._delete_password(username)
                self._memory_passwords.pop(username, None)
                return True
            except Exception:  # fall back to memory, never to plain text
                log.exception("could not save the database password in the credential store")
        if password:
            self._memory_passwords[username] = password
        else:
            self._memory_passwords.pop(username, None)
        return False

    @staticmethod
    def _delete_password(username: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, username)
        except PasswordDeleteError:
            pass
