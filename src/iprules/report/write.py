"""Render a report in the format asked for and put it where asked: a file, or stdout.

The Excel workbook is bytes, not text: without `--output` it goes to stdout only when that
is a pipe or a file, never into a terminal, where it would be noise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

from iprules.check import Checked, Report
from iprules.i18n import Lang
from iprules.policy.load import Policy

Format = Literal["text", "json", "html", "xlsx"]
FORMATS: tuple[Format, ...] = ("text", "json", "html", "xlsx")

# An HTML report is one page a person reads in a browser (~1.5 KB of page a finding, with its
# records and filters): past this many findings the page is more than a browser opens well, so
# it is refused, with the reports that have no limit named instead.
HTML_MAX_FINDINGS = 20_000


class OutputError(Exception):
    """A report that cannot be written where it was asked to go."""


def render(report: Report, policy: Policy, lang: Lang, form: Format) -> str | bytes:
    if form == "json":
        from iprules.report.json import render_json

        return render_json(report, policy, lang)
    if form == "html":
        from iprules.report.html import render_html

        return render_html(report, policy, lang)
    if form == "xlsx":
        from iprules.report.xlsx import render_xlsx

        return render_xlsx(report, policy, lang)
    from iprules.report.text import render_text

    return render_text(report, policy, lang)


def _cannot_write(output: Path, error: OSError) -> OutputError:
    return OutputError(
        f"{output}: 无法写入报告（{error.strerror}）：请检查路径和权限 / "
        f"cannot write the report ({error.strerror}): check the path and permissions"
    )


def write_checked(checked: Checked, policy: Policy, lang: Lang, form: Format, output: Path | None) -> None:
    """A check's report, written as the findings are read back from disk (HTML reads them
    twice: counts first, then the cases), so memory stays flat however many there are. An HTML
    page is read by a person in a browser: above `HTML_MAX_FINDINGS` findings it is refused
    (`OutputError`) with the formats that have no limit named."""
    if form == "html":
        found = sum(checked.head.summary.findings.values())
        if found > HTML_MAX_FINDINGS:
            raise OutputError(
                f"iprules：本次检查有 {found} 条结论，HTML 报告最多 {HTML_MAX_FINDINGS} 条（更大的网页浏览器难以打开）："
                "请改用 --format json、--format text 或 --format xlsx（逐条写出，不限条数），"
                "或分批检查台账 / "
                f"iprules: this check has {found} findings and an HTML report holds at most "
                f"{HTML_MAX_FINDINGS} (a bigger page is more than a browser opens well): use "
                "--format json, --format text or --format xlsx (written one finding at a time, no "
                "limit), or check the ledger in parts"
            )
    if form not in ("json", "text", "html", "xlsx"):
        write_report(checked.report(), policy, lang, form, output)
        return
    if form == "xlsx":
        _no_workbook_on_terminal(output)
    with opened(output) as handle:

        def write(chunk: str) -> None:
            handle.write(chunk.encode("utf-8"))

        if form == "html":
            from iprules.report.html import stream_html

            stream_html(checked.head, checked.findings, policy, lang, write)
        elif form == "json":
            from iprules.report.json import stream_json

            stream_json(checked.head, checked.rule_verdicts(), checked.findings(), policy, lang, handle.write)
        elif form == "xlsx":
            from iprules.report.xlsx import stream_xlsx

            stream_xlsx(checked.head, checked.rule_verdicts(), checked.findings(), policy, lang, handle)
        else:
            from iprules.report.text import stream_text

            stream_text(checked.head, checked.rule_verdicts(), checked.findings(), policy, lang, write)


def _no_workbook_on_terminal(output: Path | None) -> None:
    if output is None and sys.stdout.isatty():
        raise OutputError(
            "Excel 报告请用 --output 指定文件，如 --output 报告.xlsx / "
            "an Excel report needs --output FILE, e.g. --output report.xlsx"
        )


@contextmanager
def opened(output: Path | None) -> Iterator[IO[bytes]]:
    """Where a report goes. A file is written whole or not at all: into a temporary file
    beside it, renamed over the old report only once complete, so a kill or a full disk
    leaves the previous report as it was (and no half-written one)."""
    if output is None:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if output.exists() and not output.is_file():
        # a device or a pipe (/dev/null, a FIFO): written to as it is; renaming a file over it
        # would replace the device itself (as root, /dev/null became a regular file)
        try:
            with output.open("wb") as handle:
                yield handle
        except OSError as error:
            raise _cannot_write(output, error) from error
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".part")
    except OSError as error:
        raise _cannot_write(output, error) from error
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a report gets the usual permissions
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, output)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(output, error) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_report(report: Report, policy: Policy, lang: Lang, form: Format, output: Path | None) -> None:
    if form == "xlsx":
        _no_workbook_on_terminal(output)
    rendered = render(report, policy, lang, form)
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    with opened(output) as handle:
        handle.write(data)
