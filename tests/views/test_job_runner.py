"""The background job adapter: result, progress, error and a cancel that stops the work."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from desktop.errors import Cancelled, ValidationError
from desktop.views.job_runner import JobRunner, run_job


def test_result_comes_back_on_the_ui_thread(qapp):
    seen = []

    def work(progress, cancel):
        seen.append(threading.current_thread() is threading.main_thread())
        for i in range(1, 4):
            progress(i, 3, "step")
        return 42

    runner = JobRunner(None, title="t", label="l")
    updates = []
    runner.progressed.connect(lambda done, total, text: updates.append((done, total)))
    assert runner.run(work) == 42
    assert seen == [False]  # the work ran in the worker thread
    assert updates[-1] == (3, 3)


def test_error_is_raised_in_the_caller(qapp):
    def work(progress, cancel):
        raise ValidationError("坏数据")

    with pytest.raises(ValidationError, match="坏数据"):
        run_job(None, work, title="t", label="l")


def test_cancel_really_stops_the_work(qapp):
    started = threading.Event()
    steps = []

    def work(progress, cancel):
        started.set()
        for i in range(10_000):
            if cancel():
                raise Cancelled()
            steps.append(i)
            progress(i, 10_000, "")
            threading.Event().wait(0.001)
        return "finished"

    runner = JobRunner(None, title="t", label="l")
    QTimer.singleShot(50, runner.cancel)
    with pytest.raises(Cancelled):
        runner.run(work)
    assert started.is_set() and 0 < len(steps) < 10_000
