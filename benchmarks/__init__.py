"""Run by hand: synthetic ledgers and the throughput/memory benchmark (never a timed test)."""
