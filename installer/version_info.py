"""Windows version resource of the StationDesk executables, built from desktop.__version__ (the one
place the version is written) so Explorer's "Details" tab and the installer agree."""

from __future__ import annotations

import re

COMPANY = "StationDesk team"
PRODUCT = "StationDesk 派出所综合指挥室工作台"
COPYRIGHT = "© StationDesk team"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0); a suffix such as '1.2.0rc1' keeps its numeric part."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def version_info(version: str, *, file_name: str, description: str):
    """A PyInstaller ``VSVersionInfo`` for one executable (Windows only; ignored elsewhere)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004,
                          fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            # 0804 = Chinese (PRC), 04B0 = Unicode.
            StringFileInfo([StringTable("080404B0", [
                StringStruct("CompanyName", COMPANY),
                StringStruct("FileDescription", description),
                StringStruct("FileVersion", version),
                StringStruct("InternalName", file_name),
                StringStruct("LegalCopyright", COPYRIGHT),
                StringStruct("OriginalFilename", f"{file_name}.exe"),
                StringStruct("ProductName", PRODUCT),
                StringStruct("ProductVersion", version),
            ])]),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
