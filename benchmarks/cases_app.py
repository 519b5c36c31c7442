"""Start-up of the desktop application (issue 3 Targets): process start to the log-in dialog painted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Options, case, describe_times, note, report

_BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget()
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("startup-probe bare", flush=True)
            obj.close()
        return False
probe = Probe()
w.installEventFilter(probe)
w.show()
app.exec()
"""


def _time_until_probe(cmd: list[str], env: dict[str, str]) -> float:
    """Wall clock from spawning ``cmd`` to its 'startup-probe' line."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("startup-probe"):
                return time.perf_counter() - started
        raise RuntimeError(f"{' '.join(cmd)} ended without reaching the probe (exit {proc.wait()})")
    finally:
        proc.kill()
        proc.wait()


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


@case("startup", "process start to the log-in dialog painted, on the demo database (or --db), vs a bare "
                 "PySide6 window (target: < 1.0 s)")
def startup_case(opts: Options) -> None:
    from desktop.db import open_database
    from desktop.services.bootstrap import create_demo_database, is_empty

    if opts.db:
        url = opts.db
    else:
        path = Path(__file__).resolve().parent / "data" / "demo-3y.db"
        path.parent.mkdir(exist_ok=True)
        url = str(path)
        db = open_database(url)
        empty = is_empty(db)
        db.dispose()
        if empty:
            note(f"making the demo database {path}")
            create_demo_database(url, years=3)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    app_env = dict(env, STATION_DESK_STARTUP_PROBE="login")
    runs = max(3, opts.repeat)
    app_cmd = [sys.executable, "-m", "desktop", "--db", url]
    bare_cmd = [sys.executable, "-c", _BARE_WINDOW]
    _time_until_probe(app_cmd, app_env)  # warm the file cache once, like a desk that has run before
    app_times = [_time_until_probe(app_cmd, app_env) for _ in range(runs)]
    bare_times = [_time_until_probe(bare_cmd, env) for _ in range(runs)]
    note("app: " + describe_times(app_times))
    note("bare: " + describe_times(bare_times))
    report("startup", "to login dialog", _median(app_times), "s", _median(bare_times))
