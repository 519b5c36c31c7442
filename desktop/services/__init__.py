"""Use cases in plain Python (import, repeat detection, briefing, work orders, mediation…); no Qt."""
