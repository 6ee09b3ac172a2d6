"""Benchmarks: each prints its figures against a reference run alongside."""
