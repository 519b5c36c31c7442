"""Translate driver and SQLAlchemy errors into the application's typed errors, in Chinese."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError

from desktop.errors import ConflictError, ConnectionLost, DatabaseError, StationDeskError

# (substring of the driver message, lower-case) → (message, hint)
_PATTERNS: list[tuple[tuple[str, ...], str, str | None]] = [
    (("readonly database", "read-only", "read only"), "数据库是只读的，无法保存",
     "请检查文件权限或磁盘是否写保护"),
    (("disk is full", "no space left", "disk full", "could not extend file"), "磁盘空间已满，本次操作未保存",
     "请清理磁盘后重试"),
    (("database is locked",), "数据库正被其他程序占用", "请稍后重试，或关闭同时打开此文件的程序"),
    (("file is not a database", "file is encrypted"), "这个文件不是 StationDesk 数据库", "请选择正确的数据库文件"),
    (("unable to open database file",), "无法打开数据库文件", "请检查路径和文件权限"),
    (("password authentication failed", "access denied", "authentication failed"), "数据库用户名或密码错误",
     "请在设置中检查数据库账号"),
    (("does not exist", "unknown database"), "服务器上没有这个数据库", "请检查数据库名，或请管理员先创建数据库"),
    (("connection refused", "can't connect", "could not connect", "timeout expired", "timed out",
      "name or service not known", "could not translate host name", "no route to host",
      "server closed the connection", "lost connection", "connection is closed", "server has gone away",
      "terminating connection", "connection reset"),
     "无法连接数据库服务器", "请检查网络、服务器地址和端口，以及服务器是否已开启"),
]
_CONNECTION_MESSAGE = "无法连接数据库服务器"


def describe_db_error(error: BaseException) -> DatabaseError:
    """The :class:`DatabaseError` a user should see for a low-level error."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return DatabaseError("磁盘空间已满，本次操作未保存", hint="请清理磁盘后重试")
    raw = str(getattr(error, "orig", None) or error)
    lowered = raw.lower()
    for needles, message, hint in _PATTERNS:
        if any(n in lowered for n in needles):
            # A lost connection is its own type: forms keep the input and retry when it is back.
            kind = ConnectionLost if message == _CONNECTION_MESSAGE else DatabaseError
            return kind(message, hint=hint)
    first_line = raw.strip().splitlines()[0] if raw.strip() else type(error).__name__
    return DatabaseError(f"数据库错误：{first_line[:200]}")


@contextlib.contextmanager
def translate_error() -> Iterator[None]:
    """Re-raise SQLAlchemy and driver errors as :class:`StationDeskError` subclasses."""
    try:
        yield
    except StationDeskError:
        raise
    except StaleDataError as e:
        raise _stale_error() from e
    except sa_exc.IntegrityError as e:
        raise _constraint_error(e) from e
    except sa_exc.OperationalError as e:
        # MariaDB reports a failed CHECK as an operational error (4025), not an integrity error.
        if getattr(e.orig, "args", (None,))[0] == 4025:
            raise _constraint_error(e) from e
        # SQLite WAL: this transaction read an older snapshot than a colleague's committed write.
        if getattr(e.orig, "sqlite_errorname", None) == "SQLITE_BUSY_SNAPSHOT":
            raise _stale_error() from e
        raise describe_db_error(e) from e
    except (sa_exc.InterfaceError, sa_exc.DatabaseError) as e:
        raise describe_db_error(e) from e
    except sa_exc.ArgumentError as e:
        raise DatabaseError(f"数据库设置有误：{e}") from e
    except sa_exc.NoSuchModuleError as e:
        raise DatabaseError(f"缺少数据库驱动：{e}") from e
    except OSError as e:
        raise describe_db_error(e) from e


def _constraint_error(e: sa_exc.DBAPIError) -> ConflictError:
    return ConflictError("保存失败：与已有记录重复，或内容不完整、不合规定", hint=str(e.orig).splitlines()[0][:200])


def _stale_error() -> ConflictError:
    return ConflictError(
        "这条记录已被其他人修改或删除，本次保存未生效", hint="请刷新后再修改，您填写的内容仍保留在表单中"
    )
