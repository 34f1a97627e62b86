"""What the command does with its output and how it ends: never over a ledger, whole or not at
all, in the format its name says, with exit codes that never call an error a clean pass."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import iprules.cli as cli
from iprules.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "台账.jsonl"
BIG = os.environ.get("IPRULES_BIG") == "1"
AS_OF = ["--as-of", "2026-11-25"]


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "台账.jsonl"
    shutil.copy(EXAMPLE, path)
    return path


def test_output_naming_the_input_ledger_is_refused_and_the_ledger_kept(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = ledger.read_bytes()
    assert main(["check", str(ledger), *AS_OF, "--output", str(ledger)]) == 2
    assert ledger.read_bytes() == before
    assert "是输入的台账" in capsys.readouterr().err


def test_output_reaching_the_ledger_by_another_path_or_a_link_is_refused(ledger: Path) -> None:
    before = ledger.read_bytes()
    other = ledger.parent / "sub" / ".." / ledger.name
    (ledger.parent / "sub").mkdir()
    link = ledger.parent / "link.jsonl"
    os.link(ledger, link)
    assert main(["check", str(ledger), *AS_OF, "--output", str(other)]) == 2
    assert main(["check", str(ledger), *AS_OF, "--format", "text", "--output", str(link)]) == 2
    assert ledger.read_bytes() == before


@pytest.mark.parametrize(("name", "first"), [("r.json", b"{"), ("r.html", b"<!DOCTYPE"), ("r.xlsx", b"PK")])
def test_the_format_follows_the_output_extension(
    tmp_path: Path, name: str, first: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / name
    assert main(["check", str(EXAMPLE), *AS_OF, "--output", str(output)]) == 1
    assert output.read_bytes().startswith(first)
    assert f"报告已写入 {output}" in capsys.readouterr().err


def test_a_format_that_disagrees_with_the_extension_is_an_error(tmp_path: Path) -> None:
    output = tmp_path / "r.html"
    assert main(["check", str(EXAMPLE), *AS_OF, "--format", "json", "--output", str(output)]) == 2
    assert not output.exists()


def test_a_missing_folder_is_created_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "新" / "报告.txt"
    assert main(["check", str(EXAMPLE), *AS_OF, "--output", str(output)]) == 1
    assert output.read_text(encoding="utf-8").startswith("iprules 检查报告")
    assert f"已新建文件夹 {output.parent}" in capsys.readouterr().err


def test_excel_is_never_written_into_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["check", str(EXAMPLE), *AS_OF, "--format", "xlsx"]) == 2


def test_a_report_that_fails_half_way_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "r.json"
    assert main(["check", str(EXAMPLE), *AS_OF, "--output", str(output)]) == 1
    previous = output.read_bytes()
    import iprules.report.json as json_report

    original = json_report.write_json

    def dies_half_way(*args: object, **kwargs: object) -> None:
        write = args[-1]
        assert callable(write)
        write(b'{"format": "iprules-report/1", "trunc')
        raise KeyboardInterrupt

    monkeypatch.setattr(json_report, "write_json", dies_half_way)
    assert main(["check", str(EXAMPLE), *AS_OF, "--output", str(output)]) == 2
    monkeypatch.setattr(json_report, "write_json", original)
    assert output.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"], "no temporary file is left behind"


@pytest.mark.skipif(not BIG, reason="a 200k-record check killed mid-report; IPRULES_BIG=1 runs it")
def test_a_report_killed_while_written_leaves_the_previous_report(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.synthetic import write_ledger

    big = tmp_path / "big.jsonl"
    write_ledger(big, 200_000, seed=7)
    output = tmp_path / "report.json"
    command = [sys.executable, "-m", "iprules", "check", str(big), *AS_OF, "--output", str(output)]
    subprocess.run(command, check=False, capture_output=True, cwd=ROOT)
    previous = output.read_bytes()
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, cwd=ROOT)
    while process.poll() is None and not [p for p in tmp_path.iterdir() if p.suffix == ".part"]:
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    assert process.wait() == 2
    assert output.read_bytes() == previous
    json.loads(previous)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jsonl", b""),
        ("memo.txt", "会议纪要\n今天讨论了工作。\n".encode()),
        ("报告.docx", b"PK\x03\x04 not a ledger"),
    ],
)
def test_nothing_checked_is_not_a_clean_pass(
    tmp_path: Path, name: str, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["check", str(path), *AS_OF]) == 2
    captured = capsys.readouterr()
    assert "不能视为合规" in captured.err and "不能视为合规" in captured.out


def test_a_folder_is_not_a_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path), *AS_OF]) == 2
    assert "是文件夹" in capsys.readouterr().err


def test_every_row_rejected_exits_2_in_english_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable = tmp_path / "memo.jsonl"  # lines that are no records at all
    unreadable.write_text("会议纪要\n请各单位按时报送台账\n", encoding="utf-8")
    assert main(["check", str(unreadable), *AS_OF, "--lang", "en", "--format", "json"]) == 2
    captured = capsys.readouterr()
    summary = json.loads(captured.out)["summary"]
    assert summary["records_checked"] == 0 and summary["records_rejected"] > 0
    assert "nothing was checked" in captured.err


def test_an_unexpected_error_is_exit_2_with_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def breaks(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(cli, "check_stream", breaks)
    assert main(["check", str(EXAMPLE), *AS_OF]) == 2
    err = capsys.readouterr().err
    assert "意外错误" in err and "the engine fell over" in err and "Traceback" not in err
    saved = Path(err.split("文件 ", 1)[1].split()[0])
    assert "RuntimeError" in saved.read_text(encoding="utf-8")
    saved.unlink()


def test_ctrl_c_is_exit_2_with_a_short_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "check_stream", interrupted)
    assert main(["check", str(EXAMPLE), *AS_OF]) == 2
    assert "已中断" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_and_a_closed_pipe_are_exit_2_without_traceback() -> None:
    command = [sys.executable, "-m", "iprules", "check", str(EXAMPLE), *AS_OF, "--format", "json"]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, cwd=ROOT, check=False)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert "无法写出报告" in done.stderr.decode()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait() in (1, 2) and b"Traceback" not in error


def test_template_into_a_missing_folder_creates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "no" / "such" / "t.xlsx"
    assert main(["template", str(workbook)]) == 0
    assert workbook.read_bytes().startswith(b"PK")
    assert "已新建文件夹" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "lint", "clauses", "scenarios", "drill", "explain", "template"])
def test_every_command_has_chinese_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main([command, "--help"])
    assert ended.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示本帮助并退出" in out and "退出码" in out
    assert "show this help" not in out and "usage:" not in out


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "0 未发现违规；1 发现违规；2" in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "check", "--help"])
    assert "usage:" in capsys.readouterr().out
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.startswith("iprules ")


def test_explain_of_an_unknown_case_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "MJ-2026-0003", str(EXAMPLE), *AS_OF]) == 2
    err = capsys.readouterr().err
    assert "没有案件 MJ-2026-0003" in err and "MJ-2026-003" in err


@pytest.mark.parametrize("command", ["clauses", "scenarios", "drill"])
def test_an_unknown_clause_says_so(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--clause", "s9.9"]) == 2
    assert "没有条款 s9.9" in capsys.readouterr().err


def test_output_to_a_device_writes_to_it_and_never_replaces_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--output /dev/null` (or a FIFO) is written to, not renamed over: as root a rename
    would turn /dev/null into a regular file for every program on the machine."""
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    main(["check", str(EXAMPLE), *AS_OF, "--format", "json", "--output", str(fifo)])
    reader.join(timeout=60)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and json.loads(got[0])["summary"]["records_read"] > 0


