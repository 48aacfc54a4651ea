"""Benchmark the guide: build cost of the project's hooks, check times, page weight.

    uv run sitecheck benchmark              # 10, 100 and 1,000 pages (10-20 min)
    uv run sitecheck benchmark --quick      # 10 and 100 pages, 3 repeats (~1 min)
    uv run sitecheck benchmark --repeat 31  # more repeats at every size
    uv run sitecheck benchmark --json       # the numbers as JSON on stdout
    uv run sitecheck benchmark --json r.json  # the tables, and the numbers in r.json
    uv run sitecheck benchmark --data-pages   # only what rendering pages from data/ adds to a build
    uv run sitecheck benchmark --author-panel # only: the author panel's cost while serving (~1 min)
    uv run sitecheck benchmark --languages    # only: English alone vs English + Spanish (goal: at most 2.2x)
    uv run sitecheck benchmark --tests        # only: the offline test suite, median of 3 runs (goal: 30 s)

What is measured (numbers, not pass/fail tests; the goals, in `[tool.sitecheck.benchmark]`
and `[tool.sitecheck.weight]` of pyproject.toml, are printed at the end):

1. Build time, with the project's hooks vs without them ("bare": the same
   mkdocs.yml minus its `hooks:` list, so no review dates and no glossary
   tooltips). Each build runs in a fresh Python process, as in CI, which
   reports the wall and CPU time of `load_config()` plus `build()` (what
   `mkdocs build --strict` does, without interpreter start-up); the parent
   also times the whole process ("end to end"). Builds are interleaved
   (hooks, bare, bare, hooks, ...) so drift in machine load hits both alike.
   The 10% goal is judged on CPU time, which other programs on a shared
   machine disturb less (the build is single-threaded). Even so, on a shared
   2-core VM two identical configs measured up to 11% apart with 7 repeats,
   and single 100-page builds vary by 20%. So small sites, whose builds take
   a second or two, are built 21 times per variant; 1,000 pages, 7 times.
   Treat differences of a few percent as noise, and use more repeats
   (`--repeat`) to settle one.
   Where valgrind is installed, one build per variant at up to 100 pages
   also runs under callgrind, which counts the instructions it runs: that
   count is the same on a busy machine and a quiet one, so it shows what
   the hooks cost without the noise (a second opinion, printed as its own goal).
2. The same on copies of the docs scaled to about 100 and 1,000 pages
   (sitecheck/synthetic.py), with time per page to show how cost grows.
3. Wall time of the offline test suite (with the machine's CPU time: on C cores the suite
   cannot take less than CPU/C), and of the internal link check and
   the reading-level check on the largest built site, per 100 pages.
4. Page weight of a first visit to each page of the real site: the HTML, the
   CSS, JS, images and favicon it references, and Material's search index and
   search worker script (both fetched on every page load over http(s): see
   SEARCH_NOTE), raw and gzip level 6 (GitHub Pages serves gzip).

5. With `--author-panel`, only this: what the author panel (hooks/author_panel.py) adds to
   a page's rebuild while `mkdocs serve` runs, and to a build (nothing, by design). Serve
   rebuilds run in one warm process, as `mkdocs serve` does, with the panel on and off
   (GUIDE_AUTHOR_PANEL=0), interleaved; builds with the panel's hook and without it.

Everything is written to a temp folder, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

os.environ["NO_MKDOCS_2_WARNING"] = "1"  # before MkDocs/Material are imported

from sitecheck.build import ROOT, build_env  # noqa: E402
from sitecheck.cli import table  # noqa: E402
from sitecheck.settings import section  # noqa: E402
from sitecheck.synthetic import Site, scaled_site  # noqa: E402
from sitecheck.weight import SEARCH_NOTE, goal_bytes, site_weights  # noqa: E402

GOALS = section("benchmark")
HOOK_OVERHEAD_GOAL = float(GOALS["max_hook_overhead"])  # hooks may add at most this to a bare build
TEST_SUITE_GOAL_S = float(GOALS["max_test_suite_s"])
LINK_CHECK_GOAL_S = float(GOALS["max_link_check_1000_s"])  # for 1,000 pages
DATA_PAGES_GOAL = float(GOALS["max_data_pages_overhead"])  # rendering pages from data/ may add this to a build
PAGE_WEIGHT_GOAL = goal_bytes()  # gzip bytes of a first visit: [tool.sitecheck.weight] in pyproject.toml
AUTHOR_PANEL_GOAL_MS = float(GOALS["max_author_panel_ms"])  # added to a page's rebuild while serving
LANGUAGES_GOAL = float(GOALS["max_languages_ratio"])  # English + Spanish build, over English alone (CPU)
SELF = [sys.executable, "-m", "sitecheck.commands.benchmark"]  # this module in a fresh process


def log(message: str) -> None:
    """Progress goes to stderr, so `--json` output stays clean."""
    print(message, file=sys.stderr, flush=True)


# --- Timing --------------------------------------------------------------------


@dataclass
class Timings:
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def as_dict(self) -> dict:
        return {"median_s": round(self.median, 4), "min_s": round(min(self.samples), 4),
                "max_s": round(max(self.samples), 4), "samples_s": [round(s, 4) for s in self.samples]}


@dataclass
class BuildTimes:
    build: Timings = field(default_factory=Timings)  # wall time of load_config() + build(), inside the child
    cpu: Timings = field(default_factory=Timings)  # the child's CPU time over the same span
    end_to_end: Timings = field(default_factory=Timings)  # the whole `python ... build` process, start-up included


def _mkdocs() -> tuple:
    """MkDocs' `load_config` and `build`, imported (what every child does before its clock starts)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    return load_config, build


