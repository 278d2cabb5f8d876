"""Benchmarks and the soak: scripts run by hand or by make (bench-pages, soak), with their results in docs/."""
