"""The diagrams: safe, readable SVG files, up to date with their source, shown on the pages.

The SVG checks run on the files in docs/assets/diagrams/; the page checks use the
`built_site` fixture (tests/conftest.py), the site built once per test session.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from sitecheck import diagrams

ROOT = Path(__file__).resolve().parents[1]
DIAGRAM_DIR = ROOT / "docs" / "assets" / "diagrams"
SNIPPET_DIR = ROOT / "includes" / "diagrams"
SVGS = sorted(DIAGRAM_DIR.glob("*.svg"))
SNIPPETS = sorted(SNIPPET_DIR.glob("*.md"))
EXPECTED = {path.stem for path in SVGS}  # the generator's tests (test_drawing.py) tie these to the words files


# --- The SVG files ---------------------------------------------------------------------


@pytest.mark.parametrize("svg", SVGS, ids=lambda path: path.stem)
def test_diagram_passes_the_svg_checks(svg: Path) -> None:
    assert diagrams.svg_problems(svg) == []


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert diagrams.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert diagrams.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert diagrams.contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


# --- The checker catches bad SVG files ---------------------------------------------------

GOOD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="200" viewBox="0 0 360 200" role="img" '
    'aria-labelledby="t d" font-family="{font}"><title id="t">A title</title><desc id="d">What it shows</desc>'
    '{extra}<text x="10" y="40" font-size="{size}">Label</text></svg>'
)


def _svg(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.svg"
    path.write_text(text, encoding="utf-8")
    return path


def _good(**changes: str) -> str:
    values = {"font": diagrams.FONT_STACK, "size": "15", "extra": ""} | changes
    return GOOD.format(**values)


def test_a_good_svg_passes(tmp_path: Path) -> None:
    assert diagrams.svg_problems(_svg(tmp_path, _good())) == []


@pytest.mark.parametrize(
    ("svg_text", "expected"),
    [
        pytest.param(_good().replace('<title id="t">A title</title>', ""), "<title>", id="missing-title"),
        pytest.param(_good().replace('<desc id="d">What it shows</desc>', ""), "<desc>", id="missing-desc"),
        pytest.param(_good().replace(' viewBox="0 0 360 200"', ""), "viewBox", id="missing-viewbox"),
        pytest.param(_good().replace(' width="360"', ""), "width", id="missing-width"),
        pytest.param(_good().replace(' role="img"', ""), 'role="img"', id="missing-role"),
        pytest.param(_good().replace('aria-labelledby="t d"', 'aria-labelledby="t"'), "aria-labelledby", id="desc-not-labelled"),
        pytest.param(_good(extra="<script>alert(1)</script>"), "<script>", id="script"),
        pytest.param(_good(extra='<rect width="9" height="9" onclick="go()"/>'), "onclick", id="event-attribute"),
        pytest.param(_good(extra='<image href="https://example.org/a.png" width="9" height="9"/>'), "outside the file", id="external-href"),
        pytest.param(
            _good(extra='<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#icon"/>'),
            "outside the file",
            id="external-xlink-href",
        ),
        pytest.param(_good(extra='<rect width="9" height="9" style="fill: url(https://example.org/p.svg#x)"/>'), "loads", id="external-url-in-style"),
        pytest.param(_good(extra="<style>@import 'https://example.org/font.css';</style>"), "imports", id="style-import"),
        pytest.param(_good(extra="<style>@font-face { font-family: X; src: url(data:font/woff2;base64,AAAA) }</style>"), "font", id="embedded-font"),
        pytest.param(_good(size="9"), "below", id="tiny-text"),
        pytest.param(_good(font="Comic Sans MS"), "font-family", id="other-font"),
        pytest.param("<svg><title>unclosed</svg>", "not well-formed", id="not-xml"),
        pytest.param('<html xmlns="http://www.w3.org/1999/xhtml"/>', "root element", id="not-svg"),
    ],
)
def test_checker_catches_a_bad_svg(tmp_path: Path, svg_text: str, expected: str) -> None:
    problems = diagrams.svg_problems(_svg(tmp_path, svg_text))
    assert any(expected in problem for problem in problems), problems


def test_internal_references_are_allowed(tmp_path: Path) -> None:
    extra = '<defs><pattern id="p" width="4" height="4"/></defs><rect width="9" height="9" fill="url(#p)"/><use href="#p"/>'
    assert diagrams.svg_problems(_svg(tmp_path, _good(extra=extra))) == []


def test_font_and_size_are_inherited_from_a_parent(tmp_path: Path) -> None:
    text = _good().replace('<text x="10" y="40" font-size="15">Label</text>', '<g font-size="16"><text x="1" y="9"><tspan>Hi</tspan></text></g>')
    assert diagrams.svg_problems(_svg(tmp_path, text)) == []


# --- The snippets that put each diagram on a page ------------------------------------------

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(/?assets/diagrams/(?P<name>[a-z0-9-]+)\.svg\)\{(?P<attrs>[^}]*)\}")


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.stem)
def test_snippet_shows_its_diagram_with_words(snippet: Path) -> None:
    text = snippet.read_text(encoding="utf-8")
    image = IMAGE.search(text)
    assert image and image["name"] == snippet.stem, "the snippet must show assets/diagrams/<its name>.svg"
    assert len(image["alt"].split()) >= 8, "alt text should say what the diagram shows"
    assert '<figure markdown="span">' in text and "<figcaption>" in text
    assert '??? info "The diagram in words"' in text


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.stem)
def test_snippet_size_matches_the_svg(snippet: Path) -> None:
    """width/height on the <img> reserve the right space before the lazy image loads."""
    attrs = dict(re.findall(r'(\w+)="([^"]*)"', IMAGE.search(snippet.read_text(encoding="utf-8"))["attrs"]))
    svg = (DIAGRAM_DIR / f"{snippet.stem}.svg").read_text(encoding="utf-8")
    width, height = (float(v) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups())
    assert attrs.get("loading") == "lazy"
    assert float(attrs["height"]) / float(attrs["width"]) == pytest.approx(height / width, rel=0.01)


def _words_only(snippet: Path) -> str:
    """The 'diagram in words' block as plain sentences."""
    block = snippet.read_text(encoding="utf-8").split('"The diagram in words"', 1)[1]
    block = re.sub(r"\*\*|^\s*(\d+\.|-)\s+", "", block, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", block).strip()


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.stem)
def test_diagram_words_are_plain(snippet: Path) -> None:
    words = _words_only(snippet)
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+", words) if s]
    assert max(len(s.split()) for s in sentences) <= 20
    assert textstat.flesch_kincaid_grade(words) <= 6


# --- The built site ---------------------------------------------------------------------


def test_every_diagram_is_shown_on_a_page(built_site: Path) -> None:
    shown = diagrams.referenced_diagrams(built_site)
    missing = EXPECTED - set(shown)
    assert not missing, f"diagrams on no page: {sorted(missing)}"


def test_every_image_has_alt_text(built_site: Path) -> None:
    assert diagrams.images_without_alt(built_site) == []


def test_content_images_open_in_the_lightbox(built_site: Path) -> None:
    assert diagrams.content_images_without_lightbox(built_site) == []


def test_diagram_links_point_to_the_svg(built_site: Path) -> None:
    """The lightbox opens the same SVG file (with its own size), not a missing one."""
    for name, pages in diagrams.referenced_diagrams(built_site).items():
        assert (built_site / "assets" / "diagrams" / f"{name}.svg").is_file(), (name, pages)


# --- The site checks themselves, on a tiny hand-made site ------------------------------------


def _page(site: Path, path: str, article: str) -> None:
    page = site / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f'<html><body><img src="../logo.png" alt="Logo"><article class="md-content__inner">{article}</article></body></html>', encoding="utf-8")


def test_site_checks_find_diagrams_and_problems(tmp_path: Path) -> None:
    _page(tmp_path, "vectors/index.html", '<a class="glightbox" href="../assets/diagrams/a.svg"><img src="../assets/diagrams/a.svg" alt="A"></a>')
    _page(tmp_path, "index.html", '<img src="assets/diagrams/b.svg" alt=""><img src="photo.png" alt="x" class="no-lightbox">')
    assert diagrams.referenced_diagrams(tmp_path) == {"b": ["index.html"], "a": ["vectors/index.html"]}
    assert diagrams.images_without_alt(tmp_path) == ["index.html: assets/diagrams/b.svg"]
    assert diagrams.content_images_without_lightbox(tmp_path) == ["index.html: assets/diagrams/b.svg"]
