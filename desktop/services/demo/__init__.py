"""The demo station: a realistic, deterministic 城关派出所 with years of records (no Qt, no commit).

``generate_demo(session, years=3, seed=1, today=…)`` fills an empty, migrated database with one
station and everything belonging to it: units, communities, grids, staff and demo log-ins, the
110 taxonomy, N years of incidents (daily, weekly and seasonal rhythm, crime falling year on year),
planted repeat calls with their clusters, cases and their legal clocks, warnings, briefings with
directives, work orders in every state with consistent histories, and disputes with parties,
sessions, agreements, follow-ups and transfers.

All data is a pure function of ``(seed, years, today)``: one ``random.Random(seed)``, no wall
clock, deterministic password salts. Rows are written with Core bulk inserts on the session's
connection, with primary keys allocated here, so links are made without round trips; the caller
owns the transaction. Every timestamp lies before ``today`` 00:00.

The package is split by what is generated: ``data`` (fixed lists and texts), ``context`` (ids,
bulk inserts, progress), ``people`` (names, phones, addresses), then one mixin per stage —
``org``, ``incidents``, ``disputes``, ``cases``, ``orders`` — combined in ``generator``.
"""

from desktop.services.demo.data import DEMO_ACCOUNTS, DEMO_PASSWORD, STATION_CODE
from desktop.services.demo.generator import DemoSummary, generate_demo

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "STATION_CODE", "DemoSummary", "generate_demo"]
