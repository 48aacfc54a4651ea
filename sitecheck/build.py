"""Build the site the way CI does: strict (a warning fails), never verbose (`-v` skips anchor checks).

The build runs in this Python process (MkDocs' own `load_config` and `build`, as
`mkdocs build --strict` does), so the test suite pays for MkDocs' imports once, not
once per build. The log is what the command would print.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2

from sitecheck.site import ROOT, html_pages, source_for  # noqa: F401  (re-exported: tests import them here)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, before Material loads


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    log: str
    site_dir: Path


def build_env(**extra: str) -> dict[str, str]:
    """The environment for a build in a child process: no Material end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


# The build engine: MkDocs, or the fallback fork ProperDocs (README, "Engine"), which CI
# also checks the site with: GUIDE_ENGINE=properdocs after `uv sync --group properdocs`.
ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    name = os.environ.get("GUIDE_ENGINE") or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(f"GUIDE_ENGINE={name!r} is not an engine: use one of {', '.join(ENGINES)} (or leave it unset)")
    return name


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


def build(config_file: Path, site_dir: Path, **env: str) -> BuildResult:
    """`mkdocs build --strict -f config_file -d site_dir`, in-process; `env` is set for the build only.

    It runs from the config's folder, as the command would be (snippet paths and the
    file names in messages are relative to it). The log holds every message, and why
    the build stopped; an unexpected exception ends it with its last line, not a traceback.
    With GUIDE_ENGINE=properdocs, ProperDocs builds: in-process when it answered this
    process's `mkdocs.*` imports from the start (sitecheck/__init__.py), else in a child
    process (its takeover cannot be undone once MkDocs is loaded).
    """
    if engine() != _engine_in_process():
        return _build_in_child(config_file, site_dir, **env)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    lines: list[str] = []
    ok = False
    with _environment(env), _working_directory(config_file.parent), _captured_log(lines):
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            _share_compiled_templates(config.theme)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
                ok = True
            finally:
                config.plugins.on_shutdown()
        except (Abort, MkDocsException) as error:
            lines.append(f"Aborted: {error}")
        except Exception as error:  # a Markdown extension or hook failed outright
            lines.append("ERROR   -  " + "".join(traceback.format_exception_only(error)).strip())
    return BuildResult(ok, "\n".join(lines) + "\n", site_dir)


def _engine_in_process() -> str:
    """The engine whose modules `import mkdocs` gives this process."""
    import mkdocs

    return "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"


def _build_in_child(config_file: Path, site_dir: Path, **env: str) -> BuildResult:
    """`python -m ENGINE build --strict` in a child process, from the config's folder."""
    command = [sys.executable, "-m", engine(), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    run = subprocess.run(command, capture_output=True, text=True, env=build_env(**env), cwd=config_file.parent)
    return BuildResult(run.returncode == 0, run.stdout + run.stderr, site_dir)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates, kept in memory for the next build in this process.

    Compiling Material's templates is half the time of a small build. Jinja checks each
    template's source against its checksum, so a changed template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

_COMPILED = _CompiledTemplates()


def _share_compiled_templates(theme: object) -> None:
    """Give the environment this build's theme makes the shared compiled templates."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = _COMPILED
        return env

    theme.get_env = get_env


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _working_directory(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.INFO)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")  # as `mkdocs build` prints it


@contextmanager
def _captured_log(lines: list[str]) -> Iterator[None]:
    """The engine's messages, as its command prints them, into `lines` (and nowhere else).

    INFO, not DEBUG: at DEBUG MkDocs skips validating links to anchors. Under ProperDocs the
    hooks' `mkdocs.*` loggers pass their messages to its `properdocs` logger, as its command
    sets them up, so its strict mode counts their warnings too.
    """
    name = _engine_in_process()
    logger = logging.getLogger(name)
    handler = _Lines(lines)
    saved = logger.level, logger.propagate
    if name != "mkdocs":
        legacy = logging.getLogger("mkdocs")
        legacy.parent, legacy.propagate = logger, True
        legacy.setLevel(logging.NOTSET)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
