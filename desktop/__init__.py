"""StationDesk (派出所综合指挥室工作台): command-room case management for a police station."""

__version__ = "0.1.0"