def build_in_process(config_file: Path, site_dir: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `mkdocs build --strict` in this interpreter: config load + build, as the CLI does."""
    load_config, build = _mkdocs()
    wall, cpu = time.perf_counter(), time.process_time()
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)  # raises mkdocs.exceptions.Abort on any warning (strict)
    finally:
        config.plugins.on_shutdown()
    return time.perf_counter() - wall, time.process_time() - cpu


def build_in_child(config_file: Path, site_dir: Path) -> dict[str, float]:
    """One strict build in a fresh Python process, as CI and writers run it.

    Why a fresh process each time: builds in one interpreter share caches and
    memory, and a bare build run after a hooks build was up to 15% faster than
    one after a bare build, which swamps a 10% goal.
    """
    command = [*SELF, "--child", str(config_file), str(site_dir)]
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, env=build_env())
    end_to_end = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"Strict build failed: {config_file}\n{run.stdout}{run.stderr}")
    child = json.loads(run.stdout.splitlines()[-1])
    return {"build": child["build"], "cpu": child["cpu"], "end_to_end": end_to_end}


def child_imports() -> int:
    """`--child-imports`: what `--child` does before its clock starts, for the instruction counts' baseline."""
    _mkdocs()
    return 0


def child(config_file: Path, site_dir: Path) -> int:
    """`--child`: build once and print the times as JSON (MkDocs is imported before the clock starts)."""
    build, cpu = build_in_process(config_file, site_dir)
    print(json.dumps({"build": build, "cpu": cpu}))
    return 0


VALGRIND = shutil.which("valgrind")
INSTRUCTION_SIZE_LIMIT = 100  # pages; valgrind runs a build about 50 times slower


def count_instructions(arguments: list[str], out: Path) -> subprocess.Popen:
    """Start one child under callgrind; `instructions_of` reads its count. The hash seed is fixed, so reruns agree."""
    command = [VALGRIND, "--tool=callgrind", f"--callgrind-out-file={out}", *SELF, *arguments]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=build_env(PYTHONHASHSEED="0"))


def instructions_of(run: subprocess.Popen, out: Path) -> int:
    """Wait for a child started by `count_instructions` and read callgrind's total from its output file."""
    _, errors = run.communicate()
    if run.returncode != 0:
        raise SystemExit(f"A build under valgrind failed:\n{errors[-2000:]}")
    count = re.search(r"^summary:\s*(\d+)", out.read_text(encoding="utf-8"), re.MULTILINE)
    out.unlink()
    return int(count.group(1))


def compare_instructions(site: Site, folder: Path) -> dict:
    """Instructions of one hooks build and one bare build, start-up and imports subtracted.

    Unlike time, an instruction count does not depend on what else the machine
    is doing: a second opinion where CPU-time medians swing by a few percent.
    The three children run side by side (the count does not change with load).
    """
    runs = {
        "hooks": (["--child", str(site.config_file), str(folder / "site-hooks")], folder / "callgrind-hooks"),
        "bare": (["--child", str(site.bare_config_file), str(folder / "site-bare")], folder / "callgrind-bare"),
        "start_up": (["--child-imports"], folder / "callgrind-start-up"),
    }
    started = {name: count_instructions(arguments, out) for name, (arguments, out) in runs.items()}
    counts = {name: instructions_of(run, runs[name][1]) for name, run in started.items()}
    hooks, bare = counts["hooks"] - counts["start_up"], counts["bare"] - counts["start_up"]
    return {"hooks": hooks, "bare": bare, "start_up": counts["start_up"], "overhead": round(hooks / bare - 1, 4)}


def compare(site: Site, folder: Path, repeats: int) -> dict[str, BuildTimes]:
    """Hooks vs bare, interleaved A B B A A B ... so slow drift in machine load affects both alike."""
    timings = {"hooks": BuildTimes(), "bare": BuildTimes()}
    configs = {"hooks": site.config_file, "bare": site.bare_config_file}
    for round_ in range(repeats):
        order = ("hooks", "bare") if round_ % 2 == 0 else ("bare", "hooks")
        for variant in order:
            times = build_in_child(configs[variant], folder / f"site-{variant}")
            for clock, seconds in times.items():
                getattr(timings[variant], clock).samples.append(seconds)
            log(f"    {site.pages:>5} pages  {variant:<5}  build {times['build']:6.2f} s  CPU {times['cpu']:6.2f} s"
                f"  end to end {times['end_to_end']:6.2f} s")
    return timings


