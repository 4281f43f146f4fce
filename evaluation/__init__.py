"""Offline evaluation of the extractor against labelled sets (not part of the nightly job)."""
