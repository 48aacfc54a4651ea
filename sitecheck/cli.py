"""Small pieces the maintainer scripts share."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from sitecheck.build import build_site


def site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", type=Path, help="an already built site folder (default: build the site now, strictly)"
    )


def built_site(site: Path | None) -> Path:
    """The site to check: the one given, or a fresh strict build (both languages) in a temp folder."""
    if site is not None:
        return site
    result = build_site(Path(tempfile.mkdtemp(prefix="guide-site-")))
    if not result.ok:
        sys.exit(f"The site does not build:\n{result.log}")
    return result.site_dir


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain-text table with aligned columns."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = lambda row: "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip()
    return "\n".join([line(header), line(["-" * width for width in widths]), *map(line, rows)])
