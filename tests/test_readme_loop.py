"""The README's walk-through of 检查记录、整改和预警 runs as written: every command of its block,
in order, in a fresh folder holding the bundled example, exits 0 or 1 and prints the lines the
README shows after it (`#>`), in that order — so the README cannot drift from the program."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADING = "## 检查记录、整改和预警"
ELIDED = "…"


def readme_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(HEADING) :]
    start = section.index("```sh\n") + len("```sh\n")
    return section[start : section.index("```", start)]


def steps(block: str) -> list[tuple[str, list[str]]]:
    """(command, the output lines shown after it); a command runs on over lines until its
    quotes close and no line ends in a backslash; `# ` lines are comments."""
    found: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    for line in block.splitlines():
        if pending or not line.startswith("#"):
            pending.append(line)
            command = "\n".join(pending)
            if command.endswith("\\"):
                continue
            try:
                shlex.split(command)
            except ValueError:  # a quotation still open
                continue
            found.append((command, []))
            pending = []
        elif line.startswith("#> "):
            found[-1][1].append(line[len("#> ") :])
    assert not pending, f"unfinished command in the README: {pending}"
    return found


def test_the_readme_block_is_commands_with_the_output_they_print() -> None:
    commands = [command for command, _ in steps(readme_block())]
    assert any(c.startswith("iprules diff 1 2") for c in commands)
    assert any(c.startswith("iprules warn ") for c in commands)
    assert sum(c.startswith("iprules check ") and "--record" in c for c in commands) == 2


def test_the_readme_loop_runs_as_written(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "台账.jsonl", tmp_path / "examples" / "台账.jsonl")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("IPRULES_DB", None)
    for command, shown in steps(readme_block()):
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        printed = (done.stdout + done.stderr).splitlines()
        assert done.returncode in (0, 1), (command, done.stdout, done.stderr)
        position = 0
        for line in shown:
            if line == ELIDED:
                continue
            assert line in printed[position:], (command, line, printed[:40])
            position = printed.index(line, position) + 1