def overhead(timings: dict[str, BuildTimes], clock: str) -> float:
    """What the hooks add, as a fraction of the bare build: ratio of medians, minus one."""
    hooks, bare = getattr(timings["hooks"], clock), getattr(timings["bare"], clock)
    return hooks.median / bare.median - 1


# --- Checks --------------------------------------------------------------------


def time_checks(site_dir: Path, docs_dir: Path, pages: int, repeats: int) -> dict:
    """The link check (lychee, offline) and the reading-level check, on one built site."""
    from sitecheck import links, readability

    link_times, problems = Timings(), []
    for _ in range(repeats):
        start = time.perf_counter()
        problems = links.check_internal(site_dir)
        link_times.samples.append(time.perf_counter() - start)
    start = time.perf_counter()
    reports = readability.report_site(site_dir, docs_dir)
    reading = time.perf_counter() - start
    return {
        "pages": pages,
        "link_check": link_times.as_dict() | {"problems": len(problems), "per_100_pages_s": round(link_times.median / pages * 100, 3)},
        "reading_level": {"seconds": round(reading, 3), "pages_scored": len(reports), "per_100_pages_s": round(reading / pages * 100, 3)},
    }


def time_test_suite(runs: int) -> dict:
    """Wall time of `pytest -q -p no:cacheprovider` (this venv's Python, as `uv run` would use), and the
    CPU time the whole machine spent meanwhile (workers, Chromium): on C cores the suite needs at least CPU/C."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    times, cpu, summary, code = Timings(), [], "", 0
    for _ in range(runs):
        busy, start = _machine_busy_s(), time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=build_env())
        times.samples.append(time.perf_counter() - start)
        if busy is not None:
            cpu.append(round(_machine_busy_s() - busy, 1))
        code = run.returncode
        lines = [line for line in run.stdout.splitlines() if line.strip()]
        summary = lines[-1].strip("= ") if lines else run.stderr.strip()[-200:]
        log(f"    tests: {times.samples[-1]:.1f} s" + (f", machine CPU {cpu[-1]:.0f} s" if cpu else "") + f"  ({summary})")
    return times.as_dict() | {"exit_code": code, "summary": summary, "machine_cpu_s": cpu}


def _machine_busy_s() -> float | None:
    """Seconds of CPU the machine has spent busy since boot, all cores (Linux /proc/stat), or None elsewhere."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def tests_main(runs: int) -> int:
    """Only the offline test suite: its wall time, median of `runs`, against the goal."""
    result = time_test_suite(runs)
    cores = os.cpu_count() or 1
    cpu = result["machine_cpu_s"]
    verdict = "PASS" if result["median_s"] <= TEST_SUITE_GOAL_S and result["exit_code"] == 0 else "FAIL"
    print(f"Offline test suite ({result['summary']}): runs {', '.join(f'{s:.1f}' for s in result['samples_s'])} s; "
          f"median {result['median_s']:.1f} s (goal <= {TEST_SUITE_GOAL_S:g} s on {cores} cores): {verdict}")
    if cpu:
        median_cpu = statistics.median(cpu)
        print(f"Machine CPU per run: {', '.join(f'{c:.0f}' for c in cpu)} s; median {median_cpu:.0f} s, so at best "
              f"{median_cpu / cores:.0f} s of wall time on {cores} cores.")
    return 0 if verdict == "PASS" else 1


# --- The author panel, while serving ---------------------------------------------------

SERVE_URL = "http://127.0.0.1:8000/"
PANEL_HOOK = "hooks/author_panel.py"


def _rebuild(config_file: Path, site_dir: Path, command: str, panel: bool) -> tuple[float, float, list[float]]:
    """One build as `mkdocs serve` (or `mkdocs build`) runs it in this process: CPU s, wall s, the panel's ms per page."""
    load_config, build = _mkdocs()
    os.environ["GUIDE_AUTHOR_PANEL"] = "1" if panel else "0"
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command=command, dirty=False)
    serve_url = None
    if command == "serve":
        config.site_url = serve_url = SERVE_URL
    wall, cpu = time.perf_counter(), time.process_time()
    build(config, serve_url=serve_url)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    hooks = [module for name, module in config.hooks.items() if name.endswith("author_panel.py")]
    return cpu, wall, list(hooks[0]._state.timings_ms) if hooks and panel and command == "serve" else []


