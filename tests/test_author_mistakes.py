"""Mistakes a new author makes stop the build, each with one line naming the file, the line and the fix.

Each test builds a small temporary site with the project's hooks. Mistakes that do not
stop each other go in one site, so the build log must list each of them, in page order,
and nothing else; mistakes that stop the build early (mkdocs.yml, file bytes, the
glossary, SVG files) get a site each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_small, errors, make_site, page
from sitecheck import front_matter, markdown_checks, theme
from sitecheck.build import ROOT, build
from sitecheck.pages import front_matter as read, markdown_pages, read_front_matter, site_config

TODAY = "2026-11-24"
SITE_URL = site_config(ROOT / "mkdocs.yml")["site_url"]


def ok_page(body: str = "Some text.", **front: object) -> str:
    return page(body, title="A page", last_reviewed="2026-11-01", **front)


def test_markdown_and_front_matter_mistakes_each_stop_the_build_with_one_line(tmp_path: Path) -> None:
    pages = {
        "index.md": ok_page("Home."),
        "a-table.md": ok_page("| Name | Year |\n|---|---|\n| Casgevy | 2023 |\n| Lyfgenia | 2023 | extra |\n"),
        "b-admonition.md": ok_page('!!! warning "Talk to your care team"\n\nThis text is not indented.\n'),
        "c-footnote.md": ok_page("A fact.[^9]\n\nAnother.[^1]\n\n[^1]: A source.\n"),
        "d-script.md": ok_page("[Click me](javascript:alert(1))\n"),
        "e-own-address.md": ok_page(f"Read [genes]({SITE_URL}how-genes-wrok/) and [genes]({SITE_URL}how-genes-work/).\n"),
        "f-keys.md": page("Text.", title="Keys", last_reveiwed="2026-11-01", **{"reviewed-by": "Ana"}),
        "g-snippet.md": ok_page('Before.\n\n--8<-- "diagrams/no-such-diagram.md"\n'),
        "h-yaml.md": "---\ntitle: A page\njust some words\nlast_reviewed: 2026-11-01\n---\n\nText.\n",
        "how-genes-work.md": ok_page("Genes."),
    }
    (tmp_path / "includes").mkdir()  # the site's own snippets folder, as in the project
    result = build_small(tmp_path, pages, GUIDE_TODAY=TODAY)
    assert not result.ok
    assert "Traceback" not in result.log
    assert errors(result.log) == [
        "docs/a-table.md:9: this table row has 3 cells but the header has 2: the extra cells would be dropped; "
        "add a column to the header, or write a `|` inside a cell as `\\|`",
        "docs/b-admonition.md:6: this `!!! warning` box has no text: indent the lines under it by 4 spaces, "
        "or the box is published empty",
        "docs/c-footnote.md:6: footnote `[^9]` has no definition, so `[^9]` would show as text: "
        "add a line `[^9]: the source` at the end of the page, or remove the mark",
        "docs/d-script.md:6: link to `javascript:alert(1)` runs a script: link to a page or an https address instead",
        f"docs/e-own-address.md:6: link to {SITE_URL}how-genes-wrok/ is this site's own address, but no page is "
        f"there (did you mean {SITE_URL}how-genes-work/?): link to the Markdown file instead, such as "
        "`[words](how-genes-work.md)`, "
        "so the build checks it",
        "docs/f-keys.md:3: unknown front-matter key `last_reveiwed`: did you mean `last_reviewed`? "
        "(known keys are listed in data/front-matter.yaml)",
        "docs/f-keys.md:4: unknown front-matter key `reviewed-by`: did you mean `reviewed_by`? "
        "(known keys are listed in data/front-matter.yaml)",
        "docs/f-keys.md: The front matter has no `last_reviewed`. Write the date of the last fact check as "
        "`last_reviewed: YYYY-MM-DD`, for example `last_reviewed: 2026-11-24`.",
        "docs/g-snippet.md:8: snippet `diagrams/no-such-diagram.md` not found (looked in includes): "
        "check the file name, or add the file under includes/",
        "docs/h-yaml.md:3: the front matter is not valid YAML (could not find expected ':'; it started on line 3): "
        "check the quotes, brackets and colons on that line (text with a colon goes in quotes)",
        "Nothing was built: fix the mistakes listed above.",
    ]
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_misspelled_theme_feature_stops_the_build_at_its_line(tmp_path: Path) -> None:
    features = ["content.tooltips", "navigation.topp", "search.highlight"]
    config = make_site(tmp_path, {"index.md": ok_page()}, theme={**site_config(ROOT / "mkdocs.yml")["theme"],
                                                                 "features": features})
    result = build(config, tmp_path / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    line = config.read_text(encoding="utf-8").splitlines().index("  - navigation.topp") + 1
    assert errors(result.log) == [
        f"mkdocs.yml:{line}: theme feature `navigation.topp` is not one of Material's features, so it does nothing: "
        "did you mean `navigation.top`?",
        "1 mistake(s) in mkdocs.yml, listed above. Nothing was built.",
    ]


def test_materials_features_are_read_from_the_installed_package() -> None:
    known = theme.material_features()
    assert len(known) >= 25
    assert set(site_config(ROOT / "mkdocs.yml")["theme"]["features"]) <= known
    assert {"navigation.footer", "navigation.prune", "content.tooltips", "toc.follow"} <= known


def test_a_file_that_is_not_utf8_stops_the_build_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "note.md").write_bytes("Na\xefve.\n".encode("latin-1"))
    config = make_site(tmp_path, {"index.md": ok_page()})
    (tmp_path / "docs" / "latin1.md").write_bytes(ok_page("Line one.\n\nCaf\xe9 au lait.").encode("latin-1"))
    result = build(config, tmp_path / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    how = 'save it as UTF-8 in your editor ("Save with encoding", UTF-8)'
    assert errors(result.log) == [
        f"docs/latin1.md:8: the file is not UTF-8 text (byte 0xe9 on this line): {how}",
        f"includes/note.md:1: the file is not UTF-8 text (byte 0xef on this line): {how}",
        "2 file(s) are not UTF-8 text, listed above. Nothing was built.",
    ]


def test_an_svg_with_a_script_anywhere_under_docs_stops_the_build(tmp_path: Path) -> None:
    config = make_site(tmp_path, {"index.md": ok_page()})
    svg = tmp_path / "docs" / "images" / "logo.svg"
    svg.parent.mkdir()
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="go()"><script>go()</script></svg>', encoding="utf-8")
    result = build(config, tmp_path / "site", GUIDE_TODAY=TODAY)
    assert not result.ok
    fix = "remove it: an SVG on this site may hold no scripts, event handlers or outside links"
    assert errors(result.log) == [
        f"docs/images/logo.svg: event attribute onload on <svg>: {fix}",
        f"docs/images/logo.svg: <script> is not allowed: {fix}",
        "2 unsafe SVG file(s), listed above. Nothing was built.",
    ]


GLOSSARY = """# Glossary

