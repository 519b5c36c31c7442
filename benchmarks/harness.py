"""The benchmark runner's registry, options and output format.

A case is a function ``case(opts: Options) -> None`` registered with :func:`case`; it prints its
figures with :func:`report`, one line each, on stdout::

    CASE figure: VALUE unit (raw baseline: VALUE unit, ratio R)
    CASE figure: VALUE unit

``ratio`` is always the cost relative to the raw baseline (> 1 means slower than raw): for times
value / baseline, for rates (``…/s`` units) baseline / value. Everything else a case says (progress,
paths, notes) goes to stderr, so stdout holds only figure lines.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

FIGURE_RE = re.compile(
    r"^(?P<case>[\w.-]+) (?P<figure>[^:]+): (?P<value>-?[\d.]+) (?P<unit>\S+)"
    r"(?: \(raw baseline: (?P<baseline>-?[\d.]+) (?P<baseline_unit>\S+), ratio (?P<ratio>[\d.]+|inf)\))?$"
)


@dataclasses.dataclass(frozen=True)
class Options:
    size: int
    db: str | None          # --db as given (URL or SQLite path), or None for the case's default
    repeat: int = 5
    desks: int = 8          # the ``desks`` case: simulated desks (processes)
    seconds: float = 60.0   # the ``desks`` case: how long they work


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    description: str
    func: Callable[[Options], None]


class CaseUnavailable(Exception):
    """The case cannot run in this tree (e.g. the feature it measures is not there yet)."""


CASES: dict[str, Case] = {}


def case(name: str, description: str) -> Callable[[Callable[[Options], None]], Callable[[Options], None]]:
    """Register ``func`` as the case ``name`` (names are unique)."""

    def register(func: Callable[[Options], None]) -> Callable[[Options], None]:
        if name in CASES:
            raise ValueError(f"benchmark case {name!r} registered twice")
        CASES[name] = Case(name, description, func)
        return func

    return register


def fmt(value: float) -> str:
    """Three significant figures for small values, whole numbers from 100 up; no separators."""
    if value != value or value in (float("inf"), float("-inf")):  # NaN / inf
        return "0"
    a = abs(value)
    if a >= 100:
        return f"{value:.0f}"
    if a >= 10:
        return f"{value:.1f}"
    if a >= 1:
        return f"{value:.2f}"
    if a == 0:
        return "0"
    return f"{value:.3g}" if a >= 0.001 else f"{value:.6f}"


def is_rate(unit: str) -> bool:
    return unit.endswith("/s")


def report(case_name: str, figure: str, value: float, unit: str, baseline: float | None = None) -> str:
    """Print one figure line on stdout (flushed) and return it."""
    line = f"{case_name} {figure}: {fmt(value)} {unit}"
    if baseline is not None:
        if is_rate(unit):
            ratio = baseline / value if value else float("inf")
        else:
            ratio = value / baseline if baseline else float("inf")
        ratio_text = "inf" if ratio == float("inf") else f"{ratio:.2f}"
        line += f" (raw baseline: {fmt(baseline)} {unit}, ratio {ratio_text})"
    print(line, flush=True)
    return line


def note(text: str) -> None:
    """A remark for the reader (stderr), not a figure."""
    print(text, file=sys.stderr, flush=True)


def measure(func: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """Run ``func`` ``repeat`` times; the median and all the times in seconds."""
    times = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def list_cases(out=None) -> None:
    out = out or sys.stdout
    width = max((len(n) for n in CASES), default=0)
    for name in sorted(CASES):
        print(f"{name.ljust(width)}  {CASES[name].description}", file=out)


def run_case(name: str, opts: Options) -> int:
    found = CASES.get(name)
    if found is None:
        note(f"unknown case {name!r}; known cases: {', '.join(sorted(CASES))}")
        return 2
    try:
        found.func(opts)
    except CaseUnavailable as exc:
        note(f"{name}: not available: {exc}")
        return 3
    return 0


def describe_times(times: Sequence[float]) -> str:
    return ", ".join(f"{t:.3f}" for t in times)