def time_author_panel(repeats: int, folder: Path) -> dict:
    """Serve rebuilds with the panel vs without; builds with its hook vs without (interleaved, warm)."""
    import logging

    from sitecheck.pages import site_config, write_site_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    real = scaled_site(folder / "real", 0)  # a copy of the docs: the panel names pages from the config's folder
    settings = site_config(ROOT / "mkdocs.yml")
    with_hook = real.config_file
    without = write_site_config(real.config_file.parent / "no-panel.yml", {**settings, "hooks": [
        hook for hook in settings.get("hooks", []) if not hook.endswith(PANEL_HOOK)]}, real.docs_dir, ROOT)
    variants = {"serve, panel": (with_hook, "serve", True), "serve, no panel": (with_hook, "serve", False),
                "build, panel hook": (with_hook, "build", True), "build, no panel hook": (without, "build", True)}
    cpu = {name: Timings() for name in variants}
    per_page: list[float] = []
    pages = len(list(real.docs_dir.rglob("*.md")))
    for round_ in range(repeats + 1):  # the first round warms up (imports, the syllable dictionary), not counted
        order = list(variants) if round_ % 2 else list(reversed(variants))
        for name in order:
            config_file, command, panel = variants[name]
            seconds, wall, timings = _rebuild(config_file, folder / "site", command, panel)
            if round_:
                cpu[name].samples.append(seconds)
                per_page += timings
                log(f"    {name:<22} CPU {seconds:6.2f} s  wall {wall:6.2f} s")
    os.environ.pop("GUIDE_AUTHOR_PANEL", None)
    added = (cpu["serve, panel"].median - cpu["serve, no panel"].median) / pages * 1000
    build_added = cpu["build, panel hook"].median - cpu["build, no panel hook"].median
    return {"pages": pages, "repeats": repeats, "cpu": {name: t.as_dict() for name, t in cpu.items()},
            "serve_added_ms_per_page": round(added, 1),
            "hook_ms_per_page": {"median": round(statistics.median(per_page), 1), "max": round(max(per_page), 1)},
            "build_added_s": round(build_added, 3),
            "build_added_fraction": round(build_added / cpu["build, no panel hook"].median, 4)}


def author_panel_report(result: dict) -> str:
    cpu = result["cpu"]
    rows = [[name, f"{t['median_s']:.2f} ({t['min_s']:.2f}–{t['max_s']:.2f})"] for name, t in cpu.items()]
    verdict = "PASS" if result["serve_added_ms_per_page"] <= AUTHOR_PANEL_GOAL_MS else "FAIL"
    return "\n".join([
        f"Author panel: the real site ({result['pages']} pages), {result['repeats']} builds per variant, one warm process, CPU time:",
        table(rows, ["variant", "CPU s, median (min–max)"]),
        f"Serve: the panel adds {result['serve_added_ms_per_page']:.0f} ms of CPU to a page's rebuild "
        f"(its hook, timed per page: median {result['hook_ms_per_page']['median']:.0f} ms, at most "
        f"{result['hook_ms_per_page']['max']:.0f} ms wall, the first page of a build also running the source checks).",
        f"Build: its hook adds {result['build_added_s'] * 1000:+.0f} ms ({result['build_added_fraction']:+.1%}): noise; it returns at once.",
        f"{verdict}  the panel adds <= {AUTHOR_PANEL_GOAL_MS:g} ms to a page's rebuild while serving",
    ])


# --- Running it all ------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    sizes: list[int]
    repeats: int | None  # builds per variant; None: by size (repeats_for)
    test_runs: int
    check_repeats: int
    features: tuple[str, ...]
    instructions: bool  # count them with valgrind (sites up to INSTRUCTION_SIZE_LIMIT pages)


def repeats_for(pages: int, p: Plan) -> int:
    """Builds per variant: short builds need more of them for the same certainty."""
    return p.repeats or (21 if pages <= 100 else 7)


def plan(args: argparse.Namespace) -> Plan:
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([10, 100] if args.quick else [10, 100, 1000])
    repeats = args.repeat or (3 if args.quick else None)
    tests = 0 if args.skip_tests else (1 if args.quick else 2)
    instructions = bool(VALGRIND) and not args.quick and not args.no_instructions
    return Plan(sorted(sizes), repeats, tests, 1 if args.quick else 3, tuple(args.theme_feature), instructions)


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        **{name: version(name) for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")},
    }


