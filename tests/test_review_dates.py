"""The last-reviewed hook: date rules, every error path, and the dates on every built page."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import add_sample_pages, build_small, page
from sitecheck import reviews
from sitecheck.build import ROOT, BuildResult, html_pages, source_for
from sitecheck.pages import front_matter
from sitecheck.site import soup

TODAY = "2026-12-01"  # on or after every date in the real docs and data/ (the data plugin checks those too)


# --- The date rules, as plain functions -------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 1, 5), dt.date(2026, 1, 5)),              # unquoted YAML date
        ("2026-01-05", dt.date(2026, 1, 5)),                     # quoted: a string
        (dt.datetime(2026, 1, 5, 23, 30), dt.date(2026, 1, 5)),  # date-time: its calendar date
        ("2026-01-05T09:00:00", dt.date(2026, 1, 5)),
    ],
)
def test_dates_accepted(value: object, expected: dt.date) -> None:
    assert reviews.parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "not a real calendar date"),
        ("5 Dec 2026", "not a date in the form YYYY-MM-DD"),
        ("2026-01-05 lunch", "not a date in the form YYYY-MM-DD"),
        (20260105, "is a int, not a date"),
        (None, "is empty"),
    ],
)
def test_dates_refused(value: object, message: str) -> None:
    with pytest.raises(reviews.ReviewDateError, match=message):
        reviews.parse_date(value)


def test_next_review_date_and_overdue() -> None:
    review = reviews.review_from_meta({"last_reviewed": "2025-02-28"}, 12, dt.date(2026, 3, 1))
    assert review.next_due == dt.date(2026, 2, 28)
    assert review.overdue
    assert reviews.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert reviews.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert not reviews.review_from_meta({"last_reviewed": "2026-03-01"}, 12, dt.date(2027, 3, 1)).overdue


def test_month_names_never_follow_the_locale() -> None:
    code = "import locale, datetime; from sitecheck.reviews import format_date;" \
        "print(format_date(datetime.date(2026, 12, 4)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "PATH": ""}, cwd=ROOT)
    assert run.stdout.strip() == "4 December 2026"


@pytest.mark.parametrize("value", [0, -1, "12", 1.5, True])
def test_interval_must_be_whole_months(value: object) -> None:
    with pytest.raises(reviews.ReviewDateError, match="interval_months"):
        reviews.check_interval(value)


# --- Error paths through a real build ----------------------------------------------------------

def test_every_bad_page_fails_the_build_with_its_file_and_line(tmp_path: Path) -> None:
    pages = {
        "index.md": page(title="Home", last_reviewed="2026-01-01"),
        "missing.md": page(title="No date"),
        "impossible.md": page(title="Bad", description="x", last_reviewed="2026-02-30"),
        "quoted-impossible.md": page(title="Bad", last_reviewed='"2026-02-30"'),
        "words.md": page(title="Bad", last_reviewed="last spring"),
        "future.md": page(title="Bad", last_reviewed="2027-01-01"),
        "reviewer.md": page(title="Bad", last_reviewed="2026-01-01", reviewed_by="[Dr A, Dr B]"),
        "yaml.md": "---\ntitle: [unclosed\nlast_reviewed: 2026-01-01\n---\n\nText.\n",
        "quote.md": '---\ntitle: "unclosed\nlast_reviewed: 2026-01-01\n---\n\nText.\n',
        "typo.md": page(title="Typo", last_reveiwed="2026-01-01"),
    }
    result = build_small(tmp_path, pages, GUIDE_TODAY=TODAY)
    assert not result.ok
    expected = {
        "missing.md: ": "has no `last_reviewed`",
        "impossible.md:4: ": "impossible value",
        "quoted-impossible.md:3: ": "not a real calendar date",
        "words.md:3: ": "not a date in the form YYYY-MM-DD",
        "future.md:3: ": "is in the future",
        "reviewer.md:4: ": "must be text with the reviewer's name and role",
        "yaml.md:2: ": "not valid YAML (expected ',' or ']', but got ':'; it started on line 2)",
        "quote.md:2: ": "not valid YAML",
        "typo.md:3: ": "unknown front-matter key `last_reveiwed`: did you mean `last_reviewed`?",
    }
    for where, message in expected.items():
        line = next((line for line in result.log.splitlines() if where in line), "")
        assert message in line, f"expected '{where}... {message}' in the log:\n{result.log}"
        assert "last_reviewed" in line or "reviewed_by" in line or "YAML" in line
    assert "Nothing was built: fix the mistakes listed above." in result.log
    assert not (tmp_path / "site" / "index.html").exists()


def test_bad_interval_setting_fails_the_build(tmp_path: Path) -> None:
    from conftest import make_site
    from sitecheck.build import build

    config = make_site(tmp_path, {"index.md": page(last_reviewed="2026-01-01")}, extra={"review": {"interval_months": "soon"}})
    result = build(config, tmp_path / "site")
    assert not result.ok
    assert "mkdocs.yml: extra.review.interval_months" in result.log


add_sample_pages({
    "quoted.md": page(title="Quoted", last_reviewed='"2026-06-01"', reviewed_by='"Dr Ana Silva"'),
    "datetime.md": page(title="Timed", last_reviewed="2026-06-01 23:30:00"),
    "old.md": page(title="Old", last_reviewed="2025-11-01"),
})


def test_good_variants_render_dates_reviewer_and_overdue_notice(sample_site: BuildResult) -> None:
    result = sample_site
    site = result.site_dir

    quoted = BeautifulSoup((site / "quoted" / "index.html").read_text(), "html.parser")
    footer = quoted.select_one(".review-dates")
    assert "Page last reviewed: 1 June 2026 by Dr Ana Silva, MD (geneticist)" in footer.get_text(" ", strip=True)
    assert [t["datetime"] for t in footer.find_all("time")] == ["2026-06-01", "2027-06-01"]
    data = json.loads(quoted.find("script", type="application/ld+json").string)
    assert data["reviewedBy"]["name"] == "Dr Ana Silva"

    timed = BeautifulSoup((site / "datetime" / "index.html").read_text(), "html.parser")
    assert timed.select_one(".review-dates time")["datetime"] == "2026-06-01"

    old = (site / "old" / "index.html").read_text()
    assert "This page is due for review" in old
    assert "review-overdue" not in (site / "index.html").read_text()
    assert "Review overdue: old.md (next review was due 1 November 2026)" in result.log


# --- The real site --------------------------------------------------------------------------

def test_every_page_shows_both_dates_and_valid_json_ld(built_site: Path, docs_dir: Path) -> None:
    pages = [p for p in html_pages(built_site) if source_for(p, built_site, docs_dir)]
    assert len(pages) >= 10
    for path in pages:
        meta = front_matter(source_for(path, built_site, docs_dir))
        last = reviews.parse_date(meta["last_reviewed"])
        parsed = soup(path)
        times = parsed.select(".review-dates time")
        assert [t["datetime"] for t in times] == [last.isoformat(), reviews.add_months(last, 12).isoformat()], path
        assert times[0].get_text() == reviews.format_date(last)
        blocks = parsed.find_all("script", type="application/ld+json")
        assert len(blocks) == 1, path
        data = json.loads(blocks[0].string)
        assert data["@type"] == "MedicalWebPage" and data["lastReviewed"] == last.isoformat()
        assert data["name"] and data["description"] and data["inLanguage"] == "en"
        assert data["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}


def test_the_404_page_is_a_reviewed_page_at_the_site_root(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page last reviewed" in html and '<base href="/">' in html


def test_the_404_page_links_to_its_own_parts_not_the_home_page(built_site: Path) -> None:
    # Under <base href="/">, href="#x" would mean the home page's #x.
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert 'href="#' not in html and 'href="404.html#page-not-found"' in html
