"""Saved layouts of the documents a station sends out (the HQ workbook's export profiles)."""

from __future__ import annotations

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, StationScoped, Tracked


class ExportProfile(StationScoped, Tracked, Base):
    """A named HQ-workbook layout: the sheets, the columns of each and the masking choice, so a
    station sends the same layout every month (desktop/services/hq_export.py reads the config)."""

    __tablename__ = "export_profiles"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    # {"sheets": [key, ...], "columns": {sheet key: [column key, ...]}, "mask": bool}
    config: Mapped[dict] = mapped_column(JSON, nullable=False)
