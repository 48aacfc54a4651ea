"""Review-date logic in plain functions: plain values in, plain values out.

Nothing here knows about MkDocs, so the hook, the review-due report and the
tests all use the same rules, and the logic could move to another engine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass

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


def key_line(source: str, key: str) -> int | None:
    """1-based line of `key:` in a page's front matter, so errors can point at it."""
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return None
        if line.startswith(f"{key}:"):
            return number
    return None


def front_matter_error(source: str) -> tuple[str, int | None] | None:
    """Why a page's YAML front matter could not be read, and on which line.

    MkDocs drops front matter it cannot parse without a word (an impossible
    unquoted date such as 2026-02-30 does this), so the hook asks again here.
    """
    import yaml  # MkDocs' own dependency

    from mkdocs.utils.meta import YAML_RE

    match = YAML_RE.match(source)
    if not match:
        return None
    try:
        data = yaml.load(match.group(1), yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        from sitecheck.front_matter import yaml_error_line

        line = yaml_error_line(error)  # marks count from the line after the opening `---`, from 0
        started = f"; it started on line {error.context_mark.line + 2}" if error.context_mark else ""
        return (f"the front matter is not valid YAML ({error.problem}{started}): check the quotes, brackets and "
                "colons on that line (text with a colon goes in quotes)"), line
    except ValueError as error:  # YAML's date constructor on 2026-02-30
        line = key_line(source, "last_reviewed")
        return f"the front matter holds an impossible value ({error}). {HOW_TO_FIX}", line
    if not isinstance(data, dict):
        return "the front matter must be `key: value` lines.", 2
    return None


@dataclass(frozen=True)
class PageStatus:
    page: str
    review: Review | None
    error: str | None = None


def site_reviews(docs_dir, interval_months: int, on: dt.date) -> list[PageStatus]:
    """The review status of every page under docs/, errors included, for the review-due report."""
    from sitecheck.pages import front_matter, markdown_pages

    statuses = []
    for path in markdown_pages(docs_dir):
        name = str(path.relative_to(docs_dir.parent))
        source = path.read_text(encoding="utf-8")
        problem = front_matter_error(source)
        if problem:
            statuses.append(PageStatus(name, None, f"{name}:{problem[1] or 1}: {problem[0]}"))
            continue
        try:
            statuses.append(PageStatus(name, review_from_meta(front_matter(path), interval_months, on)))
        except ReviewDateError as error:
            line = key_line(source, error.key)
            statuses.append(PageStatus(name, None, f"{name}:{line or 1}: {error}"))
    return statuses
