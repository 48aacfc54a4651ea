"""Markdown that Python-Markdown turns into something broken without a word.

- a table row with more cells than the header (the extra cells are dropped);
- an admonition (`!!!`, `???`) whose text is not indented (an empty box is published);
- a footnote reference with no definition (a literal `[^9]` is published);
- a `javascript:` link;
- a link to the site's own full address that goes to no page (a typo there is not
  checked by MkDocs, which sees an external link).

Plain functions: a page's Markdown body or built HTML in, `(line, message)` out
(lines count in the text given). hooks/page_checks.py runs them in the build.
"""

from __future__ import annotations

import difflib
import html as html_lib
import re
from collections.abc import Iterator

Finding = tuple[int | None, str]

FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
ADMONITION = re.compile(r"^(?P<indent>\s*)(?P<mark>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)")
CODE_SPAN = re.compile(r"`[^`]*`")
# In built HTML: code to leave alone, a footnote mark that did not become a footnote, links.
HTML_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
LEFT_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def _lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(number, line) for every line outside fenced code."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):  # "\n" only: the lines an editor numbers
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def _cells(row: str) -> int:
    """Cells in a table row: `|` splits, except escaped (`\\|`) or inside `code`."""
    text = CODE_SPAN.sub("code", row.replace("\\|", "")).strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return text.count("|") + 1


def table_rows(markdown: str) -> list[Finding]:
    """Rows with more cells than their table's header."""
    findings: list[Finding] = []
    lines = list(_lines(markdown))
    header_cells = None
    for index, (number, line) in enumerate(lines):
        if header_cells is not None:
            if not line.strip() or "|" not in line:
                header_cells = None
            elif _cells(line) > header_cells:
                findings.append((number, f"this table row has {_cells(line)} cells but the header has {header_cells}: "
                                         "the extra cells would be dropped; add a column to the header, or write "
                                         "a `|` inside a cell as `\\|`"))
            continue
        if "|" in line and TABLE_DIVIDER.match(line) and index and "|" in lines[index - 1][1]:
            header_cells = _cells(lines[index - 1][1])
    return findings


def empty_admonitions(markdown: str) -> list[Finding]:
    """`!!! note` boxes whose next text is not indented 4 spaces more: the box is published empty."""
    findings: list[Finding] = []
    raw = markdown.split("\n")  # the body may be a fenced block: look at every line after the mark
    for number, line in _lines(markdown):
        start = ADMONITION.match(line)
        if not start:
            continue
        indent = len(start.group("indent").expandtabs(4))
        body = next((text.expandtabs(4) for text in raw[number:] if text.strip()), "")
        if len(body) - len(body.lstrip()) < indent + 4:
            findings.append((number, f"this `{start.group('mark')} {start.group('kind')}` box has no text: "
                                     "indent the lines under it by 4 spaces, or the box is published empty"))
    return findings


def footnotes_left(html: str, markdown: str) -> list[Finding]:
    """A `[^x]` left in the built page: the footnote has no `[^x]: ...` definition."""
    findings: list[Finding] = []
    for label in dict.fromkeys(LEFT_FOOTNOTE.findall(HTML_CODE.sub("", html))):
        mark = f"[^{label}]"
        line = next((n for n, text in _lines(markdown) if mark in CODE_SPAN.sub("", text)), None)
        findings.append((line, f"footnote `{mark}` has no definition, so `{mark}` would show as text: "
                               f"add a line `{mark}: the source` at the end of the page, or remove the mark"))
    return findings


def hrefs(html: str) -> list[str]:
    """Every link address in built HTML, unescaped (`&amp;` -> `&`)."""
    return [html_lib.unescape(match.group(2)).strip() for match in HREF.finditer(html)]


def script_links(html: str, markdown: str) -> list[Finding]:
    """`javascript:` links: they run code when clicked, and Material's privacy promise forbids scripts."""
    findings: list[Finding] = []
    for href in hrefs(html):
        if re.sub(r"\s", "", href).lower().startswith("javascript:"):
            line = next((n for n, text in _lines(markdown) if "javascript:" in text.lower()), None)
            findings.append((line, f"link to `{href[:40]}` runs a script: link to a page or an https address instead"))
    return findings


def own_address_links(html: str, markdown: str, site_url: str, addresses: dict[str, str]) -> list[Finding]:
    """Links written as the site's full address (site_url + path) that go to no page or file of the site.

    `addresses` maps every path the build writes, relative to site_url ('' for the
    home page, 'vectors/', 'assets/favicon.svg'), to its file under docs/ ('vectors.md').
    """
    findings: list[Finding] = []
    if not site_url:
        return findings
    base = site_url if site_url.endswith("/") else site_url + "/"
    for href in hrefs(html):
        if not href.startswith(base):
            continue
        path = re.split(r"[#?]", href[len(base) :], maxsplit=1)[0]
        if path in addresses or path.removesuffix("index.html") in addresses or path + "/" in addresses:
            continue
        line = next((n for n, text in _lines(markdown) if href in text), None)
        guess = difflib.get_close_matches(path, sorted(addresses), n=1)
        target = addresses[guess[0]] if guess else "vectors.md"
        hint = f" (did you mean {base}{guess[0]}?)" if guess else ""
        findings.append((line, f"link to {href} is this site's own address, but no page is there{hint}: "
                               f"link to the Markdown file instead, such as `[words]({target})`, "
                               "so the build checks it"))
    return findings
