"""One guide, two languages: twins, language links, shared files and translations kept current.

mkdocs.yml lists the languages (`extra.languages`: docs folder, folder in the site);
mkdocs.es.yml inherits it with `theme.language: es` and `docs_dir: docs-es`, and is built
after the English site into its es/ (README, "Languages"). Per build, this hook:

- stops the build when a page has no twin of the same file name in the other language
  (one line naming the file to write), in both directions;
- gives every page `<link rel="alternate" hreflang>` to itself and its twin (absolute, plus
  `x-default` to English), and points Material's language selector at the twin
  (`extra.alternate` set per page; overrides/partials/alternate.html);
- hands the page's words (data/i18n/LANG.yaml) to the templates as `i18n`;
- for a language other than English: moves `site_url` to its folder (canonical links, the
  sitemap, the 404 page's <base>), reads snippets from `includes/LANG/` (so
  `--8<-- "diagrams/NAME.md"` gives its own diagram), titles heading links in its words, borrows the English docs' stylesheets,
  scripts and favicon (`extra_css`, `extra_javascript`, `theme.favicon`) rather than copies;
- checks each translated page's `english_review` (the English review it follows) and, when
  the English twin was reviewed later, shows readers a note with a link to it and lists the
  page in the build log.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitecheck import i18n, reviews
from sitecheck.pages import front_matter, read_front_matter

log = logging.getLogger("mkdocs.hooks.i18n")
NOT_FOUND = "404.md"


@dataclass
class _Build:
    code: str = i18n.DEFAULT
    langs: dict[str, i18n.Language] = field(default_factory=dict)
    root_url: str = "/"  # the English site's address
    problems: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def language(self) -> i18n.Language | None:
        return self.langs.get(self.code)


_build = _Build()


@event_priority(100)  # before hooks/front_matter.py reads the snippets' base paths
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build(code=config.theme.get("language") or i18n.DEFAULT)  # `mkdocs serve`: start each build clean
    try:
        _build.langs = i18n.languages(config.extra, Path(config.config_file_path or ".").parent)
        i18n.words(_build.code)
    except i18n.LanguageError as error:
        raise PluginError(str(error)) from None
    _build.root_url = config.site_url or "/"
    language = _build.language
    if _build.langs and language is None:
        raise PluginError(f"{config.config_file_path}: theme.language {_build.code!r} is not one of extra.languages "
                          f"({', '.join(_build.langs)}): add it there")
    if language is not None and not language.is_default:
        config.site_url = _build.root_url + language.site_path
        options = config.mdx_configs.get("pymdownx.snippets")
        if options:  # includes/ -> includes/es/: a page's `diagrams/NAME.md` is its language's snippet
            paths = options.get("base_path", ["."])
            options["base_path"] = [os.path.join(path, _build.code) for path in ([paths] if isinstance(paths, str) else paths)]
        if "toc" in config.mdx_configs:  # the heading links' title, which mkdocs.yml gives in English
            config.mdx_configs["toc"]["permalink_title"] = i18n.words(_build.code)["permalink_title"]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _build.langs:
        return files
    problems = i18n.missing_twins(_build.langs)
    for problem in problems:
        log.error(problem)
    if problems:
        raise PluginError(f"{len(problems)} page(s) without a twin in the other language, listed above. Nothing was built.")
    if not _build.language.is_default:
        _borrow_shared_files(files, config)
    return files


def _borrow_shared_files(files: Files, config: MkDocsConfig) -> None:
    """The English docs' stylesheets, scripts and favicon, served from es/ too: one source, no copies."""
    source = _default().docs_dir
    wanted = [str(path) for path in config.extra_css]
    wanted += [str(getattr(script, "path", script)) for script in config.extra_javascript]
    wanted.append(config.theme.get("favicon") or "")
    for path in wanted:
        if path and files.get_file_from_path(path) is None and (source / path).is_file():
            files.append(File(path, str(source), config.site_dir, config.use_directory_urls))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _build.langs:
        return markdown
    page.meta["alternates"] = _alternates(page)
    if not _build.language.is_default:
        try:
            _check_translation(page)
        except _PageError as error:
            _build.problems.append(str(error))
            log.error(str(error))
    return markdown


