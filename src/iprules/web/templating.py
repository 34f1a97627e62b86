"""The one Jinja2 environment every HTML page and the exported HTML report are rendered by.

Kept apart from `iprules.web.render` (which needs a request) so the CLI's HTML report uses the
same templates, the same autoescaping and the same style sheet without the web server's code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
# `tojson` (data for a page's script, in attributes): keys sorted for the same bytes every time,
# Chinese as itself; <, >, & and ' are still escaped, so it is safe in a single-quoted attribute
environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


@cache
def inline_asset(name: str) -> Markup:
    """One of the app's own static files (style.css, report.js), to be put inside <style> or
    <script> of a file that must work with nothing fetched.

    It is the project's own file, not input: safe to put there unescaped (escaping would turn
    `>` and quotes in selectors and code into entities). It may not close the element."""
    content = (STATIC / name).read_text(encoding="utf-8")
    if "</" in content:
        raise ValueError(f"{name} must not contain '</' (it is inlined in the page)")
    return Markup(content)  # the project's own file, checked above


def stylesheet() -> Markup:
    """The one style sheet of the pages and the exported report."""
    return inline_asset("style.css")
