"""The FDA list watcher, offline on a stored page in FDA's structure; one network test reads the real page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitecheck import approved, fda_watch

FIXTURE = Path(__file__).parent / "fixtures" / "fda-approved-products.html"
PAGE = FIXTURE.read_text(encoding="utf-8")
NEW_ROW = ('<tr>\n          <td><a href="/vaccines-blood-biologics/newgenix">NEWGENIX (newgene autotemcel)</a></td>\n'
           "          <td>New Gene Company, Inc.</td>\n        </tr>\n")


def run(tmp_path: Path, html: str, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    code = fda_watch.main(["--file", str(page)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_stored_page_matches_the_data(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(tmp_path, PAGE, capsys)
    assert code == 0, out
    assert "No differences" in out
    names = fda_watch.product_names(PAGE)
    assert "LUXTURNA (voretigene neparvovec-rzyl)" in names and "Product Name" not in names
    assert len(names) == PAGE.count("<td><a ")


def test_a_new_product_on_fdas_list_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(tmp_path, PAGE.replace("<tr>\n          <td><a", NEW_ROW + "        <tr>\n          <td><a", 1), capsys)
    assert code == 1
    assert "On FDA's list but not in data/approved-gene-therapies.yaml" in out
    assert "  - NEWGENIX (newgene autotemcel)" in out


def test_a_product_missing_from_fdas_list_is_a_possible_withdrawal(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    row = re.search(r"\s*<tr>\s*<td><a [^>]*>LUXTURNA.*?</tr>", PAGE, re.DOTALL).group(0)
    code, out, _ = run(tmp_path, PAGE.replace(row, ""), capsys)
    assert code == 1
    assert "possible withdrawal" in out and "  - Luxturna" in out


def test_a_product_already_marked_no_longer_sold_is_not_a_difference(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    row = re.search(r"\s*<tr>\s*<td><a [^>]*>BEQVEZ.*?</tr>", PAGE, re.DOTALL).group(0)
    code, out, _ = run(tmp_path, PAGE.replace(row, ""), capsys)
    assert code == 0, out
    assert "already marked no longer sold: Beqvez." in out


@pytest.mark.parametrize("changed", [
    # The table became a list of links: no rows to read.
    re.sub(r"</?(table|thead|tbody)[^>]*>", "", PAGE).replace("<tr>", "<li>").replace("</tr>", "</li>")
    .replace("<td>", "<span>").replace("</td>", "</span>"),
    # An error page, or an empty body.
    "<html><body><h1>Access Denied</h1></body></html>",
])
def test_a_changed_layout_fails_loudly(tmp_path: Path, capsys: pytest.CaptureFixture, changed: str) -> None:
    code, out, err = run(tmp_path, changed, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("FDA WATCH FAILED: found 0 products on ")
    assert f"expected at least {fda_watch.MIN_PRODUCTS}" in err


def test_a_page_that_cannot_be_fetched_fails_loudly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    def refuse(request, timeout):
        raise fda_watch.urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(fda_watch.urllib.request, "urlopen", refuse)
    assert fda_watch.main([]) == 2
    err = capsys.readouterr().err
    assert err == f"FDA WATCH FAILED: could not fetch {approved.load()['fda_list']}: Name or service not known\n"


def test_help_is_the_docstrings_first_line(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        fda_watch.main(["--help"])
    assert fda_watch.__doc__.splitlines()[0] in " ".join(capsys.readouterr().out.split())


@pytest.mark.network
def test_the_real_fda_page_can_be_read(capsys: pytest.CaptureFixture) -> None:
    code = fda_watch.main([])
    out, err = capsys.readouterr()
    assert code in (0, 1), err  # 1 is a real difference to act on, not a broken watcher
    assert re.search(r"FDA's list: \d+ products", out)
