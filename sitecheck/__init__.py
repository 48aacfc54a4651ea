"""Checks and helpers shared by the MkDocs hooks, the maintainer scripts and the tests."""
