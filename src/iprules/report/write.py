"""Render a report in the format asked for and put it where asked: a file, or stdout.

The Excel workbook is bytes, not text: without `--output` it goes to stdout only when that
is a pipe or a file, never into a terminal, where it would be noise.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Policy

Format = Literal["text", "json", "html", "xlsx"]
FORMATS: tuple[Format, ...] = ("text", "json", "html", "xlsx")


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


def write_report(report: Report, policy: Policy, lang: Lang, form: Format, output: Path | None) -> None:
    rendered = render(report, policy, lang, form)
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    if output is not None:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(data)
        except OSError as error:
            raise OutputError(
                f"{output}: 无法写入报告（{error.strerror}）：请检查路径和权限 / "
                f"cannot write the report ({error.strerror}): check the path and permissions"
            ) from error
        return
    if isinstance(rendered, bytes) and sys.stdout.isatty():
        raise OutputError(
            "Excel 报告请用 --output 指定文件，如 --output 报告.xlsx / "
            "an Excel report needs --output FILE, e.g. --output report.xlsx"
        )
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
