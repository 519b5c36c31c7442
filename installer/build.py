"""Build StationDesk's bundle on this machine, measure it, and on Windows make the setup file.

    python installer/build.py           # bundle (+ setup on Windows), size and start-time report
    python installer/build.py --check   # the same, then the bundle's --self-check; non-zero on failure

Everything goes under build/ (work files build/pyinstaller, bundle build/dist/StationDesk, setup
file build/setup). Run with the Python of the environment StationDesk is installed in, with the
``build`` extra: ``pip install -e .[build]``. Nothing here reaches the network.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "stationdesk.spec"
ISS = ROOT / "installer" / "stationdesk.iss"
BUILD = ROOT / "build"
WORK = BUILD / "pyinstaller"
DIST = BUILD / "dist"
BUNDLE = DIST / "StationDesk"
SETUP_DIR = BUILD / "setup"
WINDOWS = sys.platform == "win32"
START_RATIO_TARGET = 1.2
TIMING_RUNS = 3


def log(text: str) -> None:
    print(text, flush=True)


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    return __version__


def make_icon() -> Path | None:
    """The Windows .ico for the executables and the setup, drawn from resources/icons with Qt (a
    dependency already; no Pillow needed). None when Qt cannot write ICO."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    from desktop.resources import icon_paths

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    png = next((p for p in icon_paths() if p.suffix == ".png"), None)
    image = QImage(str(png)) if png else QImage()
    target = BUILD / "station-desk.ico"
    if image.isNull():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.scaled(256, 256).save(str(target), "ICO"):
        return None
    return target


def build_bundle() -> float:
    """Run PyInstaller on the spec into a clean work folder; returns the seconds it took."""
    for folder in (WORK, BUNDLE):
        shutil.rmtree(folder, ignore_errors=True)
    env = dict(os.environ)
    icon = make_icon() if WINDOWS else None
    if icon:
        env["STATION_DESK_ICON"] = str(icon)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--workpath", str(WORK), "--distpath", str(DIST), str(SPEC)]
    log("+ " + " ".join(cmd))
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def executable() -> Path:
    return BUNDLE / ("station-desk.exe" if WINDOWS else "station-desk")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def size_report(top: int = 12) -> int:
    """Print the bundle's total size and its biggest contributors; returns the total in bytes."""
    total = folder_size(BUNDLE)
    contents = BUNDLE / "_internal" if (BUNDLE / "_internal").is_dir() else BUNDLE
    parts: dict[str, int] = {}
    for p in contents.rglob("*"):
        if p.is_file() and not p.is_symlink():
            rel = p.relative_to(contents).parts
            # Qt's libraries and plugins are the bulk: show them one level deeper.
            key = "/".join(rel[:3]) if rel[:2] == ("PySide6", "Qt") and len(rel) > 3 else rel[0]
            parts[key] = parts.get(key, 0) + p.stat().st_size
    log(f"bundle: {BUNDLE}  total {total / 1e6:.1f} MB in {sum(1 for _ in BUNDLE.rglob('*'))} files")
    for name, size in sorted(parts.items(), key=lambda kv: -kv[1])[:top]:
        log(f"  {size / 1e6:7.1f} MB  {name}")
    return total


def self_check(cmd: list[str], *, env: dict[str, str]) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                            env=env, timeout=300)
    return result.returncode, result.stdout + result.stderr, time.perf_counter() - started


def check_env() -> dict[str, str]:
    """The self-check's environment: offscreen Qt, a throw-away data folder, no source tree on
    the path (the bundle must not find the project's files by accident)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "STATION_DESK_RESOURCES_DIR")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["STATION_DESK_DATA_DIR"] = str(BUILD / "self-check-data")
    return env


def source_command() -> list[str]:
    script = Path(sys.executable).with_name("station-desk.exe" if WINDOWS else "station-desk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "desktop"]


def timing_report(env: dict[str, str]) -> tuple[float, float]:
    """Median wall time of ``--self-check`` from the bundle and from the source install. Each runs once
    untimed first (a freshly built bundle is not yet in the disk cache, the source install is), then
    the two alternate so both see the same machine load."""
    commands = {"bundle": [str(executable()), "--self-check"], "source": [*source_command(), "--self-check"]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(TIMING_RUNS + 1):
        for name, cmd in commands.items():
            code, output, seconds = self_check(cmd, env=env)
            if code != 0:
                raise SystemExit(f"self-check failed ({' '.join(cmd)}):\n{output}")
            if round_:  # round 0 warms the caches
                times[name].append(seconds)

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    bundled, source = median(times["bundle"]), median(times["source"])
    ratio = bundled / source if source else float("inf")
    verdict = "ok" if ratio <= START_RATIO_TARGET else f"ABOVE the {START_RATIO_TARGET} target"
    log(f"start (--self-check, median of {TIMING_RUNS}): bundle {bundled:.2f} s, source install {source:.2f} s, "
        f"ratio {ratio:.2f} ({verdict})")
    return bundled, source


def missing_qt_libraries() -> list[str]:
    """Linux: Qt libraries a bundled Qt module or plugin links to but the bundle lacks (the spec's
    library filter went too far). The self-check runs offscreen, so this covers the xcb plugin."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    problems = []
    for lib in sorted(BUNDLE.rglob("PySide6/**/*.so*")):
        output = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False).stdout
        problems += [f"{lib.name}: {line.split()[0]}" for line in output.splitlines()
                     if "not found" in line and line.strip().startswith("libQt6")]
    return problems


def find_iscc() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.is_file():
            return candidate
    return None


def build_setup(version: str) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        log("Inno Setup 6 (ISCC.exe) not found: the bundle is built, the setup file is not "
            "(see installer/README.md)")
        return None
    icon = BUILD / "station-desk.ico"
    cmd = [str(iscc), f"/DAppVersion={version}", f"/DBundleDir={BUNDLE}", f"/DOutputDir={SETUP_DIR}"]
    if icon.is_file():
        cmd.append(f"/DSetupIcon={icon}")
    cmd.append(str(ISS))
    log("+ " + " ".join(cmd))
    subprocess.run(cmd, check=True)
    setups = sorted(SETUP_DIR.glob("StationDesk-*-setup.exe"), key=lambda p: p.stat().st_mtime)
    if setups:
        log(f"setup: {setups[-1]}  {setups[-1].stat().st_size / 1e6:.1f} MB")
        return setups[-1]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run the bundled self-check; fail when it fails")
    parser.add_argument("--no-timing", action="store_true", help="skip the start-time comparison")
    parser.add_argument("--no-setup", action="store_true", help="Windows: do not run Inno Setup")
    args = parser.parse_args(argv)

    version = app_version()
    log(f"StationDesk {version}: building on {sys.platform} with Python {sys.version.split()[0]}")
    seconds = build_bundle()
    log(f"PyInstaller: {seconds:.0f} s")
    size_report()
    env = check_env()
    failed = False
    if args.check:
        code, output, took = self_check([str(executable()), "--self-check"], env=env)
        log(output.rstrip())
        log(f"bundled self-check: exit {code} in {took:.2f} s")
        failed = code != 0
        missing = missing_qt_libraries()
        for line in missing:
            log(f"missing Qt library: {line}")
        failed = failed or bool(missing)
    if not failed and not args.no_timing:
        timing_report(env)
    if WINDOWS and not args.no_setup and not failed:
        build_setup(version)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
