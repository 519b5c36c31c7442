"""Run one benchmark case: ``python benchmarks/run.py CASE [--size N] [--db URL]``.

``--list`` names the cases. Each case prints one line per figure on stdout::

    CASE figure: VALUE unit (raw baseline: VALUE unit, ratio R)

with the raw baseline measured in the same run (figures without a baseline omit the parenthesis).
Later issues add their cases in a module of this folder and name it in ``CASE_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import DEFAULT_SIZE  # noqa: E402
from benchmarks.harness import Options, list_cases, run_case  # noqa: E402

# Modules that register cases (``@case(...)``), in the order their issues added them.
CASE_MODULES: tuple[str, ...] = (
    "benchmarks.cases_db",
    "benchmarks.cases_list",
    "benchmarks.cases_app",
    "benchmarks.cases_incidents",
    "benchmarks.cases_work_orders",
    "benchmarks.cases_cases",
    "benchmarks.cases_briefing",
    "benchmarks.cases_disputes",
    "benchmarks.cases_desks",
    "benchmarks.cases_reports",
    "benchmarks.cases_statistics",
)


def load_cases() -> None:
    for name in CASE_MODULES:
        importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description="Run a StationDesk benchmark case.")
    parser.add_argument("case", nargs="?", help="the case to run (see --list)")
    parser.add_argument("--list", action="store_true", help="name the cases and exit")
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE,
                        help=f"incidents in the generated database (default {DEFAULT_SIZE:,})")
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file (default: per case, under "
                                                    "benchmarks/data/)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of repeated measurements (median reported)")
    parser.add_argument("--desks", type=int, default=8, help="simulated desks (the desks case)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the desks work (the desks case)")
    args = parser.parse_args(argv)
    load_cases()
    if args.list:
        list_cases()
        return 0
    if not args.case:
        parser.error("name a case, or --list")
    if args.size < 1:
        parser.error("--size must be at least 1")
    return run_case(args.case, Options(size=args.size, db=args.db, repeat=args.repeat, desks=args.desks,
                                     seconds=args.seconds))


if __name__ == "__main__":
    raise SystemExit(main())