def run(p: Plan, folder: Path) -> dict:
    results: dict = {"machine": machine(), "builds": [], "search_note": SEARCH_NOTE,
                     "added_theme_features": list(p.features)}
    sites: dict[int, Site] = {}
    for size in p.sizes:
        log(f"Writing a {size}-page copy of the docs ...")
        sites[size] = scaled_site(folder / f"pages-{size}", size, features=p.features)
    largest = sites[p.sizes[-1]]
    # The real site, unscaled: warm-up builds (imports, caches; not timed) and the page weights.
    real = sites[p.sizes[0]] if p.sizes[0] <= 10 else scaled_site(folder / "real", 0, features=p.features)
    log("Warm-up build of each variant (disk cache, .pyc files), not timed ...")
    build_in_child(real.bare_config_file, folder / "warm-up")
    build_in_child(real.config_file, real.config_file.parent / "site-hooks")

    log("Building: hooks vs bare, interleaved, each build in a fresh process")
    for size in p.sizes:
        site = sites[size]
        results["builds"].append(_build_row(site, size, compare(site, site.config_file.parent, repeats_for(site.pages, p))))
    if p.instructions:
        for size in [s for s in p.sizes if sites[s].pages <= INSTRUCTION_SIZE_LIMIT]:
            log(f"Counting instructions (valgrind) of one {sites[size].pages}-page build per variant ...")
            row = compare_instructions(sites[size], sites[size].config_file.parent)
            results.setdefault("instructions", []).append({"pages": sites[size].pages, **row})

    log(f"Timing the link and reading-level checks on the {largest.pages}-page site ...")
    results["checks"] = time_checks(largest.config_file.parent / "site-hooks", largest.docs_dir, largest.pages, p.check_repeats)
    if p.test_runs:
        log(f"Running the offline test suite {p.test_runs} time(s) ...")
        results["tests"] = time_test_suite(p.test_runs)
    log("Weighing the real site's pages ...")
    from sitecheck.pages import site_config

    site_url = site_config(real.config_file).get("site_url")
    results["page_weight"] = site_weights(real.config_file.parent / "site-hooks", site_url)
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["goals"] = goals(results)
    return results


def _build_row(site: Site, size: int, timings: dict[str, BuildTimes]) -> dict:
    row: dict = {"size": size, "pages": site.pages, "builds": len(timings["hooks"].cpu.samples)}
    for clock in ("build", "cpu", "end_to_end"):
        row[clock] = {variant: getattr(timings[variant], clock).as_dict() for variant in ("hooks", "bare")}
        row[clock]["overhead"] = round(overhead(timings, clock), 4)
    row["ms_per_page"] = {variant: round(timings[variant].build.median / site.pages * 1000, 2) for variant in ("hooks", "bare")}
    return row


def goals(results: dict) -> list[dict]:
    """Each goal with the measured value and pass/fail."""
    found = []
    for row in results["builds"]:
        # Judged on the build's CPU time: other programs on the machine inflate wall time at random.
        found.append(_goal(f"hooks add <= {HOOK_OVERHEAD_GOAL:.0%} at {row['pages']} pages (CPU time)",
                           f"{row['cpu']['overhead']:+.1%} (build wall {row['build']['overhead']:+.1%}, "
                           f"end to end {row['end_to_end']['overhead']:+.1%})",
                           row["cpu"]["overhead"] <= HOOK_OVERHEAD_GOAL))
    for row in results.get("instructions", []):
        found.append(_goal(f"hooks add <= {HOOK_OVERHEAD_GOAL:.0%} at {row['pages']} pages (instructions)", f"{row['overhead']:+.1%}",
                           row["overhead"] <= HOOK_OVERHEAD_GOAL))
    if "tests" in results:
        wall = results["tests"]["median_s"]
        found.append(_goal(f"offline test suite <= {TEST_SUITE_GOAL_S:.0f} s ({results['machine']['cpus']} cores)",
                           f"{wall:.1f} s, exit {results['tests']['exit_code']}", wall <= TEST_SUITE_GOAL_S))
    checks, link = results["checks"], results["checks"]["link_check"]
    if checks["pages"] >= 1000:
        per_1000 = link["per_100_pages_s"] * 10
        found.append(_goal(f"link check of 1,000 pages <= {LINK_CHECK_GOAL_S:g} s", f"{per_1000:.2f} s, {link['problems']} problems",
                           per_1000 <= LINK_CHECK_GOAL_S and link["problems"] == 0))
    else:  # not scaled up: every page links to every page in the nav, so the time grows faster than the page count
        found.append(_goal(f"link check of 1,000 pages <= {LINK_CHECK_GOAL_S:g} s", f"not measured: {link['median_s']:.2f} s at "
                           f"{checks['pages']} pages; run without --quick", None))
    heaviest = max(results["page_weight"], key=lambda w: w["total"]["gzip"])
    found.append(_goal(f"every page <= {PAGE_WEIGHT_GOAL // 1024} KB gzip on first visit", f"max {_kb(heaviest['total']['gzip'])} ({heaviest['page']})",
                       heaviest["total"]["gzip"] <= PAGE_WEIGHT_GOAL))
    return found


def _goal(name: str, value: str, passed: bool | None) -> dict:
    return {"goal": name, "measured": value, "pass": passed}


