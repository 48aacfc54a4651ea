"""Build the site the way CI does: strict, never verbose (`-v` skips anchor checks)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    log: str
    site_dir: Path


def build_env(**extra: str) -> dict[str, str]:
    """The environment for a build: no Material end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


# The build engine: MkDocs, or the fallback fork ProperDocs (README, "Engine"), which CI
# also checks the site with: GUIDE_ENGINE=properdocs after `uv sync --group properdocs`.
ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    name = os.environ.get("GUIDE_ENGINE") or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(f"GUIDE_ENGINE={name!r} is not an engine: use one of {', '.join(ENGINES)} (or leave it unset)")
    return name


def build(config_file: Path, site_dir: Path, **env: str) -> BuildResult:
    """`mkdocs build --strict` (or the GUIDE_ENGINE's) of one config into `site_dir`; the log holds every warning and error."""
    command = [sys.executable, "-m", engine(), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    run = subprocess.run(command, capture_output=True, text=True, env=build_env(**env), cwd=config_file.parent)
    return BuildResult(run.returncode == 0, run.stdout + run.stderr, site_dir)


# The whole guide as published: the English site first (its build empties its folder), then each
# other language into its folder inside it (mkdocs.yml `extra.languages`, README "Languages").
LANGUAGE_BUILDS = ((ROOT / "mkdocs.yml", ""), (ROOT / "mkdocs.es.yml", "es"))


def build_site(site_dir: Path, configs: tuple[tuple[Path, str], ...] = LANGUAGE_BUILDS, **env: str) -> BuildResult:
    """Every language of the guide into one site: (config, folder in the site) in order, stopping at the first failure."""
    logs = []
    for config_file, folder in configs:
        result = build(config_file, site_dir / folder if folder else site_dir, **env)
        logs.append(result.log)
        if not result.ok:
            return BuildResult(False, "\n".join(logs), site_dir)
    return BuildResult(True, "\n".join(logs), site_dir)


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


def html_pages(site_dir: Path) -> list[Path]:
    """Every built HTML page, in a stable order."""
    return sorted(site_dir.rglob("*.html"))
