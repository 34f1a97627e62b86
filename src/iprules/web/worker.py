"""One check (or one report download) of the workbench, in a process of its own.

The server starts `python -m iprules.web.worker check FOLDER` in the check's ledger folder, so
the ledgers are named as they were uploaded (台账.xlsx), never by a server path, in every page
and report, exactly as `iprules check 台账.xlsx` would name them. The check is
`iprules.check.check_stream`, the CLI's own; a process per check also means a crash, a
runaway ledger or a stop from the server ends that check alone and frees all its memory.

What the server reads back, all inside the check's private folder:
`progress.json` (stage, records done and in all), `head.json` (the report without its
findings), `index.sqlite` (`iprules.web.index`), `recorded.json` (the check's number in the
store of checks, or why it could not be recorded: the result stands either way), or
`error.json` (what went wrong, in both languages; details go to `worker.log`, never to the
browser).
`python -m iprules.web.worker render FOLDER FORMAT LANG OUT` writes a report of a finished
check with the CLI's writers (`iprules.report.write.write_checked`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import traceback
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from iprules.i18n import Text, text
from iprules.results import PackedCase, PackedFinding

LEDGERS = "ledgers"
REQUEST = "request.json"
PROGRESS = "progress.json"
HEAD = "head.json"
INDEX = "index.sqlite"
ERROR = "error.json"
RECORDED = "recorded.json"
LOG = "worker.log"


def _write_json(path: Path, value: Any) -> None:
    """Written whole, then renamed: the server never reads half a file."""
    part = path.with_suffix(".part")
    part.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    os.replace(part, path)


class _Progress:
    """check_stream's progress, to a file at most a few times a second."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / PROGRESS
        self._last = 0.0

    def stage(self, stage: str, done: int = 0, total: int = 0) -> None:
        _write_json(self._path, {"stage": stage, "done": done, "total": total})

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= 0.3 or done >= total:
            self._last = now
            self.stage("checking", done, total)


def _failed(folder: Path, kind: str, message: Text) -> int:
    _write_json(folder / ERROR, {"kind": kind, "zh": message.zh, "en": message.en})
    return 2


def check(folder: Path) -> int:
    from iprules.check import check_stream
    from iprules.ledger.read import LedgerFileError
    from iprules.policy.load import load_policy
    from iprules.policy.yamlfile import PolicyError
    from iprules.web.index import write_index

    request = json.loads((folder / REQUEST).read_text(encoding="utf-8"))
    progress = _Progress(folder)
    progress.stage("reading")
    try:
        policy = load_policy(Path(request["policy"]))
    except PolicyError as error:
        return _failed(folder, "policy", text(error.render("zh"), error.render("en")))
    files = [Path(name) for name in request["files"]]  # relative: the process runs in the ledger folder
    try:
        checked = check_stream(files, policy, dt.date.fromisoformat(request["as_of"]), progress=progress)
    except LedgerFileError as error:
        return _failed(folder, "ledger", text(str(error), str(error)))
    with checked:
        progress.stage("indexing")
        write_index(folder / INDEX, checked.findings(), files)
        (folder / HEAD).write_text(checked.head.model_dump_json(), encoding="utf-8")
        if request.get("db"):
            _write_json(folder / RECORDED, _record(folder, request["db"], checked, policy))
    progress.stage("done")
    return 0


def _record(folder: Path, db: str, checked: Any, policy: Any) -> dict[str, Any]:
    """Every workbench check is recorded (`iprules.store`): {"number": n}, or {"zh", "en"}
    saying why not — a store that cannot be reached must not cost the user the result."""
    from iprules.report.view import nothing_checked
    from iprules.store import Store, StoreError

    if nothing_checked(checked.head.summary) is not None:
        return {"zh": "未记录：本次没有检查任何内容", "en": "not recorded: this check checked nothing"}
    try:
        with Store.open(db) as store:
            return {"number": store.record(checked.head, checked.findings(), policy, by=request_by())}
    except StoreError as error:
        return {
            "zh": f"未能记入检查记录库：{error.words.zh}",
            "en": f"not recorded in the store: {error.words.en}",
        }
    except Exception as error:  # details to the log; the result is shown all the same
        with (folder / LOG).open("a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(error)))
        return {
            "zh": f"未能记入检查记录库（{type(error).__name__}，详见服务器的 worker.log）；检查结果不受影响",
            "en": f"not recorded in the store ({type(error).__name__}, see the server's worker.log); the result stands",
        }


def request_by() -> str:
    """Who ran a workbench check, as recorded: the workbench and the server's OS user."""
    from iprules.store import current_user

    return f"工作台 workbench ({current_user()})"


def _cases(findings: Iterator[PackedFinding]) -> Iterator[PackedCase]:
    for case, found in groupby(findings, key=lambda f: f[0]):
        yield case, list(found)


def render(folder: Path, form: str, lang: str, output: Path) -> int:
    """A report of a finished check, by the CLI's writers, from the check's index."""
    from iprules.check import Checked, Report
    from iprules.policy.load import load_policy
    from iprules.report.write import write_checked
    from iprules.results import FindingSpool
    from iprules.web.index import Index

    request = json.loads((folder / REQUEST).read_text(encoding="utf-8"))
    policy = load_policy(Path(request["policy"]))
    head = Report.model_validate_json((folder / HEAD).read_text(encoding="utf-8"))
    if head.policy.version != policy.version:
        return _failed(
            folder / "out",
            "policy",
            text(
                f"政策“{policy.name}”在本次检查之后已被修改（版本 {head.policy.version} → {policy.version}），"
                "报告会与检查结果不一致：请重新上传台账检查",
                f"the policy '{policy.name}' changed after this check (version {head.policy.version} → "
                f"{policy.version}); its report would not match the check: upload the ledgers again",
            ),
        )
    spool = FindingSpool()
    with Index(folder / INDEX, {}) as index:
        batch: list[PackedCase] = []
        for case in _cases(index.all_findings()):
            batch.append(case)
            if len(batch) >= 1000:
                spool.add(batch)
                batch = []
        spool.add(batch)
    with Checked(head, spool, policy.rules) as checked:
        write_checked(checked, policy, lang, form, output)  # type: ignore[arg-type]  # checked by the server
    return 0


def main(argv: list[str]) -> int:
    command, folder = argv[0], Path(argv[1]).resolve()
    try:
        if command == "check":
            return check(folder)
        if command == "render":
            return render(folder, argv[2], argv[3], Path(argv[4]).resolve())
        return 2
    except Exception as error:  # details to the log, a plain sentence to the page
        with (folder / LOG).open("a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(error)))
        target = folder if command == "check" else folder / "out"
        target.mkdir(exist_ok=True)
        return _failed(
            target,
            "unexpected",
            text(
                f"意外错误（{type(error).__name__}），检查未完成，结果不可作为合规依据；"
                "请把台账和服务器上的 worker.log 发给 iprules 的维护者",
                f"unexpected error ({type(error).__name__}); the check did not finish and is no clean "
                "pass; please send the ledgers and the server's worker.log to the maintainers",
            ),
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
