"""Attachments (photos, scanned documents) kept in the database or in a folder beside it."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Index, LargeBinary, String
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, deferred, mapped_column

from desktop.models.base import Base, BigId, Created, StationScoped, enum_check
from desktop.models.enums import AttachmentOwner, AttachmentStorage

# MySQL's BLOB stops at 64 KB; a scanned document needs LONGBLOB.
Blob = LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")


class Attachment(StationScoped, Created, Base):
    """A file attached to a record. ``sha256`` proves the bytes were not changed."""

    __tablename__ = "attachments"
    __table_args__ = (
        enum_check("owner_kind", AttachmentOwner),
        enum_check("storage", AttachmentStorage),
        CheckConstraint(
            "(storage = 'db' AND data IS NOT NULL) OR (storage = 'file' AND path IS NOT NULL)",
            name="storage_has_bytes",
        ),
        CheckConstraint("size_bytes >= 0", name="size_bytes"),
        Index("ix_attachments_owner", "station_id", "owner_kind", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    owner_id: Mapped[int] = mapped_column(BigId, nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)
    mime_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    storage: Mapped[str] = mapped_column(String(4), nullable=False)
    # Loaded only when opened: lists of attachments must not pull megabytes of bytes.
    data: Mapped[bytes | None] = deferred(mapped_column(Blob))
    path: Mapped[str | None] = mapped_column(String(500))
