"""Clinical reviewers: one list (data/reviewers.yaml), pages may name only people on it, and
a site that promises review of every page keeps that promise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import errors, make_site, page
from sitecheck import reviewers
from sitecheck.build import ROOT, build

TODAY = "2026-11-24"
ANA = """\
- name: Ana Example
  credentials: MD, FACMG
  role: Clinical geneticist, Example Hospital
  conflicts_of_interest: None declared.
"""
BO = """\
- name: Bo Sample
  credentials: PharmD
  role: Pharmacist
  conflicts_of_interest: Paid speaker for a gene therapy maker in 2025.
"""


def write_reviewers(folder: Path, text: str) -> None:
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "data" / "reviewers.yaml").write_text(text, encoding="utf-8")


# The project's own list (empty until a real, qualified person has reviewed a page) is checked by the
# registry's `reviewers` check (tests/test_checks.py): valid, and naming everyone pages name.


def test_the_registry_check_names_the_list_and_the_pages_that_name_someone_else(tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from sitecheck.site import Site

    monkeypatch.chdir(tmp_path)
    config = make_site(tmp_path, {"index.md": page(title="Home", last_reviewed="2026-11-01", reviewed_by="Ana Exampel")})
    write_reviewers(tmp_path, ANA)
    assert [str(p) for p in reviewers.check(Site(config))] == [
        "docs/index.md:4: `reviewed_by: Ana Exampel` is not on the reviewers list in data/reviewers.yaml: did you mean "
        "`Ana Example`? the list has Ana Example; add the reviewer there first, or correct the name"]
    write_reviewers(tmp_path, ANA + "- name: Bo\n")
    assert [str(p) for p in reviewers.check(Site(config))][0].startswith("data/reviewers.yaml:5: reviewer 2 (Bo): ")


def test_a_list_is_read_with_every_field(tmp_path: Path) -> None:
    write_reviewers(tmp_path, ANA + BO)
    people = reviewers.load(tmp_path / "data" / "reviewers.yaml")
    assert [p.name for p in people] == ["Ana Example", "Bo Sample"]
    assert people[0].as_dict() == {"name": "Ana Example", "credentials": "MD, FACMG",
                                   "role": "Clinical geneticist, Example Hospital",
                                   "conflicts_of_interest": "None declared."}
    assert reviewers.load(tmp_path / "nothing-here.yaml") == []


def test_every_bad_entry_names_the_file_line_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_reviewers(tmp_path, ANA + BO.replace("PharmD", "") + "- name: Ana Example\n  credential: MD\n"
                    "  role: Nurse\n  conflicts_of_interest: None.\n" + "- just a name\n")
    with pytest.raises(reviewers.ReviewerError) as raised:
        reviewers.load(tmp_path / "data" / "reviewers.yaml")
    assert str(raised.value).splitlines() == [
        "data/reviewers.yaml:5: reviewer 2 (Bo Sample): `credentials` must be text: "
        "degrees and board certifications, e.g. `MD, FACMG`.",
        "data/reviewers.yaml:9: reviewer 3 (Ana Example): unknown field `credential`: did you mean `credentials`?",
        "data/reviewers.yaml:9: reviewer 3 (Ana Example): `credentials` must be text: "
        "degrees and board certifications, e.g. `MD, FACMG`.",
        "data/reviewers.yaml:9: reviewer 3 (Ana Example): listed twice (first on line 1): keep one entry.",
        "data/reviewers.yaml:13: reviewer 4: must be `name:`, `credentials:`, `role:` and "
        "`conflicts_of_interest:` lines.",
    ]


@pytest.mark.parametrize(("setting", "message"), [
    ({"require_medical_review": "yes please"}, "extra.review.require_medical_review must be true or false"),
    ({"reviewers_file": ""}, "extra.review.reviewers_file must be a path"),
])
def test_bad_settings_are_refused(setting: dict, message: str) -> None:
    with pytest.raises(reviewers.ReviewerError, match=message):
        reviewers.settings({"review": setting}, ROOT)


def test_a_listed_reviewer_shows_in_the_footer_and_json_ld_and_an_unknown_one_stops_the_build(tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    pages = {"index.md": page(title="Home", last_reviewed="2026-11-01", reviewed_by='"Ana Example"'),
             "plain.md": page(title="Plain", last_reviewed="2026-11-01")}
    write_reviewers(good, ANA + BO)
    result = build(make_site(good, pages), good / "site", GUIDE_TODAY=TODAY)
    assert result.ok, result.log
    soup = BeautifulSoup((good / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    footer = soup.select_one(".review-dates").get_text(" ", strip=True)
    assert "Page last reviewed: 1 November 2026 by Ana Example, MD, FACMG (Clinical geneticist, Example Hospital)" in footer
    assert "Reviewer's conflicts of interest: None declared." in footer
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["reviewedBy"] == {"@type": "Person", "name": "Ana Example", "honorificSuffix": "MD, FACMG",
                                  "jobTitle": "Clinical geneticist, Example Hospital"}
    plain = (good / "site" / "plain" / "index.html").read_text(encoding="utf-8")
    assert "reviewedBy" not in plain and "conflicts of interest" not in plain

    write_reviewers(bad, ANA + BO)
    pages = {"index.md": page(title="Home", last_reviewed="2026-11-01", reviewed_by='"Ana Exemple"'),
             "old-style.md": page(title="Old", last_reviewed="2026-11-01",
                                  reviewed_by='"Dr Ana Silva, clinical geneticist"')}
    result = build(make_site(bad, pages), bad / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    assert errors(result.log) == [
        "docs/index.md:4: `reviewed_by: Ana Exemple` is not on the reviewers list in data/reviewers.yaml: "
        "did you mean `Ana Example`? the list has Ana Example, Bo Sample; add the reviewer there first, "
        "or correct the name",
        "docs/old-style.md:4: `reviewed_by: Dr Ana Silva, clinical geneticist` is not on the reviewers list in "
        "data/reviewers.yaml: the list has Ana Example, Bo Sample; add the reviewer there first, or correct the name",
        "Nothing was built: fix the mistakes listed above.",
    ]


def test_with_an_empty_list_a_named_reviewer_says_add_them_first(tmp_path: Path) -> None:
    write_reviewers(tmp_path, (ROOT / "data" / "reviewers.yaml").read_text(encoding="utf-8"))
    pages = {"index.md": page(title="Home", last_reviewed="2026-11-01", reviewed_by="Ana Example")}
    result = build(make_site(tmp_path, pages), tmp_path / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    assert errors(result.log)[0] == (
        "docs/index.md:4: `reviewed_by: Ana Example` names someone not on the reviewers list, and the list is "
        "empty: add the reviewer to data/reviewers.yaml first")


def test_require_medical_review_stops_every_page_without_a_listed_reviewer(tmp_path: Path) -> None:
    write_reviewers(tmp_path, ANA)
    pages = {"index.md": page(title="Home", last_reviewed="2026-11-01", reviewed_by="Ana Example"),
             "a.md": page(title="A", last_reviewed="2026-11-01"),
             "b.md": page(title="B", last_reviewed="2026-11-01")}
    extra = {"review": {"interval_months": 12, "require_medical_review": True}}
    result = build(make_site(tmp_path, pages, extra=extra), tmp_path / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    missing = ("no `reviewed_by`: this site promises a medical review of every page "
               "(extra.review.require_medical_review in mkdocs.yml): add `reviewed_by: NAME` with a name from "
               "data/reviewers.yaml")
    assert errors(result.log) == [f"docs/a.md: {missing}", f"docs/b.md: {missing}",
                                  "Nothing was built: fix the mistakes listed above."]


def test_a_broken_reviewers_file_stops_the_build_naming_the_entry(tmp_path: Path) -> None:
    write_reviewers(tmp_path, ANA.replace("None declared.", "''"))
    result = build(make_site(tmp_path, {"index.md": page(title="Home", last_reviewed="2026-11-01")}),
                   tmp_path / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    assert errors(result.log)[0] == (
        "data/reviewers.yaml:1: reviewer 1 (Ana Example): `conflicts_of_interest` must be text: "
        "each tie to a maker of a treatment the guide covers, or `None declared.`.")
