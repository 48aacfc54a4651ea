"""Lighthouse on the built site, served locally as GitHub Pages would: 3 pages, phone and desktop.

    uv run sitecheck lighthouse                 # builds the site, runs 6 audits, prints a table
    uv run sitecheck lighthouse --site site/    # an already built site
    uv run sitecheck lighthouse --runs 1        # one run per page and preset (default 3, median)
    uv run sitecheck lighthouse --json          # the same, for machines

Needs Node 18+ (npx fetches the pinned Lighthouse into npm's cache: nothing is added
to the repository) and Chromium at /usr/bin/chromium. No request leaves the machine:
Chromium resolves every host but 127.0.0.1 to "not found".
Exits 1 when a run misses a target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass

from sitecheck.browser import CHROMIUM, INSTALL_HINT, chromium_available, serve, site_pages
from sitecheck.cli import built_site, site_argument, table
from sitecheck.settings import section

LIGHTHOUSE = "lighthouse@12.8.2"  # 12.x runs on Node 18/20; 13 needs Node 22
PAGES = {"home": "index.html", "approved-therapies": "approved-therapies/index.html",
         "how-genes-work": "how-genes-work/index.html"}  # name: built file
PRESETS = ["mobile", "desktop"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',  # nothing reaches the internet
]
# The guide's aims. Performance is held to its target on phones, the harder case.
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_BYTES = section("page_weight")["max_kb"] * 1024  # the same goal as the benchmark's


@dataclass(frozen=True)
class Run:
    page: str
    preset: str
    performance: float
    accessibility: float
    best_practices: float
    seo: float
    total_bytes: int
    fcp_ms: float  # first contentful paint
    lcp_ms: float  # largest contentful paint
    failed_audits: list[str]

    def misses(self) -> list[str]:
        """What keeps this run below its targets (empty when it meets them all)."""
        scores = {"performance": self.performance, "accessibility": self.accessibility,
                  "best-practices": self.best_practices, "seo": self.seo}
        missed = [f"{name} {scores[name]:.2f} < {target}" for name, target in TARGETS.items()
                  if scores[name] < target and (name != "performance" or self.preset == "mobile")]
        if self.total_bytes > MAX_BYTES:
            missed.append(f"{self.total_bytes / 1024:.0f} KB > {MAX_BYTES // 1024} KB")
        return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck lighthouse", description=__doc__.splitlines()[0])
    site_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset; the median is kept (default 3)")
    args = parser.parse_args(argv)
    if not chromium_available():
        sys.exit(INSTALL_HINT)
    npx = shutil.which("npx")
    if not npx:
        sys.exit("npx is not installed: run `apt-get update && apt-get install -y nodejs npm`.")
    site = built_site(args.site)
    addresses = {page.file: page.address for page in site_pages(site)}
    missing = [file for file in PAGES.values() if file not in addresses]
    if missing:
        sys.exit(f"not in the built site: {', '.join(missing)}")
    runs = []
    with serve(site) as server:
        for name, file in PAGES.items():
            address = addresses[file]
            for preset in PRESETS:
                print(f"lighthouse: {name} ({preset}) x{args.runs}...", file=sys.stderr)
                runs.append(_median([_run(npx, server.url + address, name, preset) for _ in range(max(1, args.runs))]))
    print(json.dumps([asdict(run) for run in runs], indent=2) if args.json else _as_text(runs))
    return 1 if any(run.misses() for run in runs) else 0


def _run(npx: str, url: str, name: str, preset: str) -> Run:
    command = [
        npx, "--yes", LIGHTHOUSE, url, "--output=json", "--output-path=stdout", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")  # mobile is Lighthouse's default: a mid-range phone on slow 4G
    run = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        sys.exit(f"lighthouse failed on {url} ({preset}), exit {run.returncode}:\n{run.stderr[-3000:]}")
    if report.get("runtimeError"):
        sys.exit(f"lighthouse could not load {url}: {report['runtimeError']}")
    scores = {category: report["categories"][category]["score"] or 0.0 for category in CATEGORIES}
    failed = sorted(
        f"{category}: {ref['id']}"
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0 and (report["audits"][ref["id"]].get("score") is not None)
        and report["audits"][ref["id"]]["score"] < 1
        and report["audits"][ref["id"]].get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    )
    return Run(name, preset, scores["performance"], scores["accessibility"], scores["best-practices"], scores["seo"],
               int(report["audits"]["total-byte-weight"]["numericValue"]),
               report["audits"]["first-contentful-paint"]["numericValue"],
               report["audits"]["largest-contentful-paint"]["numericValue"], failed)


def _median(runs: list[Run]) -> Run:
    """The run with the median performance score. Simulated throttling scales the CPU time this
    machine measured, so one run swings with whatever else is running (Lighthouse advises a median)."""
    return sorted(runs, key=lambda run: run.performance)[len(runs) // 2]


def _as_text(runs: list[Run]) -> str:
    header = ["page", "preset", "performance", "accessibility", "best practices", "SEO", "transferred",
              "FCP", "LCP", "meets targets"]
    rows = [[run.page, run.preset, f"{run.performance:.2f}", f"{run.accessibility:.2f}", f"{run.best_practices:.2f}",
             f"{run.seo:.2f}", f"{run.total_bytes / 1024:.0f} KB", f"{run.fcp_ms / 1000:.1f} s",
             f"{run.lcp_ms / 1000:.1f} s", "; ".join(run.misses()) or "yes"] for run in runs]
    lines = [table(rows, header)]
    for run in runs:
        if run.failed_audits:
            lines.append(f"\n{run.page} ({run.preset}), audits below full marks: " + ", ".join(run.failed_audits))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
