"""Checks for the guide's SVG diagrams, their snippets, and how the built site shows them.

Plain functions, plain values: a path in, a list of problems out (empty means
fine). The `check_*` functions are the registry's (sitecheck/registry.py): a `Site`
in, `list[Problem]` out. The drawing code uses `contrast_ratio`. Only the standard
library's XML parser and BeautifulSoup are used.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlparse

from sitecheck.problem import Problem
from sitecheck.site import Site, html_pages, soup

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# The reader's own fonts: nothing is downloaded, and every platform has one of these.
FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
# 14 viewBox units in a 360-400 wide drawing is about 11.5 px or more on a 360 px phone.
MIN_FONT_SIZE = 14.0
DIAGRAM_DIR = "assets/diagrams/"

URL_FUNCTION = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
FONT_SIZE_IN_STYLE = re.compile(r"font-size\s*:\s*([0-9.]+)(px)?\s*(;|$)")
FONT_FAMILY_IN_STYLE = re.compile(r"font-family\s*:\s*([^;]+)")


def _local(tag: str) -> str:
    """Tag or attribute name without its namespace: '{ns}text' -> 'text'."""
    return tag.rsplit("}", 1)[-1]


def _normalise_font(value: str) -> str:
    """Compare font stacks without caring about spaces or quote style."""
    return re.sub(r"\s+", "", value).replace('"', "'")


# --- One SVG file -------------------------------------------------------------


def svg_problems(path: Path, min_font_size: float = MIN_FONT_SIZE) -> list[str]:
    """Everything wrong with one diagram file; an empty list means it passes."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [f"{path.name}: not well-formed XML ({error})"]
    problems = root_problems(root) + safety_problems(root) + text_problems(root, min_font_size)
    return [f"{path.name}: {problem}" for problem in problems]


def root_problems(root: ET.Element) -> list[str]:
    """The root must say what it is (role, title, desc) and how big it is (the lightbox needs a size)."""
    if _local(root.tag) != "svg" or not root.tag.startswith("{" + SVG_NS):
        return ["root element is not an SVG <svg> in the SVG namespace"]
    problems = []
    if root.get("role") != "img":
        problems.append('root <svg> needs role="img"')
    for name in ("width", "height"):
        if not _is_number(root.get(name)):
            problems.append(f"root <svg> needs a numeric {name}")
    if not _is_viewbox(root.get("viewBox")):
        problems.append("root <svg> needs a viewBox of 4 numbers")
    problems += _label_problems(root)
    return problems


def _label_problems(root: ET.Element) -> list[str]:
    """aria-labelledby must name a non-empty <title> and a non-empty <desc> inside the file."""
    ids = {element.get("id"): element for element in root.iter() if element.get("id")}
    named = {_local(ids[i].tag) for i in (root.get("aria-labelledby") or "").split() if i in ids}
    problems = []
    for tag in ("title", "desc"):
        element = root.find(f"{{{SVG_NS}}}{tag}")
        if element is None or not "".join(element.itertext()).strip():
            problems.append(f"needs a non-empty <{tag}> as a child of the root")
        elif tag not in named:
            problems.append(f"root aria-labelledby must point to the <{tag}> id")
    return problems


def safety_problems(root: ET.Element) -> list[str]:
    """No scripts, no event handlers, nothing loaded from outside the file."""
    problems = []
    for element in root.iter():
        tag = _local(element.tag)
        if tag in ("script", "foreignObject", "font", "font-face"):
            problems.append(f"<{tag}> is not allowed")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.lower().startswith("on"):
                problems.append(f"event attribute {attribute} on <{tag}>")
            if attribute == "href" and not value.strip().startswith("#"):
                problems.append(f"<{tag}> links outside the file: {value}")
            problems += _style_problems(value, f"{attribute} on <{tag}>")
        if tag == "style":
            problems += _style_problems(element.text or "", "<style>")
    return problems


def _style_problems(value: str, where: str) -> list[str]:
    """CSS or attribute text may only point inside the file: url(#id), no @import or @font-face."""
    problems = [f"{where} loads {target}" for target in URL_FUNCTION.findall(value) if not target.strip().startswith("#")]
    if "@import" in value or "@font-face" in value:
        problems.append(f"{where} imports CSS or a font")
    if re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", value, re.IGNORECASE):
        problems.append(f"{where} holds a web address")
    return problems


def text_problems(root: ET.Element, min_font_size: float = MIN_FONT_SIZE) -> list[str]:
    """Every <text> and <tspan> is in the system font stack and big enough to read on a phone."""
    problems = []
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        if _local(element.tag) not in ("text", "tspan"):
            continue
        label = f"<{_local(element.tag)}> '{''.join(element.itertext()).strip()[:30]}'"
        family = _inherited(element, parents, "font-family", FONT_FAMILY_IN_STYLE)
        if family is None or _normalise_font(family) != _normalise_font(FONT_STACK):
            problems.append(f"{label} font-family is {family!r}, expected the system font stack")
        size = _inherited(element, parents, "font-size", FONT_SIZE_IN_STYLE)
        if not _is_number(size):
            problems.append(f"{label} needs a font-size in viewBox units (got {size!r})")
        elif float(size) < min_font_size:
            problems.append(f"{label} font-size {size} is below {min_font_size:g}")
    return problems


