"""Run every check: build the site strictly, then print each check's problems, grouped.

    uv run sitecheck check                  # build, then every check
    uv run sitecheck check --sources-only   # only the checks that read the sources (no build)
    uv run sitecheck check --site site/     # an already built site
    uv run sitecheck check --only privacy --only reading-level
    uv run sitecheck check --list           # the checks, and what each reads

The checks are the registry's (sitecheck/registry.py), the same the tests run.
Exits 1 when the site does not build or a check finds a problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitecheck.cli import built_site, site_argument, table
from sitecheck.registry import BUILT, CHECKS, run
from sitecheck.site import ROOT, Site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck check", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    site_argument(parser)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--sources-only", action="store_true", help="skip the build and the checks that need it")
    parser.add_argument("--only", action="append", choices=list(CHECKS), metavar="NAME", help="run only this check")
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    args = parser.parse_args(argv)
    if args.list:
        rows = [[name, check.needs, "each language" if check.each_language else "once", check.about] for name, check in CHECKS.items()]
        print(table(rows, ["check", "reads", "runs", "what"]))
        return 0
    names = args.only or list(CHECKS)
    needs_site = not args.sources_only and any(CHECKS[name].needs == BUILT for name in names)
    site = Site(args.config, built_site(args.site, args.config) if needs_site else None)
    found = run(site, names)
    for name, problems in found.items():
        if problems:
            print(f"\n{name}: {CHECKS[name].about}")
            print("\n".join(f"  {problem}" for problem in problems))
    total = sum(len(problems) for problems in found.values())
    failed = sum(1 for problems in found.values() if problems)
    print(f"\n{total} problem(s) from {failed} of {len(found)} checks." if total else f"All {len(found)} checks pass.",
          file=sys.stderr)
    return 1 if total else 0
