"""Benchmarks of StationDesk (not shipped): a data generator and one runner, ``benchmarks/run.py``."""
