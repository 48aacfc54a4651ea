"""Reading-level report: each page's scores, the site median and each page's hardest sentences.

    uv run sitecheck readability            # builds the site, prints the table
    uv run sitecheck readability --json     # the same, for machines

Exits 1 when a page is over its limit: the same rule as the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from sitecheck import readability
from sitecheck.build import ROOT
from sitecheck.cli import built_site, site_argument, table
from sitecheck.settings import section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck readability", description=__doc__.splitlines()[0])
    site_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    try:
        reports = readability.report_site(built_site(args.site), ROOT / "docs")
    except readability.LimitError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    median = readability.median([report.scores.fkgl for report in reports])
    print(_as_json(reports, median) if args.json else _as_text(reports, median))
    return 0 if all(report.passed for report in reports) else 1


def _as_json(reports: list[readability.PageReport], median: float) -> str:
    pages = [
        {
            "page": report.page,
            **dataclasses.asdict(report.scores),
            "fkgl": report.scores.fkgl, "smog": report.scores.smog,
            "fre": report.scores.fre, "cli": report.scores.cli,
            "limits": dataclasses.asdict(report.limits),
            "passed": report.passed,
            "hardest": report.hardest,
            "hard_units": [{"fkgl": fkgl, "text": text} for fkgl, text in report.hard_units],
        }
        for report in reports
    ]
    return json.dumps({"median_fkgl": median, "pages": pages}, indent=2)


def _as_text(reports: list[readability.PageReport], median: float) -> str:
    rows = [
        [
            report.page, report.scores.words, report.scores.sentences, f"{report.scores.fkgl:.1f}",
            f"{report.scores.smog:.1f}", f"{report.scores.fre:.0f}", f"{report.scores.cli:.1f}",
            f"{report.limits.max_fkgl:g}/{report.limits.max_smog:g}", "ok" if report.passed else "OVER",
        ]
        for report in reports
    ]
    header = ["page", "words", "sentences", "FKGL", "SMOG", "FRE", "CLI", "limit", ""]
    target = section("readability").get("target_median_fkgl", 6.0)
    out = [table(rows, header), "", f"Site median FKGL: {median:.1f} (aim: {target:g} or lower)"]
    for report in reports:
        if report.limits.reason:
            out.append(f"{report.page} relaxes its limit: {report.limits.reason}")
    over = [report.failure() for report in reports if not report.passed]
    if over:
        out += ["", "Over the limit:", *over]
    out.append("\nHardest sentences (fix these first):")
    for report in reports:
        out.append(f"\n{report.page}")
        out += [f"  {readability.sentence_difficulty(s):5.1f}  {s}" for s in report.hardest]
    return "\n".join(out)


