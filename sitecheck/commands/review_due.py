"""Review-due report: which pages are past their review date, and which fall due soon.

    uv run sitecheck review-due              # due within 30 days
    uv run sitecheck review-due --days 90
    uv run sitecheck review-due --json
    GUIDE_TODAY=2027-01-01 uv run sitecheck review-due   # as if it were another day

Every language's pages (mkdocs.yml `extra.languages`) are listed. A translated page whose
English twin was reviewed after the review it follows (`english_review`) is a stale translation.

Exit code: 0 when no page is overdue and no translation is stale, 1 when any page is overdue or
any translation stale, 2 when a page's review front matter is broken or the command was used
wrongly (one line says which). The weekly workflow runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from sitecheck import i18n, reviews
from sitecheck.build import ROOT
from sitecheck.cli import table
from sitecheck.pages import site_config

USAGE = 2  # the exit code for a command used wrongly, as argparse uses it


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck review-due", description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30, help="also list pages due within this many days (30)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        interval, today = _settings(args)
        langs = i18n.languages(site_config(args.config).get("extra") or {}, args.config.parent) or {
            i18n.DEFAULT: i18n.Language(i18n.DEFAULT, args.config.parent / "docs", "")}
    except (_UsageError, i18n.LanguageError) as error:
        print(f"sitecheck review-due: {error}", file=sys.stderr)
        return USAGE
    english = next(language for language in langs.values() if language.is_default).docs_dir
    statuses, stale, errors = [], [], []
    for language in langs.values():
        statuses += reviews.site_reviews(language.docs_dir, interval, today)
        if not language.is_default:
            found, broken = i18n.translations(english, language.docs_dir)
            stale += [translation for translation in found if translation.stale]
            errors += broken
    errors = [status.error for status in statuses if status.error] + errors
    overdue = [s for s in statuses if s.review and s.review.overdue]
    soon = [s for s in statuses if s.review and not s.review.overdue
            and s.review.next_due <= today + dt.timedelta(days=args.days)]

    if args.json:
        print(json.dumps({"today": today.isoformat(), "errors": errors,
                          "overdue": [_row_data(s) for s in overdue], "due_soon": [_row_data(s) for s in soon],
                          "stale_translations": [_stale_data(t) for t in stale]}, indent=2))
    else:
        print(_text(today, args.days, errors, overdue, soon, stale))
    return 2 if errors else 1 if overdue or stale else 0


def _stale_data(translation: i18n.Translation) -> dict:
    return {"page": translation.page, "english": translation.english, "follows": translation.followed.isoformat(),
            "english_reviewed": translation.english_reviewed.isoformat()}


class _UsageError(Exception):
    pass


def _settings(args: argparse.Namespace) -> tuple[int, dt.date]:
    """The review interval and today's date, or one line saying what is wrong with the command."""
    if args.days < 0:
        raise _UsageError(f"--days must be 0 or more, not {args.days}")
    if not args.config.is_file():
        raise _UsageError(f"--config {args.config}: no such file; give the site's mkdocs.yml")
    try:
        interval = reviews.interval_setting(site_config(args.config).get("extra") or {})
        return interval, reviews.today()
    except reviews.ReviewDateError as error:
        message = str(error).split(". Write")[0]  # GUIDE_TODAY: not the front-matter advice
        raise _UsageError(f"{message}; write it as GUIDE_TODAY=YYYY-MM-DD" if "GUIDE_TODAY" in message
                          else f"{args.config}: {error}") from None


def _row_data(status: reviews.PageStatus) -> dict:
    return {"page": status.page, "last_reviewed": status.review.last_reviewed.isoformat(),
            "next_due": status.review.next_due.isoformat(), "reviewed_by": status.review.reviewed_by}


def _rows(statuses: list[reviews.PageStatus], today: dt.date) -> list[list[str]]:
    return [[s.page, reviews.format_date(s.review.last_reviewed), reviews.format_date(s.review.next_due),
             f"{(s.review.next_due - today).days:+d}"] for s in sorted(statuses, key=lambda s: s.review.next_due)]


def _text(today: dt.date, days: int, errors: list[str], overdue: list, soon: list, stale: list) -> str:
    header = ["page", "last reviewed", "next review due", "days left"]
    out = [f"Review report for {reviews.format_date(today)}"]
    if errors:
        out += ["", "Broken review front matter (fix first):", *[f"  {error}" for error in errors]]
    out += ["", f"Overdue: {len(overdue)} page(s)"] + ([table(_rows(overdue, today), header)] if overdue else [])
    out += ["", f"Due within {days} days: {len(soon)} page(s)"] + ([table(_rows(soon, today), header)] if soon else [])
    out += ["", f"Stale translations (the English page was reviewed later: check the translation against it, "
                f"then set `english_review`): {len(stale)} page(s)"]
    if stale:
        rows = [[t.page, reviews.format_date(t.followed), t.english, reviews.format_date(t.english_reviewed)] for t in stale]
        out.append(table(rows, ["page", "follows the review of", "English page", "English reviewed"]))
    return "\n".join(out)