def test_a_section_prefix_chooses_every_clause_of_that_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clauses", "--clause", "s5"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("s")}
    assert {"s5.0-outreach", "s5.4-speed", "s5.4-routing"} <= listed
    assert not any(not clause.startswith("s5.") for clause in listed)
    assert main(["scenarios", "--clause", "s5.4"]) == 0
    shown = capsys.readouterr().out
    assert "s5.4-speed" in shown and "s5.4-routing" in shown and "s5.3-" not in shown
    assert main(["clauses", "--clause", "s5.4-s"]) == 2  # a prefix of a clause's name is no clause


def test_the_chinese_report_names_a_rule_by_its_title_and_the_english_by_its_id(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from iprules.policy.load import load_policy

    rules = load_policy(ROOT / "rules" / "maojian").rules
    main(["check", str(ledger), *AS_OF])
    chinese = capsys.readouterr().out
    main(["check", str(ledger), *AS_OF, "--lang", "en"])
    english = capsys.readouterr().out
    named = [r for r in rules if f"规则“{r.title.zh}”" in chinese]
    assert named, "the Chinese report names rules by their titles"
    assert not [r.id for r in rules if f"规则 {r.id}" in chinese or f"；规则{r.id}" in chinese]
    assert all(f"rule {r.id}" in english for r in named)
