"""Reading-level report: each page's scores, the site median and each page's hardest sentences.

    uv run sitecheck readability            # builds the site, prints the table
    uv run sitecheck readability --json     # the same, for machines

The Spanish pages (docs-es/, built into the site's es/) follow, scored with the Spanish
formulas: Szigriszt-Pazos on the INFLESZ scale and Fernández Huerta (sitecheck/readability_es.py).

Exits 1 when a page is over its limit: the same rule as the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from sitecheck import readability, readability_es
from sitecheck.build import ROOT
from sitecheck.cli import built_site, site_argument, table
from sitecheck.settings import section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck readability", description=__doc__.splitlines()[0])
    site_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    site = built_site(args.site)
    try:
        reports = readability.report_site(site, ROOT / "docs")
    except readability.LimitError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    spanish = readability_es.report_site(site / "es", ROOT / "docs-es") if (site / "es").is_dir() else []
    median = readability.median([report.scores.fkgl for report in reports])
    if args.json:
        print(_as_json(reports, median, spanish))
    else:
        print(_as_text(reports, median) + "\n\n" + _spanish_text(spanish))
    return 0 if all(report.passed for report in [*reports, *spanish]) else 1


def _spanish_text(reports: list[readability_es.PageReport]) -> str:
    """The Spanish pages: INFLESZ (Szigriszt-Pazos) and Fernández Huerta, higher is easier."""
    if not reports:
        return "Spanish pages: none built (build the Spanish site into the site's es/)."
    rows = [[r.page, r.scores.words, r.scores.sentences, f"{r.scores.inflesz:.1f}", readability_es.scale(r.scores.inflesz),
             f"{r.scores.fernandez_huerta:.1f}", f"{r.limits.min_inflesz:g}", "ok" if r.passed else "UNDER"] for r in reports]
    header = ["page", "words", "sentences", "INFLESZ", "scale", "Fernández Huerta", "minimum", ""]
    target = reports[0].limits.target_inflesz
    median = readability.median([r.scores.inflesz for r in reports])
    out = ["Spanish pages (Szigriszt-Pazos on the INFLESZ scale, and Fernández Huerta: higher is easier)",
           table(rows, header), "", f"Median INFLESZ: {median:.1f} (aim: {target:g} or higher)"]
    under = [r.failure() for r in reports if not r.passed]
    if under:
        out += ["", "Under the limit:", *under]
    out += _hardest("Hardest Spanish sentences", reports, lambda s: f"{readability_es.score([s]).inflesz:6.1f}")
    return "\n".join(out)


def _hardest(title: str, reports: list, measure) -> list[str]:
    """Each page's hardest sentences, with the language's measure of each."""
    out = [f"\n{title} (fix these first):"]
    for report in reports:
        out.append(f"\n{report.page}")
        out += [f"  {measure(s)}  {s}" for s in report.hardest]
    return out


def _as_json(reports: list[readability.PageReport], median: float, spanish: list | None = None) -> str:
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
    spanish_pages = [
        {"page": r.page, **dataclasses.asdict(r.scores), "limits": dataclasses.asdict(r.limits), "passed": r.passed,
         "hardest": r.hardest, "hard_units": [{"inflesz": value, "text": text} for value, text in r.hard_units]}
        for r in spanish or []
    ]
    return json.dumps({"median_fkgl": median, "pages": pages, "spanish_pages": spanish_pages}, indent=2, ensure_ascii=False)


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
    out += _hardest("Hardest sentences", reports, lambda s: f"{readability.sentence_difficulty(s):5.1f}")
    return "\n".join(out)


