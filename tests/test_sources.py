"""Source files MkDocs would crash on stop the build with one line each: file, line, fix (hooks/sources.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_small, make_site, page
from sitecheck.build import build
from sitecheck.sources import encoding_problem, snippet_problems


def test_a_page_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    config = make_site(tmp_path, {"index.md": page(title="Home", last_reviewed="2026-11-01")})
    (tmp_path / "docs" / "latin1.md").write_bytes(b"---\ntitle: Caf\n---\n\nOne.\nCaf\xe9 au lait.\n")
    result = build(config, tmp_path / "site", GUIDE_TODAY="2026-11-24")
    assert not result.ok and "Traceback" not in result.log
    assert "docs/latin1.md:6: is not UTF-8 text (byte 0xe9): save the file as UTF-8" in result.log


def test_a_missing_snippet_names_file_and_line(tmp_path: Path) -> None:
    body = 'Text.\n\n--8<-- "diagrams/no-such-diagram.md"\n\nMore.\n\n--8<-- "diagrams/vector-delivery.md"\n'
    result = build_small(tmp_path, {"index.md": page(body, title="Home", last_reviewed="2026-11-01")},
                         GUIDE_TODAY="2026-11-24")
    assert not result.ok and "Traceback" not in result.log and "SnippetMissingError" not in result.log
    assert ('docs/index.md:8: the snippet "diagrams/no-such-diagram.md" does not exist in includes/: '
            "check its name against the files there") in result.log
    assert 'snippet "diagrams/vector-delivery.md"' not in result.log  # a snippet that exists is fine


def test_the_rules_as_plain_functions(tmp_path: Path) -> None:
    assert encoding_problem("Café".encode(), "docs/a.md") is None
    assert encoding_problem(b"one\ntwo\n\xff", "docs/a.md").line == 3
    (tmp_path / "there.md").write_text("x", encoding="utf-8")
    text = '--8<-- "there.md"\n;--8<-- "escaped.md"\n  --8<-- "there.md:2:3"\n--8<-- \'gone.md\'\n'
    assert [(p.line, p.what) for p in snippet_problems(text, "docs/a.md", [tmp_path])] == [
        (4, f'the snippet "gone.md" does not exist in {tmp_path.name}/')]
