"""Compare FDA's list of approved cellular and gene therapy products with data/approved-gene-therapies.yaml.

    uv run sitecheck fda-watch                    # fetch FDA's page and compare
    uv run sitecheck fda-watch --file page.html   # compare a saved copy of the page

Reports (a) products on FDA's list that are in neither the data nor its `not_gene_therapies`
list (a new approval to add, or a product to list as not a gene therapy), and (b) products in
the data that are missing from FDA's list (a possible withdrawal; ones already marked "no longer
sold" are shown but are not a difference).

Exit 0: no difference. Exit 1: a difference (listed). Exit 2: the page could not be fetched or
parsed (fewer than MIN_PRODUCTS products found): a loud line, never a silent pass.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from sitecheck import approved

MIN_PRODUCTS = 20  # FDA's list has had more than 40 rows for years; fewer means the page or its layout changed
TIMEOUT_S = 60
USER_AGENT = "Mozilla/5.0 (compatible; gene-therapy-guide fda-watch; +https://gene-therapy-guide.github.io/)"


@dataclass
class Report:
    fda: list[str]  # product names on FDA's list, as FDA writes them
    new: list[str] = field(default_factory=list)  # on FDA's list, unknown to the data
    missing: list[str] = field(default_factory=list)  # in the data, not on FDA's list
    gone: list[str] = field(default_factory=list)  # missing, and already marked "no longer sold"

    @property
    def differs(self) -> bool:
        return bool(self.new or self.missing)


class ListError(Exception):
    """FDA's page could not be fetched or read."""


# --- Reading FDA's page -------------------------------------------------------------------


class _FirstCells(HTMLParser):
    """The text of the first cell of each table row that has data cells (FDA's product column)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: list[str] = []
        self._in_row = self._in_first_cell = self._seen_cell = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self._in_row, self._seen_cell = True, False
        elif tag == "td" and self._in_row and not self._seen_cell:
            self._in_first_cell, self._seen_cell, self._text = True, True, []
        elif tag == "th" and self._in_row:
            self._seen_cell = True  # a header row or a row header: not a product

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._in_first_cell:
            self._in_first_cell = False
            name = " ".join("".join(self._text).split())
            if name:
                self.names.append(name)
        elif tag == "tr":
            self._in_row = False

    def handle_data(self, data: str) -> None:
        if self._in_first_cell:
            self._text.append(data)


def product_names(html: str) -> list[str]:
    """Product names on FDA's page: the first cell of each table row, e.g. 'LUXTURNA (voretigene neparvovec-rzyl)'."""
    parser = _FirstCells()
    parser.feed(html)
    return parser.names


def fetch(url: str) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return response.read().decode(response.headers.get_content_charset() or "utf-8", errors="replace")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise ListError(f"could not fetch {url}: {reason}") from None


# --- Comparing ----------------------------------------------------------------------------


def key(name: str) -> str:
    """A name for matching: upper case, no trademark signs, single spaces."""
    return " ".join(re.sub(r"[™®©]", "", name).upper().split())


def _known_by(fda_name: str, known: str) -> bool:
    """'HPC, CORD BLOOD - BLOODWORKS' is known by 'HPC, Cord Blood'; 'LUXTURNA (voretigene ...)' by 'Luxturna'."""
    fda, known = key(fda_name), key(known)
    return fda == known or (fda.startswith(known) and not fda[len(known)].isalnum())


def compare(fda: list[str], data: dict) -> Report:
    report = Report(fda=fda)
    known = [p["brand"] for p in data["products"]] + [n["name"] for n in data["not_gene_therapies"]]
    report.new = [name for name in fda if not any(_known_by(name, k) for k in known)]
    for product in data["products"]:
        if not any(_known_by(name, product["brand"]) for name in fda):
            gone = product["status"]["state"] == "no longer sold"
            (report.gone if gone else report.missing).append(product["brand"])
    return report


def text_report(report: Report, source: str, data_name: str) -> str:
    lines = [f"FDA's list: {len(report.fda)} products ({source})."]
    if report.new:
        lines.append(f"On FDA's list but not in {data_name} (add it, or list it under not_gene_therapies with the reason):")
        lines += [f"  - {name}" for name in report.new]
    if report.missing:
        lines.append(f"In {data_name} but not on FDA's list (possible withdrawal: check the product's FDA page):")
        lines += [f"  - {name}" for name in report.missing]
    if report.gone:
        lines.append("Not on FDA's list, already marked no longer sold: " + ", ".join(report.gone) + ".")
    if not report.differs:
        lines.append(f"No differences: every product on FDA's list is in {data_name} or its not_gene_therapies list.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck fda-watch", description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, help="a saved copy of FDA's page (default: fetch it)")
    parser.add_argument("--url", help="FDA's page (default: `fda_list` in the data file)")
    parser.add_argument("--data", type=Path, default=approved.DATA, help="the data file (default: %(default)s)")
    args = parser.parse_args(argv)
    data_name = approved.display(args.data)
    try:
        data = approved.load(args.data)
    except approved.DataError as error:
        print(f"FDA WATCH FAILED: the data file is not valid:\n{error}", file=sys.stderr)
        return 2
    source = str(args.file) if args.file else (args.url or data["fda_list"])
    try:
        html = args.file.read_text(encoding="utf-8") if args.file else fetch(source)
        names = product_names(html)
        if len(names) < MIN_PRODUCTS:
            raise ListError(f"found {len(names)} products on {source}, expected at least {MIN_PRODUCTS}: "
                            "the page's layout may have changed; update sitecheck/fda_watch.py")
    except (ListError, OSError) as error:
        print(f"FDA WATCH FAILED: {error}", file=sys.stderr)
        return 2
    report = compare(names, data)
    print(text_report(report, source, data_name))
    return 1 if report.differs else 0


if __name__ == "__main__":
    sys.exit(main())
