"""Lighthouse on every page of the built site, served locally as GitHub Pages would, phone and desktop.

    uv run sitecheck lighthouse                 # builds the site, audits every page, prints a table
    uv run sitecheck lighthouse --site site/    # an already built site
    uv run sitecheck lighthouse --runs 1        # one run per page and preset (default 3, median)
    uv run sitecheck lighthouse --page how-genes-work --page index   # only these pages
    uv run sitecheck lighthouse --json          # the same, for machines

Goals: `[tool.sitecheck.lighthouse]` (scores) and `[tool.sitecheck.weight]` (a first visit's
gzip bytes, counted by sitecheck/weight.py) in pyproject.toml. The table shows every page's
scores with PASS or FAIL per goal; the command exits 1 when any goal fails.

Needs Node 18+ (npx fetches the pinned Lighthouse into npm's cache: nothing is added
to the repository) and Chromium at /usr/bin/chromium. No request leaves the machine:
Chromium resolves every host but 127.0.0.1 to "not found". About 30 s per audit on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass

from sitecheck.build import ROOT
from sitecheck.browser import CHROMIUM, INSTALL_HINT, SitePage, chromium_available, serve, site_pages
from sitecheck.cli import built_site, site_argument, table
from sitecheck.pages import site_config
from sitecheck.settings import section
from sitecheck.weight import goal_bytes, site_weights

LIGHTHOUSE = "lighthouse@12.8.2"  # 12.x runs on Node 18/20; 13 needs Node 22
PRESETS = ["mobile", "desktop"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',  # nothing reaches the internet
]
# The 404 page is audited at its own address: at a missing one its status is 404, which Lighthouse refuses.
NOT_FOUND_FILE = "404.html"


def goals(preset: str) -> dict[str, float]:
    """Each category's lowest allowed score for a preset (pyproject.toml; performance only on phones)."""
    settings = section("lighthouse")
    found = {"accessibility": settings["accessibility"], "best-practices": settings["best_practices"],
             "seo": settings["seo"]}
    if preset == "mobile":
        found["performance"] = settings["mobile_performance"]
    return {category: float(value) for category, value in found.items()}


@dataclass(frozen=True)
class Run:
    page: str
    preset: str
    performance: float
    accessibility: float
    best_practices: float
    seo: float
    first_visit_gzip: int  # sitecheck/weight.py's count, the weight goal's measure
    total_bytes: int  # what Lighthouse saw transferred (lazy images below the fold are not)
    fcp_ms: float  # first contentful paint
    lcp_ms: float  # largest contentful paint
    tbt_ms: float  # total blocking time: the part that swings with the machine's load
    lcp_element: str
    benchmark_index: float  # Lighthouse's measure of this machine's speed during the run: lower = busier
    failed_audits: list[str]

    def score(self, category: str) -> float:
        return {"performance": self.performance, "accessibility": self.accessibility,
                "best-practices": self.best_practices, "seo": self.seo}[category]

    def misses(self) -> list[str]:
        """The goals this run fails (empty when it meets them all)."""
        missed = [f"{category} {self.score(category):.2f} < {goal:.2f}"
                  for category, goal in goals(self.preset).items() if self.score(category) < goal]
        if self.first_visit_gzip > goal_bytes():
            missed.append(f"first visit {self.first_visit_gzip / 1024:.1f} KB > {goal_bytes() / 1024:.0f} KB")
        return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck lighthouse", description=__doc__.splitlines()[0])
    site_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset; the median is kept (default 3)")
    parser.add_argument("--page", action="append", default=[], metavar="NAME",
                        help="only this page (its name in the table, e.g. how-genes-work); repeat for more")
    parser.add_argument("--preset", action="append", choices=PRESETS, default=[],
                        help="only this preset (mobile or desktop; default both)")
    args = parser.parse_args(argv)
    if not chromium_available():
        sys.exit(INSTALL_HINT)
    npx = shutil.which("npx")
    if not npx:
        sys.exit("npx is not installed: run `apt-get update && apt-get install -y nodejs npm`.")
    site = built_site(args.site)
    pages = {_name(page): page for page in site_pages(site)}
    unknown = [name for name in args.page if name not in pages]
    if unknown:
        sys.exit(f"no such page: {', '.join(unknown)} (pages: {', '.join(pages)})")
    chosen = {name: page for name, page in pages.items() if not args.page or name in args.page}
    weights = {w["page"]: w["total"]["gzip"] for w in site_weights(site, site_config(ROOT / "mkdocs.yml").get("site_url"))}
    runs = []
    with serve(site) as server:
        for name, page in chosen.items():
            address = NOT_FOUND_FILE if page.file == NOT_FOUND_FILE else page.address
            for preset in args.preset or PRESETS:
                print(f"lighthouse: {name} ({preset}) x{args.runs}...", file=sys.stderr)
                audits = [_run(npx, server.url + address, name, preset, weights[page.file]) for _ in range(max(1, args.runs))]
                runs.append(_median(audits))
    print(json.dumps([asdict(run) for run in runs], indent=2) if args.json else _as_text(runs))
    return 1 if any(run.misses() for run in runs) else 0


