"""Links: MkDocs strict validation first, then lychee over the built site, and https only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import add_sample_pages, build_small, page
from sitecheck import links
from sitecheck.build import ROOT, BuildResult
from sitecheck.pages import site_config


def test_strict_build_refuses_broken_links_and_anchors(tmp_path: Path) -> None:
    pages = {
        "index.md": page("See [the missing page](nowhere.md) and [a bad anchor](other.md#no-such-part).",
                         title="Home", last_reviewed="2026-11-01"),
        "other.md": page("## A real part\n\nText.", title="Other", last_reviewed="2026-11-01"),
    }
    result = build_small(tmp_path, pages, GUIDE_TODAY="2026-12-01")
    assert not result.ok
    assert re.search(r"index\.md.*nowhere\.md", result.log)
    assert re.search(r"index\.md.*other\.md#no-such-part", result.log)


add_sample_pages({
    "index.md": page("Read [part two](other.md#part-two). ![Logo](logo.svg)", title="Home", last_reviewed="2026-11-01"),
    "other.md": page("## Part two\n\nSee [FDA](https://www.fda.gov/).", title="Other", last_reviewed="2026-11-01"),
    "logo.svg": (ROOT / "docs" / "assets" / "favicon.svg").read_text(),
})


@pytest.fixture(scope="module")
def small_site(sample_site: BuildResult) -> Path:
    return sample_site.site_dir


def broken_copy(site: Path, folder: Path, old: str, new: str, page: str = "index.html") -> Path:
    copy = folder / "site"
    shutil.copytree(site, copy)
    html = (copy / page).read_text()
    assert old in html
    (copy / page).write_text(html.replace(old, new))
    return copy


def test_the_small_site_is_clean(small_site: Path) -> None:
    assert links.check_internal(small_site) == [] and links.insecure_links(small_site) == []


@pytest.mark.parametrize(
    ("old", "new", "link", "reason"),
    [
        ('href="other/#part-two"', 'href="other/#part-nine"', "/other#part-nine", "Cannot find fragment"),
        ('href="other/#part-two"', 'href="gone/"', "/gone", "File not found"),
        ('src="logo.svg"', 'src="missing.svg"', "/missing.svg", "File not found"),
        ('href="assets/stylesheets/main', 'href="assets/stylesheets/lost', "/assets/stylesheets/lost", "File not found"),
    ],
    ids=["broken-anchor", "broken-link", "missing-image", "missing-css"],
)
def test_lychee_names_page_link_and_reason(small_site: Path, tmp_path: Path, old: str, new: str, link: str, reason: str) -> None:
    problems = links.check_internal(broken_copy(small_site, tmp_path, old, new))
    assert len(problems) == 1, problems
    assert problems[0].file == "index.html"
    assert problems[0].what.startswith(link)
    assert reason in problems[0].what


def test_an_http_link_fails(small_site: Path, tmp_path: Path) -> None:
    site = broken_copy(small_site, tmp_path, "https://www.fda.gov/", "http://www.fda.gov/", "other/index.html")
    assert [str(p) for p in links.insecure_links(site)] == ["other/index.html: plain http link http://www.fda.gov/: use https:"]


@pytest.mark.network
def test_external_links_answer(built_site: Path) -> None:
    site_url = site_config(ROOT / "mkdocs.yml")["site_url"]
    problems = links.check_external(built_site, site_url)
    assert not problems, "Broken external links:\n" + "\n".join(map(str, problems))
