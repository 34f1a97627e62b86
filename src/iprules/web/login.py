"""The access password: asked once per browser session when the operator set one."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from iprules.web.render import page
from iprules.web.security import csrf_ok, local_path, password_matches

WRONG_PASSWORD_DELAY = 1.0  # seconds: guessing costs time


async def form(request: Request) -> Response:
    return page(request, "login.html", next=local_path(request.query_params.get("next")), wrong=False)


async def submit(request: Request) -> Response:
    async with request.form(max_files=0, max_fields=5) as data:
        given, token, wanted = data.get("password"), data.get("csrf"), data.get("next")
    target = local_path(wanted if isinstance(wanted, str) else None)
    if not csrf_ok(request, token):
        return page(request, "error.html", status=403, title="refused", message=("csrf", {}))
    password = request.app.state.settings.password
    if password is None:
        return RedirectResponse(target, status_code=303)
    if not isinstance(given, str) or not password_matches(given, password):
        await asyncio.sleep(WRONG_PASSWORD_DELAY)
        return page(request, "login.html", status=401, next=target, wrong=True)
    request.session["auth"] = True
    return RedirectResponse(target, status_code=303)


async def logout(request: Request) -> Response:
    async with request.form(max_files=0, max_fields=5) as data:
        token = data.get("csrf")
    if csrf_ok(request, token):
        request.session.clear()
    return RedirectResponse("/login", status_code=303)
