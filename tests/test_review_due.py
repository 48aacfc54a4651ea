"""The review-due report: exit codes and what it lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_site, page
from sitecheck.commands import review_due


@pytest.fixture()
def report(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GUIDE_TODAY", "2026-11-24")
    return review_due.main


def test_overdue_and_due_soon_pages_are_listed_and_exit_1(tmp_path: Path, report, capsys) -> None:
    config = make_site(tmp_path, {
        "index.md": page(last_reviewed="2026-11-01"),
        "old.md": page(last_reviewed="2025-10-01"),
        "soon.md": page(last_reviewed="2025-12-10"),
    })
    assert report(["--config", str(config), "--days", "30"]) == 1
    out = capsys.readouterr().out
    assert "Overdue: 1 page(s)" in out and "docs/old.md" in out and "1 October 2026" in out
    assert "Due within 30 days: 1 page(s)" in out and "docs/soon.md" in out
    assert "docs/index.md" not in out


def test_all_current_exits_0(tmp_path: Path, report) -> None:
    config = make_site(tmp_path, {"index.md": page(last_reviewed="2026-11-01")})
    assert report(["--config", str(config), "--json"]) == 0


def test_broken_front_matter_exits_2_naming_file_and_line(tmp_path: Path, report, capsys) -> None:
    config = make_site(tmp_path, {"index.md": page(title="x", last_reviewed="2026-13-01")})
    assert report(["--config", str(config)]) == 2
    assert "docs/index.md:3: " in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "today", "message"),
    [
        (["--days", "-5"], "2026-11-24", "sitecheck review-due: --days must be 0 or more, not -5"),
        (["--config", "no/such/mkdocs.yml"], "2026-11-24",
         "sitecheck review-due: --config no/such/mkdocs.yml: no such file; give the site's mkdocs.yml"),
        ([], "2026-13-01", "sitecheck review-due: `GUIDE_TODAY: 2026-13-01` is not a real calendar date; "
                           "write it as GUIDE_TODAY=YYYY-MM-DD"),
        ([], "next week", "sitecheck review-due: `GUIDE_TODAY: next week` is not a date in the form YYYY-MM-DD; "
                          "write it as GUIDE_TODAY=YYYY-MM-DD"),
    ],
    ids=["negative-days", "missing-config", "impossible-today", "words-today"],
)
def test_a_wrong_command_is_one_line_and_exit_2(arguments: list[str], today: str, message: str,
                                                monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("GUIDE_TODAY", today)
    assert review_due.main(arguments) == 2  # usage, not 1 ("a page is overdue")
    out, err = capsys.readouterr()
    assert err.splitlines() == [message] and out == ""
