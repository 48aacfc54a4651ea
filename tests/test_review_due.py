"""The review-due report: exit codes and what it lists."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import make_site, page
from sitecheck.build import ROOT


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def report(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GUIDE_TODAY", "2026-12-01")
    return load_script("review_due").main


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


def test_the_real_site_has_no_broken_review_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real pages carry real review dates: check them on today's date, not the pinned one.
    monkeypatch.delenv("GUIDE_TODAY", raising=False)
    assert load_script("review_due").main([]) in (0, 1)
