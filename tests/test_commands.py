"""`uv run sitecheck`: one command that lists and runs every maintainer command."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("name", ["check", "readability", "review-due", "benchmark", "lighthouse"])
def test_each_command_takes_argv_and_has_help(name: str, capsys) -> None:
    with pytest.raises(SystemExit) as leaving:
        commands.command(name)(["--help"])
    assert leaving.value.code == 0
    assert f"usage: sitecheck {name}" in capsys.readouterr().out


def test_check_runs_the_registry_on_the_sources(capsys) -> None:
    assert commands.main(["check", "--sources-only"]) == 0
    assert capsys.readouterr().err.startswith("All ")
