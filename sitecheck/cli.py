"""Small pieces the maintainer commands (sitecheck/commands/) share."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from sitecheck.build import ROOT, build, build_site


def site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", type=Path, help="an already built site folder (default: build the site now, strictly)"
    )


def built_site(site: Path | None, config_file: Path = ROOT / "mkdocs.yml") -> Path:
    """The site to check: the one given, or a fresh strict build in a temp folder (the guide: both languages)."""
    if site is not None:
        return site
    folder = Path(tempfile.mkdtemp(prefix="guide-site-"))
    result = build_site(folder) if config_file.resolve() == ROOT / "mkdocs.yml" else build(config_file, folder)
    if not result.ok:
        problems = [line for line in result.log.splitlines() if not line.startswith("INFO")]
        sys.exit("The site does not build (mkdocs build --strict):\n" + "\n".join(problems))
    return result.site_dir


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain-text table with aligned columns."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = lambda row: "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip()
    return "\n".join([line(header), line(["-" * width for width in widths]), *map(line, rows)])
