"""The diagrams: safe, readable SVG files, up to date with their source, shown on the pages.

The SVG checks run on the files in docs/assets/diagrams/; the page checks use the
`built_site` fixture (tests/conftest.py), the site built once per test session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import diagrams
from sitecheck.site import Site

ROOT = Path(__file__).resolve().parents[1]
DIAGRAM_DIR = ROOT / "docs" / "assets" / "diagrams"
SVGS = sorted(DIAGRAM_DIR.glob("*.svg"))
EXPECTED = {path.stem for path in SVGS}  # the generator's tests (test_drawing.py) tie these to the words files


# --- The SVG files ---------------------------------------------------------------------


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
# The guide's own snippets and SVG files pass the registry's checks (tests/test_checks.py):
# `svg-files`, `diagram-snippets`, `diagram-words`. Here: each rule catches its mistake.

SNIPPET = """<figure markdown="span">
  ![A cell takes in a vector that carries a new gene to the nucleus.](assets/diagrams/demo.svg){ width="360" height="200" loading="lazy" }
  <figcaption>A vector carries a gene.</figcaption>
</figure>

??? info "The diagram in words"
    1. **A vector comes.** It carries a gene.
"""
LONG = " ".join(["word"] * 25) + "."
HARD_WORDS = "Immunosuppressive corticosteroid administration necessitates comprehensive hepatological evaluation."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(lambda t: t.replace("demo.svg", "other.svg"), "does not show assets/diagrams/demo.svg", id="wrong-image"),
        pytest.param(lambda t: t.replace("A cell takes in a vector that carries a new gene to the nucleus.", "A cell"),
                     "the alt text is too short", id="short-alt"),
        pytest.param(lambda t: t.replace("<figcaption>A vector carries a gene.</figcaption>", ""), "no figure with a caption",
                     id="no-caption"),
        pytest.param(lambda t: t.split("??? info")[0], "no text version", id="no-words"),
        pytest.param(lambda t: t.replace(' loading="lazy"', ""), "the image does not load lazily", id="not-lazy"),
        pytest.param(lambda t: t.replace('height="200"', 'height="400"'), "do not match demo.svg", id="wrong-size"),
        pytest.param(lambda t: t.replace("It carries a gene.", LONG), "has 25 words", id="long-sentence"),
        pytest.param(lambda t: t.replace("It carries a gene.", HARD_WORDS), "reads at grade", id="hard-words"),
    ],
)
def test_snippet_checks_catch_each_mistake(tmp_path: Path, change, message: str) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "diagrams").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "diagrams" / "demo.svg").write_text(_good().replace('height="200"', 'height="200"'))
    (tmp_path / "includes" / "diagrams").mkdir(parents=True)
    snippet = tmp_path / "includes" / "diagrams" / "demo.md"
    site = Site(tmp_path / "mkdocs.yml")
    snippet.write_text(SNIPPET, encoding="utf-8")
    assert diagrams.check_snippets(site) == [] and diagrams.check_diagram_words(site) == []
    snippet.write_text(change(SNIPPET), encoding="utf-8")
    found = [str(problem) for problem in diagrams.check_snippets(site) + diagrams.check_diagram_words(site)]
    assert any(line.startswith("includes/diagrams/demo.md: ") and message in line for line in found), found


# --- The built site ---------------------------------------------------------------------


def test_every_diagram_is_shown_on_a_page(built_site: Path) -> None:
    shown = diagrams.referenced_diagrams(built_site)
    missing = EXPECTED - set(shown)
    assert not missing, f"diagrams on no page: {sorted(missing)}"


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