def _inherited(element: ET.Element, parents: dict, name: str, in_style: re.Pattern[str]) -> str | None:
    """A presentation value as SVG resolves it: the style attribute, then the attribute, then the parent."""
    node: ET.Element | None = element
    while node is not None:
        match = in_style.search(node.get("style") or "")
        if match:
            return match.group(1).strip()
        if node.get(name) is not None:
            return node.get(name).strip().removesuffix("px")
        node = parents.get(node)
    return None


def _is_number(value: str | None) -> bool:
    try:
        return value is not None and float(value) > 0
    except ValueError:
        return False


def _is_viewbox(value: str | None) -> bool:
    parts = (value or "").replace(",", " ").split()
    try:
        return len(parts) == 4 and float(parts[2]) > 0 and float(parts[3]) > 0
    except ValueError:
        return False


# --- Colour contrast (WCAG 2) -----------------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a '#RRGGBB' colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1 (same) to 21 (black on white); body text needs 4.5."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# --- The built site -----------------------------------------------------------


_pages = html_pages
_soup = soup


def _page_url(site: Path, page: Path) -> str:
    """The address of a built page inside the site, for resolving its relative links."""
    return "https://site.invalid/" + page.relative_to(site).as_posix()


def diagram_name(site: Path, page: Path, src: str) -> str | None:
    """'../assets/diagrams/vectors.svg' on a page -> 'vectors'; None for any other image."""
    path = urlparse(urljoin(_page_url(site, page), src)).path.lstrip("/")
    if path.startswith(DIAGRAM_DIR) and path.endswith(".svg"):
        return path[len(DIAGRAM_DIR) : -len(".svg")]
    return None


def referenced_diagrams(site: Path) -> dict[str, list[str]]:
    """Which built pages show each diagram: {'vector-delivery': ['vectors/index.html'], ...}."""
    found: dict[str, list[str]] = {}
    for page in _pages(site):
        for img in _soup(page).find_all("img", src=True):
            name = diagram_name(site, page, img["src"])
            if name:
                found.setdefault(name, []).append(page.relative_to(site).as_posix())
    return found


def images_without_alt(site: Path) -> list[str]:
    """Every <img> in the built site must say what it shows (screen readers, broken images)."""
    return [
        f"{page.relative_to(site)}: {img.get('src')}"
        for page in _pages(site)
        for img in _soup(page).find_all("img")
        if not (img.get("alt") or "").strip()
    ]


def content_images_without_lightbox(site: Path) -> list[str]:
    """Images in the page's article must be wrapped in the glightbox link (click to zoom on a phone)."""
    missing = []
    for page in _pages(site):
        for article in _soup(page).select("article.md-content__inner"):
            for img in article.find_all("img"):
                link = img.find_parent("a")
                classes = img.get("class") or []
                if "no-lightbox" not in classes and (link is None or "glightbox" not in (link.get("class") or [])):
                    missing.append(f"{page.relative_to(site)}: {img.get('src')}")
    return missing


# --- The registry's checks -------------------------------------------------------------

# `/assets/...` (from docs/, as the generator writes it), `../assets/...` or `assets/...`; `/es/assets/...` in Spanish.
SNIPPET_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?:\.\./)*/?(?:[a-z]{2}/)?assets/diagrams/(?P<name>[a-z0-9-]+)\.svg\)"
                           r"\{(?P<attrs>[^}]*)\}")
WORDS_TITLE = '"The diagram in words"'


def _diagram_dir(site: Site) -> Path:
    return site.docs_dir / DIAGRAM_DIR


def _snippets(site: Site, languages: bool = False) -> list[Path]:
    """The diagram snippets: English (includes/diagrams/*.md), and with `languages` the translations
    (includes/LANG/diagrams/*.md, whose SVGs are in that language's docs folder, docs-LANG/assets/diagrams/)."""
    english = sorted((site.root / "includes" / "diagrams").glob("*.md"))
    return sorted((site.root / "includes").glob("*/diagrams/*.md")) + english if languages else english


def _svg_of(site: Site, snippet: Path) -> Path:
    language = snippet.parent.parent.name if snippet.parent.parent.name != "includes" else ""
    if not language:
        return _diagram_dir(site) / f"{snippet.stem}.svg"
    listed = ((site.config.get("extra") or {}).get("languages") or {}).get(language) or {}
    return site.root / listed.get("docs_dir", f"docs-{language}") / DIAGRAM_DIR / f"{snippet.stem}.svg"


def check_svg_files(site: Site) -> list[Problem]:
    """Every SVG diagram is safe (no script, nothing loaded from outside), labelled and readable on a phone."""
    problems = []
    for svg in sorted(_diagram_dir(site).glob("*.svg")):
        for problem in svg_problems(svg):
            problems.append(Problem(site.name(svg), problem.removeprefix(f"{svg.name}: ")))
    return problems


