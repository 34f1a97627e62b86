"""Pages from templates: one Jinja2 environment, autoescaped, shared by every page kind.

A page's language is `?lang=en` (remembered in a cookie) or the cookie, else Chinese.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse

from iprules.i18n import VERDICT_WORDS, Lang
from iprules.web.security import csrf_token
from iprules.web.templating import STATIC, TEMPLATES, environment
from iprules.web.words import say

__all__ = ["STATIC", "TEMPLATES", "environment", "lang_of", "link", "page"]


def lang_of(request: Request) -> Lang:
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    return "en" if asked == "en" else "zh"


def link(request: Request, path: str | None = None, **changes: object) -> str:
    """This page (or `path`) with the query changed: a value of "" or None drops a parameter."""
    query = dict(request.query_params)
    query.pop("lang", None)
    if path is not None:
        query = {}
    for name, value in changes.items():
        if value in ("", None):
            query.pop(name, None)
        else:
            query[name] = str(value)
    target = path if path is not None else request.url.path
    return target + (("?" + urlencode(query)) if query else "")


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = lang_of(request)
    other: Lang = "en" if lang == "zh" else "zh"
    query = dict(request.query_params)
    query["lang"] = other
    values = {
        "request": request,
        "lang": lang,
        "t": partial(say, lang),
        "verdict_word": lambda verdict: VERDICT_WORDS[verdict](lang),
        "csrf": csrf_token(request),
        "switch": request.url.path + "?" + urlencode(query),
        "link": partial(link, request),
        **context,
    }
    body = environment.get_template(template).render(values)
    response = HTMLResponse(body, status_code=status)
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="strict", httponly=True)
    return response
