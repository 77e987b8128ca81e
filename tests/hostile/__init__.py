"""Hostile inputs, crash safety and concurrency (the "Reliability and security" suite)."""
