"""A site as the checks see it: its sources, its built pages, and the mapping between them.

One place knows that `docs/about.md` builds to `about/index.html`, read at `about/`, and
one cache parses each built page once for every check that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup, Tag

from sitecheck.pages import FrontMatter, markdown_pages, nav_pages, read_front_matter, site_config

ROOT = Path(__file__).resolve().parent.parent


# --- Built file <-> source <-> address ----------------------------------------------


def html_pages(site_dir: Path) -> list[Path]:
    """Every built HTML page, in a stable order."""
    return sorted(site_dir.rglob("*.html"))


def built_file(src_uri: str) -> str:
    """Where a source page is built (directory URLs, as MkDocs does): `about.md` -> `about/index.html`."""
    path = PurePosixPath(src_uri)
    if path.stem in ("index", "README"):
        return "index.html" if path.parent.as_posix() == "." else f"{path.parent.as_posix()}/index.html"
    return f"{path.with_suffix('').as_posix()}/index.html"


def address(file: str) -> str:
    """Where a built file is read, relative to the site's base URL: `about/index.html` -> `about/`."""
    if file == "index.html" or file.endswith("/index.html"):
        return file.removesuffix("index.html")
    return file


def source_for(page: Path, site_dir: Path, docs_dir: Path) -> Path | None:
    """The Markdown file a built page came from (`about/index.html` -> `docs/about.md`)."""
    relative = page.relative_to(site_dir)
    stem = relative.with_suffix("")
    candidates = [docs_dir / relative.with_suffix(".md")]
    if relative.name == "index.html":
        parent = relative.parent
        candidates = [docs_dir / parent / "index.md", docs_dir / parent / "README.md"]
        if parent != Path("."):
            candidates.insert(0, docs_dir / parent.with_suffix(".md"))
    else:
        candidates.append(docs_dir / stem.with_suffix(".md"))
    return next((path for path in candidates if path.is_file()), None)


# --- Each built page parsed once --------------------------------------------------------


def soup(page: Path) -> BeautifulSoup:
    """The parsed page, shared by every check that reads it: do not change it (copy it first)."""
    stat = page.stat()
    return _parsed(page, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)  # a test run's sites fit; a 1,000-page benchmark copy does not stay in memory
def _parsed(page: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _merged(parent: dict, child: dict) -> dict:
    """`INHERIT` as MkDocs merges it: dictionaries key by key, anything else replaced."""
    merged = dict(parent)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merged(merged[key], value) if both else value
    return merged


# --- The site a check runs on -------------------------------------------------------------


@dataclass
class Site:
    """A site's sources (`config_file` and its docs) and, when it was built, its `site_dir`."""

    config_file: Path = ROOT / "mkdocs.yml"
    site_dir: Path | None = None
    _front: dict[Path, FrontMatter] = field(default_factory=dict, repr=False)

    @cached_property
    def root(self) -> Path:
        return self.config_file.parent

    @cached_property
    def config(self) -> dict:
        """The config as MkDocs reads it: one that `INHERIT`s (mkdocs.es.yml) is merged over its parent."""
        config = site_config(self.config_file)
        parent = config.pop("INHERIT", None)
        return _merged(Site(self.root / parent).config, config) if parent else config

    @cached_property
    def lang(self) -> str:
        """The site's language (`theme.language`): its words are data/i18n/LANG.yaml."""
        return (self.config.get("theme") or {}).get("language") or "en"

    def translations(self) -> list[Site]:
        """The site's other languages (`extra.languages`), each a Site of its own: `mkdocs.LANG.yml`
        beside this config, built into its folder of this site (mkdocs.es.yml into `es/`)."""
        found = []
        for code, settings in ((self.config.get("extra") or {}).get("languages") or {}).items():
            config_file = self.root / f"mkdocs.{code}.yml"
            folder = str((settings or {}).get("site_path") or "")
            if code == self.lang or not folder or not config_file.is_file():
                continue
            built = self.site_dir / folder if self.site_dir is not None else None
            found.append(Site(config_file, built if built is None or built.is_dir() else None))
        return found

    @cached_property
    def docs_dir(self) -> Path:
        return self.root / self.config.get("docs_dir", "docs")

    @cached_property
    def nav(self) -> list[str]:
        """The source files in the navigation, in reading order (`index.md`, `vectors.md`...)."""
        return [file for _, file in nav_pages(self.config.get("nav") or [])]

    def sources(self) -> list[Path]:
        return markdown_pages(self.docs_dir)

    def name(self, path: Path) -> str:
        """How the author names a file: relative to the project, `docs/vectors.md`."""
        return path.relative_to(self.root).as_posix()

    def source(self, src_uri: str) -> Path:
        return self.docs_dir / src_uri

    def file(self, src_uri: str) -> str:
        """A source page as the author names it: `vectors.md` -> `docs/vectors.md`."""
        return self.name(self.source(src_uri))

    def front_matter(self, src_uri: str) -> FrontMatter:
        path = self.source(src_uri)
        if path not in self._front:
            self._front[path] = read_front_matter(path.read_text(encoding="utf-8"))
        return self._front[path]

    def page(self, src_uri: str) -> BeautifulSoup | None:
        """The built page of a source, parsed (None if it was not built)."""
        if self.site_dir is None:
            raise RuntimeError("this check needs the built site")
        path = self.site_dir / built_file(src_uri)
        return soup(path) if path.is_file() else None

    def article(self, src_uri: str) -> Tag | None:
        page = self.page(src_uri)
        return page.select_one("article") if page else None
