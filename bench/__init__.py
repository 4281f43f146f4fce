"""Throughput and memory benchmarks of the nightly job (`make bench`, never part of the tests)."""
