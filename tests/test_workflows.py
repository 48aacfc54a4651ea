"""GitHub workflows: every action pinned to a full commit SHA, a time limit on every job, and clean under zizmor."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from sitecheck.build import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$")


def test_every_action_is_pinned_by_sha_with_its_version() -> None:
    assert WORKFLOWS
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text().splitlines(), start=1):
            match = USES.match(line)
            if match:
                action, comment = match.groups()
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{workflow.name}:{number}: {action}"
                assert re.search(r"#\s*v\d", comment), f"{workflow.name}:{number}: add the version as a comment"


def test_zizmor_offline_finds_nothing() -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or "zizmor"
    run = subprocess.run([zizmor, "--offline", "--no-progress", str(ROOT / ".github")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_job_has_a_time_limit() -> None:
    for workflow in WORKFLOWS:
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        missing = [name for name, job in jobs.items() if not isinstance(job.get("timeout-minutes"), int)]
        assert not missing, f"{workflow.name}: add `timeout-minutes:` to job(s) {', '.join(missing)}"


def test_only_the_deploy_job_deploys_and_only_after_the_checks() -> None:
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())["jobs"]
    writers = [name for name, job in jobs.items() if (job.get("permissions") or {}).get("pages") == "write"]
    assert writers == ["deploy"] and jobs["deploy"]["needs"] == "check"
