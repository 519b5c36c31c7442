"""Files attached to a work order's feedback (photos, scanned documents), kept in the database. No Qt."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import undefer

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import NotFound, PermissionDenied, StationDeskError, ValidationError
from desktop.models import Attachment, Staff, WorkOrder
from desktop.models.enums import AttachmentOwner, AttachmentStorage, AuditAction
from desktop.services.accounts import LoginResult
from desktop.services.permissions import allowed

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
# Types a scan or phone photo commonly has that mimetypes does not know everywhere (Windows registry).
_EXTRA_TYPES = {".heic": "image/heic", ".webp": "image/webp", ".ofd": "application/ofd"}


class AttachmentCorrupt(StationDeskError):
    """The stored bytes no longer match the hash recorded when the file was attached."""

    code = "attachment_corrupt"


def mime_type_of(file_name: str) -> str:
    suffix = Path(file_name).suffix.lower()
    return _EXTRA_TYPES.get(suffix) or mimetypes.guess_type("x" + suffix)[0] or "application/octet-stream"


def add_attachment(db: Database, login: LoginResult, order_id: int, path: str | Path) -> int:
    """Store the file at ``path`` with the order (bytes, SHA-256, type from the extension); returns the
    attachment's id. The command room, and the order's unit or assignee, may attach files."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}", fields={"path": "文件不存在"})
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(f"文件太大（{size / 1048576:.1f} MB），附件不能超过 {MAX_ATTACHMENT_BYTES // 1048576} MB",
                              fields={"path": "文件太大"})
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ValidationError(f"无法读取文件：{path}（{e.strerror or e}）", fields={"path": "无法读取"}) from e
    roles = {str(r) for r in login.roles}
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = s.execute(select(WorkOrder.number, WorkOrder.unit_id, WorkOrder.assignee_id)
                        .where(WorkOrder.id == order_id)).first()
        if row is None:
            raise NotFound("找不到这张工单，可能已被删除。", hint="请刷新列表。")
        number, unit_id, assignee_id = row
        my_unit = s.scalar(select(Staff.unit_id).where(Staff.id == login.staff_id))
        member = (my_unit is not None and my_unit == unit_id) or assignee_id == login.staff_id
        if not (allowed(roles, "workorder.issue") or allowed(roles, "workorder.handle_any")
                or (allowed(roles, "workorder.handle") and member)):
            raise PermissionDenied(f"只有指挥室或承办单位的人员可以给工单 {number} 添加附件")
        attachment = Attachment(
            station_id=login.station_id, owner_kind=AttachmentOwner.WORK_ORDER, owner_id=order_id,
            file_name=path.name[:260], mime_type=mime_type_of(path.name), size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(), storage=AttachmentStorage.DATABASE, data=data,
        )
        s.add(attachment)
        s.flush()
        return attachment.id


def attachment_bytes(db: Database, station_id: int, attachment_id: int, *,
                     staff_id: int | None = None) -> tuple[str, bytes]:
    """The file name and bytes of an attachment (to open or save), after checking them against the
    recorded SHA-256: when they differ the mismatch is written to the audit log (attributed to
    ``staff_id``) and :class:`AttachmentCorrupt` is raised."""
    with db.session(station_id=station_id) as s:
        att = s.scalars(select(Attachment).where(Attachment.id == attachment_id).options(undefer(Attachment.data))
                        ).first()
        if att is None:
            raise NotFound("找不到这个附件，可能已被删除。")
        if att.storage == AttachmentStorage.DATABASE:
            data = bytes(att.data or b"")
        else:
            try:
                data = Path(att.path or "").read_bytes()
            except OSError as e:
                raise NotFound(f"附件文件不在了：{att.path}") from e
        name, expected = att.file_name, att.sha256
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        with db.transaction(station_id=station_id, staff_id=staff_id) as s:
            record_event(s, AuditAction.OTHER, table_name="attachments", record_id=attachment_id,
                         summary=f"附件校验失败：“{name}”的内容与登记时的 SHA-256 不符（可能在系统外被改动）",
                         changes={"sha256": [expected, actual]})
        raise AttachmentCorrupt(f"附件“{name}”的内容与登记时的校验值不符，文件可能已被改动或损坏",
                                hint="请勿使用此文件，并报告管理员")
    return name, data


__all__ = ["MAX_ATTACHMENT_BYTES", "AttachmentCorrupt", "add_attachment", "attachment_bytes", "mime_type_of"]
