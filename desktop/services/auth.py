"""Password hashing with argon2 (DESIGN.md §6): argon2-cffi's PasswordHasher, default parameters."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = ["hash_password", "needs_rehash", "verify_password"]

_hasher = PasswordHasher()


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """An argon2id hash of ``password``. ``salt`` is for reproducible demo data only; leave it None
    (a fresh random salt) for real accounts."""
    return _hasher.hash(password, salt=salt)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; False on a mismatch, an empty or a malformed hash."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than the current defaults."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except (InvalidHashError, ValueError):
        return True
