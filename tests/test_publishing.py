"""Publishing: the site's address comes from SITE_URL (as CI sets it from GitHub Pages), and the licence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import make_site, page
from sitecheck.build import ROOT, build
from sitecheck.pages import site_config
from sitecheck.weight import over_goal, site_weights

PAGES_URL = "https://example.github.io/guide/"  # a project page, as configure-pages gives it (plus "/")


def _site_url_line() -> str:
    """mkdocs.yml's own `site_url:` line, tag and default as written."""
    lines = [line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
             if line.startswith("site_url:")]
    assert len(lines) == 1, "mkdocs.yml should have one top-level site_url line"
    return lines[0]


def test_site_url_reads_the_environment_with_a_local_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert re.fullmatch(r"site_url: !ENV \[SITE_URL, \S+\]", _site_url_line())
    monkeypatch.delenv("SITE_URL", raising=False)
    default = site_config(ROOT / "mkdocs.yml")["site_url"]
    assert default.startswith("https://") and default.endswith("/")
    monkeypatch.setenv("SITE_URL", PAGES_URL)
    assert site_config(ROOT / "mkdocs.yml")["site_url"] == PAGES_URL


def test_the_config_reader_resolves_env_like_mkdocs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("a: !ENV [FIRST, SECOND, fallback]\nb: !ENV FIRST\nc: !ENV [UNSET_X, 12]\n", encoding="utf-8")
    monkeypatch.delenv("FIRST", raising=False)
    monkeypatch.setenv("SECOND", "two")
    monkeypatch.delenv("UNSET_X", raising=False)
    assert site_config(config) == {"a": "two", "b": None, "c": 12}
    monkeypatch.setenv("FIRST", "one")
    assert site_config(config) == {"a": "one", "b": "one", "c": 12}


def test_a_project_page_address_reaches_canonical_json_ld_and_the_404_base(tmp_path: Path) -> None:
    # A small site with mkdocs.yml's real `site_url` line, built as CI builds it: SITE_URL set.
    config = make_site(tmp_path, {
        "index.md": page(title="Home", description="The home page of a small test site.", last_reviewed="2026-11-20"),
        "about.md": page(title="About", description="The about page of a small test site.", last_reviewed="2026-11-20"),
        "404.md": page(title="Page not found", description="A page that was not found.", last_reviewed="2026-11-20"),
    })
    text = re.sub(r"(?m)^site_url:.*$", lambda _: _site_url_line(), config.read_text(encoding="utf-8"), count=1)
    config.write_text(text, encoding="utf-8")

    result = build(config, tmp_path / "site", SITE_URL=PAGES_URL)
    assert result.ok, result.log
    about = BeautifulSoup((tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert about.select_one('link[rel="canonical"]')["href"] == PAGES_URL + "about/"
    data = json.loads(about.find("script", type="application/ld+json").string)
    assert data["url"] == PAGES_URL + "about/"
    not_found = BeautifulSoup((tmp_path / "site" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.head.find("base")["href"] == "/guide/"
    assert PAGES_URL + "about/" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")


# --- Licences --------------------------------------------------------------------------------

def test_licence_files_are_named_in_the_readme_and_the_footer(built_site: Path) -> None:
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License") and "Permission is hereby granted, free of charge" in mit
    content = (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content and "https://creativecommons.org/licenses/by/4.0/legalcode" in content
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "LICENSE" in readme and "LICENSE-CONTENT.md" in readme
    footer = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".md-copyright")
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a", rel="license")}
    assert links.get("CC BY 4.0") == "https://creativecommons.org/licenses/by/4.0/" and "MIT" in links


# --- No script holds up the first paint (hooks/deferred_scripts.py) --------------------------

def test_every_script_file_is_deferred_and_glightbox_only_on_pages_with_a_diagram(built_site: Path) -> None:
    with_diagram = 0
    for path in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        blocking = [s["src"] for s in soup.find_all("script", src=True) if not s.has_attr("defer")]
        assert not blocking, f"{path}: scripts that block the first paint: {blocking}"
        scripts = [s for s in soup.find_all("script", src=True) if "glightbox" in s["src"]]
        styles = [s for s in soup.find_all("link", href=True) if "glightbox" in s["href"]]
        if soup.select_one("a.glightbox"):
            with_diagram += 1
            # Loaded on the first click on a diagram (tests/test_on_demand.py), not with the page.
            assert not scripts and not styles, path
            start = soup.find("script", id="init-glightbox").string
            assert "glightbox.min.js" in start and "glightbox.min.css" in start and "GLightbox(" in start, path
        else:
            assert not scripts and not soup.find("script", id="init-glightbox"), f"{path}: glightbox without a diagram"
    assert with_diagram >= 2


# --- The build engine (README, "Engine") -----------------------------------------------------

def test_an_unknown_engine_is_refused_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitecheck.build import engine

    monkeypatch.setenv("GUIDE_ENGINE", "zensical")
    with pytest.raises(SystemExit, match=r"GUIDE_ENGINE='zensical' is not an engine: use one of mkdocs, properdocs"):
        engine()
    monkeypatch.delenv("GUIDE_ENGINE")
    assert engine() == "mkdocs"



# --- Page weight (the goal: [tool.sitecheck.weight] in pyproject.toml) -----------------------

def test_a_first_visit_to_any_page_stays_within_the_weight_goal(built_site: Path) -> None:
    weights = site_weights(built_site, site_config(ROOT / "mkdocs.yml").get("site_url"))
    assert weights
    assert not over_goal(weights), "\n".join(over_goal(weights))


def test_the_site_is_built_by_the_chosen_engine(built_site: Path) -> None:
    # So the ProperDocs job in CI cannot pass by quietly building with MkDocs.
    from sitecheck.build import engine

    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    generator = soup.find("meta", attrs={"name": "generator"})["content"]
    assert ("mkdocs-ProperDocs 1.6" if engine() == "properdocs" else "mkdocs-1.6") in generator, generator


def _deferred_scripts_hook():
    import importlib.util

    spec = importlib.util.spec_from_file_location("deferred_scripts", ROOT / "hooks" / "deferred_scripts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("html", "meta", "names"), [
    ("<html><body></body></html>", {"glightbox": False}, "Material's bundle script changed on vectors.md"),
    ('<html><body><script src="assets/javascripts/bundle.0a1b.min.js"></script></body></html>', {},
     "mkdocs-glightbox's output changed on vectors.md"),
])
def test_the_script_hook_fails_the_build_when_the_markup_it_edits_changes(html: str, meta: dict, names: str) -> None:
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri="vectors.md"))
    with pytest.raises(PluginError, match=rf"hooks/deferred_scripts.py: {re.escape(names)}: update"):
        _deferred_scripts_hook().on_post_page(html, page, None)