def _name(page: SitePage) -> str:
    """A page's short name: its folder ("how-genes-work"), "index" for the home page, "404"."""
    stem = page.file.removesuffix("index.html").strip("/") or "index"
    return stem.removesuffix(".html")


def _run(npx: str, url: str, name: str, preset: str, first_visit_gzip: int) -> Run:
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
               first_visit_gzip, int(report["audits"]["total-byte-weight"]["numericValue"]),
               report["audits"]["first-contentful-paint"]["numericValue"],
               report["audits"]["largest-contentful-paint"]["numericValue"],
               report["audits"]["total-blocking-time"]["numericValue"], _lcp_element(report),
               float(report.get("environment", {}).get("benchmarkIndex") or 0), failed)


def _lcp_element(report: dict) -> str:
    """What the largest contentful paint was: the element's label (or its tag)."""
    details = report["audits"].get("largest-contentful-paint-element", {}).get("details", {})
    for table_ in details.get("items", []):
        for item in table_.get("items", []):
            node = item.get("node")
            if node:
                return (node.get("nodeLabel") or node.get("snippet") or "")[:40]
    return ""


def _median(runs: list[Run]) -> Run:
    """The run with the median performance score. Simulated throttling scales the CPU time this
    machine measured, so one run swings with whatever else is running (Lighthouse advises a median)."""
    return sorted(runs, key=lambda run: run.performance)[len(runs) // 2]


def _cell(run: Run, category: str) -> str:
    """A score with PASS or FAIL against its goal; a bare score where there is no goal (desktop performance)."""
    goal = goals(run.preset).get(category)
    mark = "" if goal is None else (" PASS" if run.score(category) >= goal else " FAIL")
    return f"{run.score(category):.2f}{mark}"


def _as_text(runs: list[Run]) -> str:
    header = ["page", "preset", "performance", "accessibility", "best practices", "SEO", "first visit (gzip)",
              "transferred", "FCP", "LCP", "TBT", "machine", "largest paint", "result"]
    rows = [[run.page, run.preset, *(_cell(run, category) for category in CATEGORIES),
             f"{run.first_visit_gzip / 1024:.1f} KB " + ("PASS" if run.first_visit_gzip <= goal_bytes() else "FAIL"),
             f"{run.total_bytes / 1024:.0f} KB", f"{run.fcp_ms / 1000:.1f} s", f"{run.lcp_ms / 1000:.1f} s",
             f"{run.tbt_ms:.0f} ms", f"{run.benchmark_index:.0f}", run.lcp_element, "FAIL" if run.misses() else "PASS"] for run in runs]
    mobile = section("lighthouse")["mobile_performance"]
    lines = [f"Goals: performance >= {mobile} on phones; accessibility, best practices and SEO >= "
             f"{section('lighthouse')['accessibility']}; first visit <= {goal_bytes() / 1024:.0f} KB gzip.", "",
             table(rows, header),
             "machine: Lighthouse's benchmark index of this computer during the run (higher is faster). Under"
             " load it falls, and TBT and performance on phones fall with it: run again when the machine is quieter."]
    failed = [f"{run.page} ({run.preset}): {'; '.join(run.misses())}" for run in runs if run.misses()]
    lines.append(f"\n{len(runs) - len(failed)} of {len(runs)} audits meet every goal."
                 + ("".join(f"\nFAIL {line}" for line in failed)))
    for run in runs:
        if run.failed_audits:
            lines.append(f"\n{run.page} ({run.preset}), audits below full marks: " + ", ".join(run.failed_audits))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