def check_snippets(site: Site) -> list[Problem]:
    """Every diagram snippet shows its own SVG, at its size, lazily, with alt text, a caption and the words."""
    problems = []
    for snippet in _snippets(site, languages=True):
        file, text = site.name(snippet), snippet.read_text(encoding="utf-8")
        image = SNIPPET_IMAGE.search(text)
        if not image or image["name"] != snippet.stem:
            problems.append(Problem(file, f"does not show assets/diagrams/{snippet.stem}.svg",
                                    f"add ![what it shows](assets/diagrams/{snippet.stem}.svg){{ ... }}"))
            continue
        if len(image["alt"].split()) < 8:
            problems.append(Problem(file, "the alt text is too short to say what the diagram shows",
                                    "describe the diagram in a sentence of 8 words or more"))
        if '<figure markdown="span">' not in text or "<figcaption>" not in text:
            problems.append(Problem(file, "no figure with a caption",
                                    'wrap the image in <figure markdown="span"> with a <figcaption>'))
        english = snippet.parent.parent.name == "includes"  # a translation titles the block in its language
        if (f"??? info {WORDS_TITLE}" if english else '??? info "') not in text:
            problems.append(Problem(file, "no text version", f"add a ??? info {WORDS_TITLE} block"))
        problems += _size_problems(file, image["attrs"], _svg_of(site, snippet))
    return problems


def _size_problems(file: str, attrs_text: str, svg: Path) -> list[Problem]:
    """width/height on the <img> reserve the right space before the lazy image loads."""
    attrs = dict(re.findall(r'(\w+)="([^"]*)"', attrs_text))
    problems = []
    if attrs.get("loading") != "lazy":
        problems.append(Problem(file, "the image does not load lazily", 'add loading="lazy" to its { ... }'))
    size = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg.read_text(encoding="utf-8")) if svg.is_file() else None
    if size is None:
        return problems + [Problem(file, f"{svg.name} has no width and height", "give its <svg> both")]
    width, height = (float(value) for value in size.groups())
    try:
        ratio = float(attrs["height"]) / float(attrs["width"])
    except (KeyError, ValueError, ZeroDivisionError):
        return problems + [Problem(file, "the image has no width and height", f'add width="{width:g}" height="{height:g}"')]
    if abs(ratio - height / width) > 0.01 * height / width:
        problems.append(Problem(file, f"the image's width and height do not match {svg.name}",
                                f'use width="{width:g}" height="{height:g}"'))
    return problems


def words_only(text: str) -> str:
    """A snippet's "The diagram in words" block as plain sentences."""
    block = text.split(WORDS_TITLE, 1)[1] if WORDS_TITLE in text else ""
    block = re.sub(r"\*\*|^\s*(\d+\.|-)\s+", "", block, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", block).strip()


def check_diagram_words(site: Site) -> list[Problem]:
    """Each diagram's words are plain: short sentences, a low grade (`[tool.sitecheck.diagram_words]`; English)."""
    from sitecheck.readability import score
    from sitecheck.settings import section

    limits = section("diagram_words")
    problems = []
    for snippet in _snippets(site):
        file, words = site.name(snippet), words_only(snippet.read_text(encoding="utf-8"))
        if not words:
            continue  # check_snippets reports the missing block
        longest = max((s for s in re.split(r"(?<=[.!?:])\s+", words) if s), key=lambda s: len(s.split()))
        if len(longest.split()) > limits["max_sentence_words"]:
            problems.append(Problem(file, f"a sentence in {WORDS_TITLE} has {len(longest.split())} words: {longest}",
                                    f"split it: at most {limits['max_sentence_words']} words a sentence"))
        grade = score([words]).fkgl
        if grade > limits["max_fkgl"]:
            problems.append(Problem(file, f"{WORDS_TITLE} reads at grade {grade:.1f}",
                                    f"use shorter words and sentences: grade {limits['max_fkgl']:g} or lower"))
    return problems


def check_images_have_alt(site: Site) -> list[Problem]:
    """Every <img> in the built site says what it shows (screen readers, broken images)."""
    found = [entry.split(": ", 1) for entry in images_without_alt(site.site_dir)]
    return [Problem(page, f"the image {src} has no alt text", "say in the ![...] what it shows") for page, src in found]


def check_images_open_in_lightbox(site: Site) -> list[Problem]:
    """Images in an article open full size on a click (glightbox), unless marked no-lightbox."""
    found = [entry.split(": ", 1) for entry in content_images_without_lightbox(site.site_dir)]
    return [Problem(page, f"the image {src} does not open full size",
                    "use its diagram snippet, or add { .no-lightbox } to a small image") for page, src in found]


def check_diagrams_shown(site: Site) -> list[Problem]:
    """Every SVG in assets/diagrams/ is shown on at least one page."""
    shown = referenced_diagrams(site.site_dir)
    return [Problem(site.name(svg), "is on no page", f'add --8<-- "diagrams/{svg.stem}.md" where it helps, or delete it')
            for svg in sorted(_diagram_dir(site).glob("*.svg")) if svg.stem not in shown]
