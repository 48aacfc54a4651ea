"""Reading level beyond the page average: a ceiling per paragraph, prose in Sources and footnotes
scored, and a cap on how far a page may relax its limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_small, page
from sitecheck import readability
from sitecheck.readability import Limits, page_limits, units

EASY = "You can read this. It is short. Your doctor will help you. " * 40
HARD = ("Notwithstanding considerable methodological heterogeneity, investigators characterized immunological "
        "complications associated with intravenous administration of recombinant viral vectors. Hepatotoxicity "
        "necessitated corticosteroid immunosuppression in a substantial proportion of participants.")


def test_one_very_hard_paragraph_fails_a_long_easy_page(tmp_path: Path) -> None:
    pages = {"index.md": page(f"{EASY}\n\n{HARD}\n\n{EASY}\n", title="Home", last_reviewed="2026-11-01")}
    result = build_small(tmp_path, pages, GUIDE_TODAY="2026-11-24")
    assert result.ok, result.log
    [report] = readability.report_site(tmp_path / "site", tmp_path / "docs")
    assert report.page_passed, "the page average hides the hard paragraph"
    assert not report.passed
    [(fkgl, text)] = report.hard_units
    assert text == HARD and fkgl > 12
    assert report.failure() == (
        f"docs/index.md: a paragraph or list item at FKGL {fkgl} (limit 12 for 20+ words): split its sentences "
        "or use shorter words: \"Notwithstanding considerable methodological heterogeneity, investigators…\"")


def test_the_unit_ceiling_spares_short_units() -> None:
    limits = Limits(8.0, 9.0)
    assert readability.hard_units(["Hepatotoxicity necessitated corticosteroid immunosuppression."], limits) == []
    assert readability.hard_units([HARD], limits)


def test_prose_under_sources_and_footnote_text_are_scored_but_citation_lists_are_not() -> None:
    html = """<article><h1>Title</h1><p>Intro text.</p>
      <h2 id="sources">Sources</h2>
      <p>We checked every fact against these pages.</p>
      <ul><li><a href="https://www.fda.gov/">FDA. What is gene therapy?</a></li></ul>
      <div class="footnote"><hr><ol><li id="fn:1"><p>The label lists this risk.&#160;<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div>
    </article>"""
    assert units(html) == ["Intro text.", "We checked every fact against these pages.", "The label lists this risk."]


@pytest.mark.parametrize(("relaxed", "message"), [
    ({"max_fkgl": 14, "reason": "Drug names."},
     "docs/a.md: `reading_level.max_fkgl: 14` is above the most a page may relax it to (10, pyproject.toml "
     "[tool.sitecheck.readability]): rewrite the hardest sentences (`uv run sitecheck readability` "
     "lists them) instead."),
    ({"max_smog": 12, "reason": "Drug names."}, "docs/a.md: `reading_level.max_smog: 12` is above the most"),
])
def test_a_relaxed_limit_is_capped(relaxed: dict, message: str) -> None:
    with pytest.raises(readability.LimitError) as raised:
        page_limits({"reading_level": relaxed}, Limits(8.0, 9.0), "docs/a.md")
    assert str(raised.value).startswith(message)
    assert page_limits({"reading_level": {"max_fkgl": 10, "max_smog": 11, "reason": "x"}}, Limits(8.0, 9.0),
                       "docs/a.md") == Limits(10.0, 11.0, "x")


def test_the_projects_settings_hold_the_new_limits() -> None:
    limits = readability.default_limits()
    assert (limits.max_unit_fkgl, limits.unit_min_words, limits.cap_fkgl, limits.cap_smog) == (12.0, 20, 10.0, 11.0)