def on_env(env, config: MkDocsConfig, files: Files):
    if _build.problems:  # after every page is read, before anything is written
        raise PluginError("Nothing was built: fix the mistakes listed above.")
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    context["i18n"] = i18n.words(_build.code)
    if "alternates" in page.meta:
        # Material's head links and language selector read `extra.alternate`: this page's twins.
        config.extra["alternate"] = page.meta["alternates"]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if _build.langs:
        _keep_material_from_fetching_sitemaps(Path(config.site_dir))
    for entry in _build.stale:
        log.info(f"Translation behind its English page: {entry}")
    if _build.stale:
        log.info(f"{len(_build.stale)} translated page(s) follow an older English review. "
                 "Run `uv run sitecheck review-due`.")


class _PageError(Exception):
    pass


# Material's bundle fetches `sitemap.xml` beside every <link rel="alternate"> on each page load, to
# steer its language links to the same page (squidfunk/mkdocs-material#6582). Our head links go to
# each page's twin, so it would fetch es/vectors/sitemap.xml and the like: missing files, 2-3 wasted
# requests a page (and, in tests, requests to the real site's host). The selector's links already
# lead to the twin, so that function is switched off in the built copy of the bundle.
SITEMAP_LOOKUP = re.compile(r'(function \w+\(\{document\$:(\w+)\}\)\{)(let \w+=new Map;\2\.pipe\(\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)\))')

SITEMAP_LOOKUP_OFF = re.compile(r'function \w+\(\{document\$:\w+\}\)\{return;let \w+=new Map;')


def _keep_material_from_fetching_sitemaps(site_dir: Path) -> None:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if SITEMAP_LOOKUP_OFF.search(text):
            continue  # switched off already (`mkdocs serve` keeps unchanged files)
        text, found = SITEMAP_LOOKUP.subn(r"\1return;\3", text)
        if found != 1:
            raise PluginError(f"hooks/i18n.py: Material's language-link script changed in {bundle.name}: "
                              "update SITEMAP_LOOKUP to match it (see the comment there)")
        bundle.write_text(text, encoding="utf-8")


def _default() -> i18n.Language:
    return next(language for language in _build.langs.values() if language.is_default)


def _alternates(page: Page) -> list[dict]:
    """This page in every language: `link` absolute (hreflang), `href` relative to the page (selector)."""
    here = _build.language
    not_found = page.file.src_uri == NOT_FOUND
    url = "" if not_found else page.url  # the 404 page has no twin address: offer each home page
    depth = 0 if not_found else url.count("/")  # the 404 page's <base> is its site's root
    found = []
    for code, other in _build.langs.items():
        path = i18n.twin_path(url, here, other)
        found.append({"name": i18n.words(code)["name"], "lang": code,
                      "link": _build.root_url + other.site_path + url, "href": "../" * depth + path or "./",
                      "current": code == _build.code,
                      # GitHub Pages answers every missing address with the English 404 page: it
                      # points readers of each other language home in their words (overrides/main.html).
                      "not_found": i18n.words(code)["not_found_elsewhere"] if not_found else None})
    default = _default()
    found.append({"name": "", "lang": "x-default", "link": _build.root_url + default.site_path + url, "href": ""})
    return found


def _check_translation(page: Page) -> None:
    """`english_review` is a real date, not after the English twin's review; a later English review is listed."""
    english_file = _default().docs_dir / page.file.src_uri
    try:
        english = reviews.parse_date(front_matter(english_file).get("last_reviewed"))
    except reviews.ReviewDateError:
        english = None  # the English build reports the English page's own date
    try:
        followed = i18n.followed_review(page.meta, english)
    except reviews.ReviewDateError as error:
        line = read_front_matter(page.file.content_string).line_of(error.key) or 1
        raise _PageError(f"{_shown(page)}:{line}: {error}") from None
    if english is not None and english > followed:
        words = i18n.words(_build.code)["stale_translation"]
        english_link = next(alt for alt in page.meta["alternates"] if alt["lang"] == _default().code)
        page.meta["stale_translation"] = {
            "title": words["title"],
            "text": words["text"].format(english_date=i18n.format_date(english, _build.code),
                                         followed_date=i18n.format_date(followed, _build.code)),
            "link": words["link"], "href": english_link["href"],
        }
        _build.stale.append(f"{_shown(page)} follows the English review of {followed}; "
                            f"{_relative(english_file)} was reviewed on {english}")


def _shown(page: Page) -> str:
    return _relative(Path(page.file.abs_src_path or page.file.src_uri))


def _relative(path: Path) -> str:
    return os.path.relpath(path)
