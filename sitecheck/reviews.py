"""Review dates: the rules for `last_reviewed` and `reviewed_by`, in plain functions.

Plain values in, plain values out. Nothing here knows about MkDocs: the hook
(hooks/review_dates.py), the review-due report (`uv run sitecheck review-due`), the
`review-dates` check and the tests all use the same rules.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitecheck.pages import FrontMatter, markdown_pages, read_front_matter
from sitecheck.problem import Problem

if TYPE_CHECKING:
    from sitecheck.site import Site

# English month names, fixed here so output never depends on the machine's locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
DEFAULT_INTERVAL_MONTHS = 12
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HOW_TO_FIX = "Write the date of the last fact check as `last_reviewed: YYYY-MM-DD`, for example `last_reviewed: 2026-11-24`."


class ReviewDateError(ValueError):
    """A page's review front matter is missing or wrong; `key` names the field at fault."""

    def __init__(self, message: str, key: str = "last_reviewed") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Review:
    """What a page shows about its review."""

    last_reviewed: dt.date
    next_due: dt.date
    reviewed_by: str | None
    overdue: bool


def today() -> dt.date:
    """The build date; GUIDE_TODAY=YYYY-MM-DD pins it (tests, and checking a date ahead)."""
    pinned = os.environ.get("GUIDE_TODAY")
    if pinned:
        return parse_date(pinned, "GUIDE_TODAY")
    return dt.date.today()


def parse_date(value: object, key: str = "last_reviewed") -> dt.date:
    """Turn a front-matter value into a date.

    YAML gives a `date` for an unquoted date and a `str` for a quoted one; both
    are accepted. A date-time (`2026-11-24 10:30`) counts as its calendar date:
    reviews are recorded by the day, so the time is dropped.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not ISO_DATE.match(text[:10]):
            raise ReviewDateError(f"`{key}: {value}` is not a date in the form YYYY-MM-DD. {HOW_TO_FIX}")
        try:
            day = dt.date.fromisoformat(text[:10])
        except ValueError:
            raise ReviewDateError(f"`{key}: {value}` is not a real calendar date. {HOW_TO_FIX}") from None
        if len(text) > 10 and not _is_iso_datetime(text):
            raise ReviewDateError(f"`{key}: {value}` is not a date in the form YYYY-MM-DD. {HOW_TO_FIX}")
        return day
    if value is None:
        raise ReviewDateError(f"`{key}` is empty. {HOW_TO_FIX}")
    raise ReviewDateError(f"`{key}: {value!r}` is a {type(value).__name__}, not a date. {HOW_TO_FIX}")


def _is_iso_datetime(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_reviewer(value: object) -> str | None:
    """`reviewed_by` is optional; when given it is one line of text: name and role."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ReviewDateError(
            f"`reviewed_by: {value!r}` must be text with the reviewer's name and role, "
            'for example `reviewed_by: "Dr Ana Silva, clinical geneticist"`.',
            key="reviewed_by",
        )
    return value.strip()


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later; a day past the month's end becomes its last day (29 Feb -> 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def format_date(day: dt.date) -> str:
    """'4 December 2026', whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def review_from_meta(meta: dict, interval_months: int, on: dt.date) -> Review:
    """Validate a page's front matter and work out its review dates as of `on`."""
    if "last_reviewed" not in meta:
        # A misspelled key (`last_reveiwed`) gets its "did you mean" from the front-matter rules.
        raise ReviewDateError(f"The front matter has no `last_reviewed`. {HOW_TO_FIX}")
    last = parse_date(meta["last_reviewed"])
    if last > on:
        raise ReviewDateError(
            f"`last_reviewed: {last.isoformat()}` is in the future (today is {on.isoformat()}). {HOW_TO_FIX}"
        )
    reviewer = check_reviewer(meta.get("reviewed_by"))
    next_due = add_months(last, interval_months)
    return Review(last, next_due, reviewer, overdue=next_due < on)


def interval_setting(extra: dict) -> int:
    """The review interval from mkdocs.yml's `extra:` (`review.interval_months`, default 12), checked."""
    settings = (extra or {}).get("review") or {}
    return check_interval(settings.get("interval_months", DEFAULT_INTERVAL_MONTHS))


def check_interval(value: object) -> int:
    """The review interval setting: a whole number of months, 1 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ReviewDateError(
            f"extra.review.interval_months in mkdocs.yml must be a whole number of months (1 or more), not {value!r}."
        )
    return value


def front_matter_problem(front: FrontMatter) -> tuple[str, int | None] | None:
    """Why a page's front matter could not be read, and on which line (None when it could)."""
    if front.error is None:
        return None
    fix = f" {HOW_TO_FIX}" if "impossible value" in front.error else ""
    return front.error + fix, front.error_line


@dataclass(frozen=True)
class PageStatus:
    page: str
    review: Review | None
    problem: Problem | None = None

    @property
    def error(self) -> str | None:
        return str(self.problem) if self.problem else None


def site_reviews(docs_dir: Path, interval_months: int, on: dt.date) -> list[PageStatus]:
    """The review status of every page under docs/, errors included, for the review-due report."""
    statuses = []
    for path in markdown_pages(docs_dir):
        name = str(path.relative_to(docs_dir.parent))
        front = read_front_matter(path.read_text(encoding="utf-8"))
        problem = front_matter_problem(front)
        if problem:
            statuses.append(PageStatus(name, None, Problem(name, problem[0], line=problem[1] or 1)))
            continue
        try:
            statuses.append(PageStatus(name, review_from_meta(front.data, interval_months, on)))
        except ReviewDateError as error:
            statuses.append(PageStatus(name, None, Problem(name, str(error), line=front.line_of(error.key) or 1)))
    return statuses


def check(site: Site) -> list[Problem]:
    """Every page's review front matter: a real, past `last_reviewed` date and a text `reviewed_by`."""
    try:
        interval = interval_setting(site.config.get("extra") or {})
    except ReviewDateError as error:
        return [Problem(site.name(site.config_file), str(error))]
    return [status.problem for status in site_reviews(site.docs_dir, interval, today()) if status.problem]