Vector
:   A carrier that brings a new gene into your cells.

Vectors
:   More than one carrier.

Germ
:

Cell
:    The smallest living unit of your body.
"""


def test_glossary_mistakes_stop_the_build_each_with_its_line(tmp_path: Path) -> None:
    pages = {"index.md": ok_page("A vector."), "glossary.md": page(GLOSSARY, title="Glossary", last_reviewed="2026-11-01")}
    result = build_small(tmp_path, pages, GUIDE_TODAY=TODAY)
    assert not result.ok
    how = "write the term on one line and its definition on the next, after a colon and 3 spaces: `:   A carrier ...`"
    assert errors(result.log) == [
        f"docs/glossary.md:14: 'Germ' has no definition (it would be published as 'Germ :'): {how}",
        "docs/glossary.md:18: the definition of 'Cell' has 4 spaces after the colon, so Markdown does not read it "
        f"as a definition and it gets no tooltip: {how}",
        "docs/glossary.md:11: 'Vectors' is also a form of 'Vector' (line 8), so a page's uses of it would get only "
        "one of the two definitions: keep one entry, in the singular",
        "3 glossary mistake(s), listed above. Nothing was built.",
    ]


# --- The rules as plain functions: the cases a build test would repeat -------------------------

@pytest.mark.parametrize(("markdown", "count"), [
    ("| a | b |\n|---|---|\n| 1 | 2 |\n", 0),
    ("| a | b |\n|:--|--:|\n| `x|y` | 2 |\n| 1 \\| 2 | 3 |\n", 0),     # pipes in code or escaped
    ("a | b\n--|--\n1 | 2 | 3\n", 1),                                 # no outer pipes
    ("```\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n```\n", 0),           # in a code block
    ("| a | b |\n|---|---|\n| 1 | 2 |\n\n| 1 | 2 | 3 | 4 |\n", 0),     # a new paragraph, not a row
])
def test_table_rows(markdown: str, count: int) -> None:
    assert len(markdown_checks.table_rows(markdown)) == count


@pytest.mark.parametrize(("markdown", "count"), [
    ('!!! abstract "Key points"\n\n    - One.\n', 0),
    ('!!! note\n    ```\n    code\n    ```\n', 0),
    ('??? info "The diagram in words"\n    1. Step.\n', 0),
    ('- item\n\n    !!! note\n    Not indented enough.\n', 1),
    ('!!! note\n', 1),
    ('```\n!!! note\n```\n', 0),
])
def test_empty_admonitions(markdown: str, count: int) -> None:
    assert len(markdown_checks.empty_admonitions(markdown)) == count


def test_footnotes_in_code_are_not_mistakes() -> None:
    assert markdown_checks.footnotes_left("<p>Use <code>[^1]</code>.</p><pre>[^2]</pre>", "") == []


def test_links_to_the_sites_own_pages_and_files_pass() -> None:
    addresses = {"": "index.md", "vectors/": "vectors.md", "vectors/index.html": "vectors.md",
                 "assets/favicon.svg": "assets/favicon.svg"}
    html = "".join(f'<a href="{SITE_URL}{path}">x</a>' for path in
                   ("", "vectors/", "vectors/#what-is-a-vector", "vectors", "vectors/index.html", "assets/favicon.svg"))
    assert markdown_checks.own_address_links(html, "", SITE_URL, addresses) == []
    assert markdown_checks.own_address_links(f'<a href="{SITE_URL}vector/">x</a>', "", SITE_URL, addresses)


def test_javascript_links_in_any_case_or_spacing() -> None:
    html = '<a href=" JavaScript:go()">a</a><a href="https://www.fda.gov/">b</a>'
    assert len(markdown_checks.script_links(html, "")) == 1


@pytest.mark.parametrize(("source", "line"), [
    ('---\ntitle: "unclosed\nlast_reviewed: 2026-01-01\n---\n', 2),       # unclosed quote: where it opened
    ("---\ntitle: x\njust words\nlast_reviewed: 2026-01-01\n---\n", 3),   # a line with no colon: that line
    ("---\ntitle: Why: because\n---\n", 2),
    ("---\ntitle: x\n- item\n---\n", 3),
    ("---\ntitle: [unclosed\nlast_reviewed: 2026-01-01\n---\n", 2),    # an open bracket: where it opened
])
def test_yaml_errors_point_at_the_line_to_fix(source: str, line: int) -> None:
    assert read_front_matter(source).error_line == line


def test_every_front_matter_key_the_pages_use_is_known() -> None:

    known = front_matter.known_keys()
    assert {"title", "description", "last_reviewed", "reviewed_by", "reading_level"} <= set(known)
    for path in markdown_pages(ROOT / "docs"):
        assert set(read(path)) <= set(known), path


@pytest.mark.parametrize(("markdown", "count"), [
    ('--8<-- "diagrams/{}.md"\n', 0),
    ('--8<-- "diagrams/nope.md"\n', 1),
    ('--8<-- ";diagrams/nope.md"\n', 0),                  # switched off on purpose
    ('--8<--\ndiagrams/{}.md\ndiagrams/nope.md\n--8<--\n', 1),
    ('```\n--8<-- "diagrams/nope.md"\n```\n', 0),
    (';--8<-- "diagrams/nope.md"\n', 0),                  # an escaped snippet line is shown as text
    ('  --8<-- "diagrams/{}.md:2:3"\n', 0),                # some lines of a file that exists
    ("--8<-- 'diagrams/nope.md'\n", 1),                   # single quotes
])
def test_missing_snippets(markdown: str, count: int) -> None:
    existing = sorted((ROOT / "includes" / "diagrams").glob("*.md"))[0].stem
    found = front_matter.missing_snippets(markdown.replace("{}", existing), [ROOT / "includes"], "docs/a.md")
    assert len(found) == count
    assert all(problem.file == "docs/a.md" and problem.line for problem in found)


def test_a_missing_snippet_is_one_line_not_a_traceback_and_a_present_one_is_fine(tmp_path: Path) -> None:
    body = 'Text.\n\n--8<-- "diagrams/no-such-diagram.md"\n\nMore.\n\n--8<-- "diagrams/vector-delivery.md"\n'
    result = build_small(tmp_path, {"index.md": ok_page(body)}, GUIDE_TODAY=TODAY)
    assert not result.ok and "Traceback" not in result.log and "SnippetMissingError" not in result.log
    assert errors(result.log) == [
        "docs/index.md:8: snippet `diagrams/no-such-diagram.md` not found (looked in includes): "
        "check the file name, or add the file under includes/",
        "Nothing was built: fix the mistakes listed above.",
    ]


def test_mkdocs_serve_rebuilds_on_includes_hooks_overrides_and_data() -> None:
    watched = site_config(ROOT / "mkdocs.yml")["watch"]
    assert {"includes", "hooks", "overrides", "data"} <= set(watched)
    assert all((ROOT / folder).is_dir() for folder in watched)


def test_invalid_yaml_alone_is_called_a_front_matter_mistake_at_the_line_to_fix(tmp_path: Path) -> None:
    pages = {"index.md": ok_page(), "quote.md": '---\ntitle: "What is it?\nlast_reviewed: 2026-11-01\n---\n\nText.\n'}
    result = build_small(tmp_path, pages, GUIDE_TODAY=TODAY)
    assert not result.ok
    assert errors(result.log) == [
        "docs/quote.md:2: the front matter is not valid YAML (found unexpected end of stream; it started on line 2): "
        "check the quotes, brackets and colons on that line (text with a colon goes in quotes)",
        "Nothing was built: fix the mistakes listed above.",
    ]


def test_the_registry_names_a_misspelled_theme_feature_too(tmp_path: Path) -> None:
    from sitecheck.site import Site

    config = make_site(tmp_path, {"index.md": ok_page()}, theme={**site_config(ROOT / "mkdocs.yml")["theme"],
                                                                 "features": ["navigation.topp"]})
    line = config.read_text(encoding="utf-8").splitlines().index("  - navigation.topp") + 1
    assert [str(p) for p in theme.check(Site(config))] == [
        f"mkdocs.yml:{line}: theme feature `navigation.topp` is not one of Material's features, so it does nothing: "
        "did you mean `navigation.top`?"]