# --- Report --------------------------------------------------------------------


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def report(results: dict) -> str:
    m = results["machine"]
    parts = [
        f"Machine: {m['cpus']} CPUs, Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['mkdocs-material']}, "
        f"Markdown {m['markdown']}; load average {m['load_average_start'][0]} at start, {m['load_average_end'][0]} at end.",
        *([f"What if: Material features added to every config: {', '.join(results['added_theme_features'])}"]
          if results["added_theme_features"] else []),
        "",
        "1-2. Build time, hooks vs bare (no `hooks:`), interleaved, each build in a fresh process (builds: per variant):",
        "     build = wall time of load_config() + build() in that process, median (min–max) s; CPU = its CPU time;",
        "     end to end = the whole `python ... --strict` process, interpreter start-up included;",
        "     adds = median(hooks) / median(bare) - 1",
        table([_build_cells(row) for row in results["builds"]],
              ["pages", "builds", "hooks build s", "bare build s", "adds", "adds (CPU)", "hooks e2e s", "bare e2e s", "adds (e2e)",
               "ms/page hooks", "ms/page bare"]),
    ]
    if "instructions" in results:
        parts += ["", "   Instructions run (valgrind callgrind, hash seed 0), one build per variant, start-up and imports",
                  "   subtracted: deterministic, so they show the hooks' own work without the machine's noise:",
                  table([[str(r["pages"]), f"{r['hooks'] / 1e9:.2f} G", f"{r['bare'] / 1e9:.2f} G", f"{r['overhead']:+.1%}"]
                         for r in results["instructions"]], ["pages", "hooks", "bare", "adds"])]
    elif not VALGRIND:
        parts += ["", "   Instructions: not counted (no valgrind; Debian: apt-get install valgrind)."]
    checks = results["checks"]
    parts += ["", f"3. Checks on the {checks['pages']}-page site, and the offline test suite",
              table(_check_rows(results), ["what", "wall time", "per 100 pages", "notes"])]
    parts += ["", "4. First-visit page weight of the real site: gzip level 6 (raw); search = index + worker script",
              table(_weight_rows(results["page_weight"]), ["page", "HTML", "CSS", "JS", "images", "search", "total", ""]),
              f"   Search index: {results['search_note']}"]
    verdict = {True: "PASS", False: "FAIL", None: "n/a"}
    parts += ["", "Goals", table([[verdict[g["pass"]], g["goal"], g["measured"]] for g in results["goals"]],
                                 ["", "goal", "measured"])]
    return "\n".join(parts)


def _build_cells(row: dict) -> list[str]:
    spread = lambda t: f"{t['median_s']:.2f} ({t['min_s']:.2f}–{t['max_s']:.2f})"
    build, cpu, e2e = row["build"], row["cpu"], row["end_to_end"]
    return [
        str(row["pages"]), str(row["builds"]), spread(build["hooks"]), spread(build["bare"]), f"{build['overhead']:+.1%}",
        f"{cpu['overhead']:+.1%}", spread(e2e["hooks"]), spread(e2e["bare"]), f"{e2e['overhead']:+.1%}",
        f"{row['ms_per_page']['hooks']:.1f}", f"{row['ms_per_page']['bare']:.1f}",
    ]


def _check_rows(results: dict) -> list[list[str]]:
    checks = results["checks"]
    link, reading = checks["link_check"], checks["reading_level"]
    rows = [
        ["link check (lychee, offline)", f"{link['median_s']:.2f} s", f"{link['per_100_pages_s']:.3f} s",
         f"{link['problems']} problems; median of {len(link['samples_s'])}"],
        ["reading-level check", f"{reading['seconds']:.2f} s", f"{reading['per_100_pages_s']:.3f} s",
         f"{reading['pages_scored']} pages scored"],
    ]
    if "tests" in results:
        tests = results["tests"]
        rows.append(["offline test suite (pytest)", f"{tests['median_s']:.1f} s", "", f"{tests['summary']}; median of {len(tests['samples_s'])}"])
    return rows


def _weight_rows(weights: list[dict]) -> list[list[str]]:
    cell = lambda part: f"{_kb(part['gzip'])} ({_kb(part['raw'])})"
    rows = []
    for w in weights:
        flag = f"OVER {PAGE_WEIGHT_GOAL // 1024} KB" if w["total"]["gzip"] > PAGE_WEIGHT_GOAL else ""
        flag += f" missing: {', '.join(w['missing'])}" if w["missing"] else ""
        flag += f" external: {', '.join(w['external'])}" if w["external"] else ""
        rows.append([w["page"], *(cell(w[k]) for k in ("html", "css", "js", "images", "search", "total")), flag.strip()])
    totals = sorted(w["total"]["gzip"] for w in weights)
    rows.append(["median total", "", "", "", "", "", _kb(int(statistics.median(totals))), ""])
    rows.append(["max total", "", "", "", "", "", _kb(totals[-1]), ""])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitecheck benchmark", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes 10 and 100, 3 repeats, one test run")
    parser.add_argument("--repeat", type=int, help="builds per variant and size (default 21 up to 100 pages, "
                        "7 above; 3 with --quick)")
    parser.add_argument("--sizes", help="page counts, comma-separated (default 10,100,1000)")
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite")
    parser.add_argument("--no-instructions", action="store_true",
                        help="do not count instructions with valgrind (skipped anyway with --quick or without valgrind)")
    parser.add_argument("--json", nargs="?", const="-", metavar="FILE",
                        help="the results as JSON: on stdout instead of the tables, or into FILE as well")
    parser.add_argument("--theme-feature", action="append", default=[], metavar="NAME",
                        help="what if: add this Material feature to every measured config (e.g. navigation.prune)")
    parser.add_argument("--data-pages", action="store_true",
                        help=f"only measure what rendering pages from data/ adds to a build (goal: <= {DATA_PAGES_GOAL * 100:.0f}%%)")
    parser.add_argument("--author-panel", action="store_true",
                        help="only measure what the author panel adds while serving, and to a build (~1 min)")
    parser.add_argument("--languages", action="store_true",
                        help=f"only measure building both languages against English alone (goal: <= {LANGUAGES_GOAL:g}x CPU time)")
    parser.add_argument("--tests", action="store_true",
                        help=f"only time the offline test suite: median of 3 runs (--repeat N for N), "
                             f"goal <= {TEST_SUITE_GOAL_S:g} s")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("CONFIG", "SITE_DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--child-imports", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)
    if args.child_imports:
        return child_imports()
    if args.data_pages:
        return data_pages_main(args.repeat or 21)
    if args.languages:
        return languages_main(args.repeat or 5)
    if args.tests:
        return tests_main(args.repeat or 3)
    # Ctrl-C or `kill`: leave through `finally`, so the temp folder is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    from mkdocs.exceptions import Abort

    folder = Path(tempfile.mkdtemp(prefix="guide-benchmark-"))
    if args.author_panel:
        try:
            result = time_author_panel(args.repeat or 5, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print(json.dumps(result, indent=2) if args.json == "-" else author_panel_report(result))
        return 0 if result["serve_added_ms_per_page"] <= AUTHOR_PANEL_GOAL_MS else 1
    try:
        results = run(plan(args), folder)
    except Abort as error:
        sys.exit(f"A strict build failed, so nothing was measured: {error}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json and args.json != "-":
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2) if args.json == "-" else report(results))
    return 1 if any(goal["pass"] is False for goal in results["goals"]) else 0


