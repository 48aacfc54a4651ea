"""`uv run sitecheck`: one command that lists and runs every maintainer command."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_site, page
from sitecheck import commands


def test_help_lists_every_command_with_its_docstring(capsys) -> None:
    assert commands.main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in commands.COMMANDS:
        assert f"  {name} " in out
    assert "Run every check" in out and "Review-due report" in out


def test_an_unknown_command_is_one_line_and_exit_2(capsys) -> None:
    assert commands.main(["chek"]) == 2
    assert capsys.readouterr().err.startswith("sitecheck: no command 'chek'; choose one of: check, ")


@pytest.mark.parametrize("name", list(commands.COMMANDS))
def test_each_command_takes_argv_and_has_help(name: str, capsys) -> None:
    with pytest.raises(SystemExit) as leaving:
        commands.command(name)(["--help"])
    assert leaving.value.code == 0
    assert f"usage: sitecheck {name}" in capsys.readouterr().out


def test_check_prints_problems_grouped_by_check_and_exits_1(tmp_path: Path, capsys) -> None:
    config = make_site(tmp_path, {"index.md": page("Text.", title="Home", descripton='"A misspelled key."',
                                                   last_reviewed="2026-11-01")}, nav=["index.md"])
    assert commands.main(["check", "--config", str(config), "--sources-only"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[1:3] == [
        "front-matter: Every page in the nav has known keys only, a title, a description long enough for search "
        "results, and last_reviewed.",
        "  docs/index.md:3: unknown front-matter key `descripton`: did you mean `description`? "
        "(known keys are listed in data/front-matter.yaml)"]
    assert err.strip().startswith("1 problem(s) from 1 of ")
