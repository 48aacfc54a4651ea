"""The limits and goals, in one place: `[tool.sitecheck.*]` in pyproject.toml."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from sitecheck.site import ROOT


@lru_cache(maxsize=None)
def settings(pyproject: Path = ROOT / "pyproject.toml") -> dict:
    with pyproject.open("rb") as handle:
        return tomllib.load(handle).get("tool", {}).get("sitecheck", {})


def section(name: str) -> dict:
    return dict(settings().get(name, {}))