# --- Pages rendered from data (issue 14): what the data plugins add to a build ------------------

MKDOCS_MACROS = {"macros": {"modules": ["sitecheck.macros"], "render_by_default": False,
                            "on_undefined": "strict", "on_error_fail": True}}


def data_page_sites(folder: Path) -> tuple[dict[str, Path], int]:
    """Configs of the real site in four variants, and how many pages render from data:

    - data: as configured: `approved-data` checks data/approved-gene-therapies.yaml (jsonschema) and
      writes the downloads; `page-macros` renders the pages that opt in;
    - static: those pages frozen to the Markdown the macros produce, the downloads as plain files
      in docs/data/, neither plugin: what the site would cost with hand-kept tables;
    - mkdocs-macros: as data, with mkdocs-macros-plugin rendering the pages instead of `page-macros`;
    - data, cold: as data, with the schema check's cache (.cache/) cleared before each build, as in
      a fresh checkout or after an edit of the data file.
    """
    import jinja2
    import yaml

    from sitecheck import approved, macros
    from sitecheck.page_macros import MacroEnv

    sites = {name: scaled_site(folder / name, 0) for name in ("data", "static", "mkdocs-macros")}
    data = approved.load()
    env = MacroEnv(conf=_StubConfig(data), variables={}, macros={})
    macros.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    frozen = 0
    for source in sorted(sites["static"].docs_dir.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        front = re.match(r"^---\n.*?\n---\n", text, re.DOTALL)
        if front and re.search(r"^render_macros:\s*true", front.group(0), re.MULTILINE):
            source.write_text(front.group(0) + jinja.from_string(text[front.end():]).render(**env.macros), encoding="utf-8")
            frozen += 1
    for path, content in approved.downloads(data).items():
        (sites["static"].docs_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (sites["static"].docs_dir / path).write_text(content, encoding="utf-8")
    for name, swap in (("static", []), ("mkdocs-macros", [MKDOCS_MACROS])):
        config_file = sites[name].config_file
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        plugins = [p for p in config["plugins"] if not (isinstance(p, dict) and "page-macros" in p)]
        config["plugins"] = [p for p in plugins if p != "approved-data"] if name == "static" else plugins + swap
        config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return {name: site.config_file for name, site in sites.items()} | {"data, cold": sites["data"].config_file}, frozen


def data_pages_cost(folder: Path, repeats: int) -> dict:
    """Build CPU time of each variant of `data_page_sites`, interleaved, each build in a fresh process;
    where valgrind is installed, also the instructions of one data build and one static build."""
    from sitecheck import approved

    configs, frozen = data_page_sites(folder)
    order = list(configs)
    for name in order:  # warm-up (imports, .pyc files), not timed
        build_in_child(configs[name], folder / f"warm-{name}")
    cpu = {name: Timings() for name in order}
    for round_ in range(repeats):
        for name in (order if round_ % 2 == 0 else order[::-1]):
            if name == "data, cold":
                approved.STAMP.unlink(missing_ok=True)
            times = build_in_child(configs[name], folder / f"site-{name}")
            cpu[name].samples.append(times["cpu"])
            log(f"    {name:<14} CPU {times['cpu']:6.2f} s  build {times['build']:6.2f} s")
    adds = {name: round(cpu[name].median / cpu["static"].median - 1, 4) for name in order if name != "static"}
    result = {"pages_rendered_from_data": frozen, "builds": repeats, "cpu": {n: t.as_dict() for n, t in cpu.items()},
              "adds": adds, "goal": DATA_PAGES_GOAL, "pass": adds["data"] <= DATA_PAGES_GOAL}
    if VALGRIND:
        log("Counting instructions (valgrind) of one data build and one static build ...")
        runs = {name: (["--child", str(configs[name]), str(folder / f"site-{name}")], folder / f"callgrind-{name}")
                for name in ("data", "static")} | {"start_up": (["--child-imports"], folder / "callgrind-start-up")}
        counts = {name: instructions_of(count_instructions(arguments, out), out) for name, (arguments, out) in runs.items()}
        data, static = counts["data"] - counts["start_up"], counts["static"] - counts["start_up"]
        result["instructions"] = {"data": data, "static": static, "adds": round(data / static - 1, 4)}
    return result


class _StubConfig:
    """Just what sitecheck.macros.define_env reads from the MkDocs config."""

    def __init__(self, data: dict) -> None:
        from types import SimpleNamespace

        self.plugins = {"approved-data": SimpleNamespace(data=data)}
        self.theme = {"language": "en"}


def data_pages_main(repeats: int) -> int:
    """`--data-pages`: only the data-pages measurement, printed as a short report."""
    folder = Path(tempfile.mkdtemp(prefix="guide-benchmark-data-"))
    try:
        log(f"Building the real site {repeats} times per variant: pages from data, static, with mkdocs-macros")
        result = data_pages_cost(folder, repeats)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    cpu, adds = result["cpu"], result["adds"]
    cell = lambda t: f"{t['median_s']:.3f} ({t['min_s']:.3f}–{t['max_s']:.3f})"
    print(f"Build CPU time of the real site ({result['pages_rendered_from_data']} pages rendered from data), "
          f"median (min–max) of {result['builds']} builds per variant:")
    print(table([[name, cell(cpu[name]), "" if name == "static" else f"{adds[name]:+.1%}"] for name in cpu],
                ["variant", "CPU s", "adds vs static"]))
    print(f"{'PASS' if result['pass'] else 'FAIL'}  rendering from data adds <= {DATA_PAGES_GOAL:.0%} (CPU time): "
          f"{adds['data']:+.1%}")
    if "instructions" in result:  # the same on a busy machine and a quiet one: the second opinion
        counted = result["instructions"]
        print(f"{'PASS' if counted['adds'] <= DATA_PAGES_GOAL else 'FAIL'}  rendering from data adds "
              f"<= {DATA_PAGES_GOAL:.0%} (instructions of one build, start-up subtracted): {counted['adds']:+.1%} "
              f"(data {counted['data'] / 1e9:.2f} G, static {counted['static'] / 1e9:.2f} G)")
    else:
        print("      instructions: not counted (no valgrind; Debian: apt-get install valgrind)")
    return 0 if result["pass"] else 1


# --- Both languages (issue 17): the Spanish build's cost ---------------------------------------

def languages_cost(english: Path, spanish: Path, repeats: int) -> dict:
    """CPU and wall seconds of the English build alone and of English then Spanish (into its es/), each in a
    fresh process, `repeats` times, interleaved; medians and their ratio."""
    folder = Path(tempfile.mkdtemp(prefix="guide-languages-"))
    runs: dict[str, list[dict]] = {"english": [], "both": []}
    try:
        for index in range(repeats):
            for variant in ("english", "both") if index % 2 == 0 else ("both", "english"):
                site = folder / f"{variant}-{index}"
                first = build_in_child(english, site)
                if variant == "both":
                    second = build_in_child(spanish, site / "es")
                    first = {key: first[key] + second[key] for key in first}
                runs[variant].append(first)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    medians = {variant: {key: statistics.median(run[key] for run in found) for key in ("cpu", "build", "end_to_end")}
               for variant, found in runs.items()}
    ratio = medians["both"]["cpu"] / medians["english"]["cpu"]
    return {"repeats": repeats, "medians": medians, "ratio_cpu": ratio, "goal": LANGUAGES_GOAL, "pass": ratio <= LANGUAGES_GOAL}


def languages_main(repeats: int, english: Path = ROOT / "mkdocs.yml", spanish: Path = ROOT / "mkdocs.es.yml") -> int:
    result = languages_cost(english, spanish, repeats)
    rows = [[variant, f"{m['cpu']:.2f}", f"{m['build']:.2f}", f"{m['end_to_end']:.2f}"] for variant, m in result["medians"].items()]
    print(table(rows, ["build", "CPU s (median)", "wall s", "end to end s"]))
    verdict = "PASS" if result["pass"] else "FAIL"
    print(f"\nBoth languages / English alone, CPU time: {result['ratio_cpu']:.2f}x (goal <= {LANGUAGES_GOAL:g}x, "
          f"median of {repeats}): {verdict}")
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
