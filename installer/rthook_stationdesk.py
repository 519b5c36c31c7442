"""PyInstaller runtime hook: runs in the bundle before StationDesk's own code."""

import os
import sys

# Only PySide6 is bundled: pyqtgraph must not probe for PyQt5/PyQt6/PySide2 first.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

# The windowed StationDesk.exe has no console: sys.stdout/stderr are None there, and a library
# (or desktop.cli's final flush) writing to them would end in an error box. Send them nowhere.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
