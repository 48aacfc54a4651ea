"""Shared fixtures: the real site, built once per run, and small throwaway sites for error paths."""

from __future__ import annotations

import re
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from sitecheck.browser import INSTALL_HINT, chromium_available, launch
from sitecheck.build import ROOT, BuildResult, build, build_site
from sitecheck.pages import front_matter, site_config, write_site_config

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, docs_es_dir: Path) -> Path:
    """The guide in both languages (English, Spanish in its es/), built once, strictly; every test shares it."""
    folder = tmp_path_factory.mktemp("site")
    result = build_site(folder / "site", guide_configs(folder, docs_es_dir))
    assert result.ok, f"mkdocs build --strict failed:\n{result.log}"
    return result.site_dir


@pytest.fixture(scope="session")
def docs_dir() -> Path:
    return ROOT / "docs"


# Spanish pages a translator is still writing (issue 17). Until each lands in docs-es/, the tests
# build from a copy of docs-es/ with a stub in its place (never published). Empty this once all have landed.
PENDING_SPANISH = ("index.md", "approved-therapies.md", "benefits-and-risks.md")


@pytest.fixture(scope="session")
def docs_es_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs-es/ as the build reads it: the real folder, or a copy with stubs for pages still being written."""
    missing = [name for name in PENDING_SPANISH if not (ROOT / "docs-es" / name).exists()]
    if not missing:
        return ROOT / "docs-es"
    copy = tmp_path_factory.mktemp("docs-es") / "docs-es"
    shutil.copytree(ROOT / "docs-es", copy)
    for name in missing:
        (copy / name).write_text(spanish_stub(name, copy), encoding="utf-8")
    return copy


def guide_configs(folder: Path, docs_es: Path) -> tuple[tuple[Path, str], ...]:
    """Both configs, written to `folder`, with the Spanish pages read from `docs_es`: for build_site."""
    english = site_config(ROOT / "mkdocs.yml")
    english["extra"] = {**english["extra"], "languages": {
        "en": {"docs_dir": str(ROOT / "docs"), "site_path": ""}, "es": {"docs_dir": str(docs_es), "site_path": "es/"}}}
    english_file = write_site_config(folder / "mkdocs.yml", english, ROOT / "docs", ROOT)
    spanish = site_config(ROOT / "mkdocs.es.yml")
    spanish.update(INHERIT=str(english_file), docs_dir=str(docs_es))
    spanish_file = folder / "mkdocs.es.yml"
    spanish_file.write_text(yaml.safe_dump(spanish, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return ((english_file, ""), (spanish_file, "es"))


def spanish_stub(name: str, docs_es: Path) -> str:
    """A plain Spanish page in the guide's pattern, standing in for one still being written: its
    English twin's date and sources, and the headings other Spanish pages link to."""
    english = ROOT / "docs" / name
    meta = front_matter(english)
    anchors = sorted(set(re.findall(rf"\]\({re.escape(name)}#([\w-]+)\)", "".join(
        path.read_text(encoding="utf-8") for path in docs_es.glob("*.md")))))
    sources = re.findall(r"<(https://[^>]+)>|\((https://[^)\s]+)\)", english.read_text(encoding="utf-8").split("## Sources")[-1])
    link = next(a or b for a, b in sources)
    body = ["# Página en preparación", "", '!!! abstract "Puntos clave"', "", "    - Esta página se está escribiendo.",
            "    - Pronto estará lista.", "    - Mientras tanto, lea las otras páginas.", "",
            "Esta guía le informa. No reemplaza los consejos de su médico ni de su asesor genético.", ""]
    if name == "index.md":
        topics = [p for p in _nav_files(ROOT / "mkdocs.es.yml") if p not in ("index.md", "glossary.md", "about.md")]
        body += [f"{number}. [Tema {number}]({topic})" for number, topic in enumerate(topics, 1)] + [""]
    for anchor in anchors:
        body += [f"## ¿Qué debe saber? {{#{anchor}}}", "", "Esta parte se está escribiendo.", ""]
    body += ["## Fuentes", "", f"- Fuente de la página en inglés (en inglés): <{link}>", ""]
    head = ["---", 'title: "¿Qué hay en esta página?"', 'description: "Una página de la guía que todavía se está escribiendo."',
            f"last_reviewed: {meta['last_reviewed']}", f"english_review: {meta['last_reviewed']}", "---", ""]
    return "\n".join(head + body)


def _nav_files(config_file: Path) -> list[str]:
    found: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            walk(value) if isinstance(value, list) else found.append(value)

    walk(site_config(config_file)["nav"])
    return found


def make_site(folder: Path, pages: dict[str, str], **config: object) -> Path:
    """A small site that uses the project's own theme overrides and hooks; returns its mkdocs.yml."""
    settings = site_config(ROOT / "mkdocs.yml")
    settings.pop("nav", None)
    # One language: a small site has no twins (tests/test_i18n.py builds two-language ones).
    settings["extra"] = {key: value for key, value in settings["extra"].items() if key not in ("languages", "alternate")}
    settings.update(config)
    for name, text in pages.items():
        path = folder / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for asset in ("assets/favicon.svg", "stylesheets/extra.css", "stylesheets/figures.css", "javascripts/review-notice.js"):
        target = folder / "docs" / asset
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((ROOT / "docs" / asset).read_bytes())
    return write_site_config(folder / "mkdocs.yml", settings, folder / "docs", ROOT)


def page(body: str = "Some text.", **front_matter: object) -> str:
    """A Markdown page with the given front matter (values written as YAML, raw strings as-is)."""
    lines = ["---"] + [f"{key}: {value}" for key, value in front_matter.items()] + ["---", "", body, ""]
    return "\n".join(lines)


def build_small(folder: Path, pages: dict[str, str], **env: str) -> BuildResult:
    return build(make_site(folder, pages), folder / "site", **env)


def errors(log: str) -> list[str]:
    """The ERROR lines of a build log, without the level: what an author reads, in order."""
    return [match.group(1) for match in re.finditer(r"^ERROR\s+-\s+(.*)$", log, re.MULTILINE)]


def required(message: str) -> None:
    """Under CI a missing tool fails the run; on a developer's machine the test skips, saying how to get it."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium, one for the whole run (Playwright's sync API allows one at a time)."""
    if not chromium_available():
        required(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = launch(playwright)
    yield browser
    browser.close()
    playwright.stop()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Network tests run only when asked for (`pytest -m network`); otherwise they skip, saying why."""
    chosen = config.getoption("-m") or ""
    if "network" in chosen and "not network" not in chosen:
        return
    skip = pytest.mark.skip(reason="needs the internet: run `uv run pytest -m network` (the weekly workflow does)")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)
