"""Workbooks written by the tests in the manner of other offices (see test_corpus.py)."""
