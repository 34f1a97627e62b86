"""What stands between the workbench and a browser: headers, the password, CSRF, body size.

* Every response carries a Content-Security-Policy that allows only the app's own style sheet
  and images (no script at all: the pages need none), no framing, no referrer (a check's link
  is its capability), and `no-store` (a result names people).
* With a password set (required on any address but loopback), every request but the login
  page and the style sheet needs the session the login gives, or `Authorization: Bearer`.
* Every form carries a CSRF token tied to the session; a POST without it is refused.
* A request body is counted as it arrives: past the limit the upload is refused, whatever
  its Content-Length said.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
OPEN_PATHS = ("/login", "/static/")


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((n, v) for n, v in HEADERS if n not in names),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


class UploadTooLarge(Exception):
    """The request body grew past the limit while it was being read."""


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise UploadTooLarge
            return message

        await self.app(scope, counted, send)


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8")).digest()


def password_matches(given: str, password: str) -> bool:
    return hmac.compare_digest(_digest(given), _digest(password))


class RequirePassword:
    """Runs inside the session middleware (it reads `scope["session"]`)."""

    def __init__(self, app: ASGIApp, password: str | None) -> None:
        self.app = app
        self.password = password

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.password is None or self._allowed(scope):
            await self.app(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD"):
            wanted = scope["path"] + (
                ("?" + scope["query_string"].decode("latin-1")) if scope["query_string"] else ""
            )
            response: Any = RedirectResponse(f"/login?next={quote(wanted, safe='')}", status_code=303)
        else:
            response = PlainTextResponse(
                "需要先登录 / log in first (the workbench has an access password)", status_code=401
            )
        await response(scope, receive, send)

    def _allowed(self, scope: Scope) -> bool:
        path: str = scope["path"]
        if path == "/login" or path.startswith("/static/"):
            return True
        if scope.get("session", {}).get("auth") is True:
            return True
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                kind, _, token = value.decode("latin-1").partition(" ")
                if (
                    kind.lower() == "bearer"
                    and self.password
                    and password_matches(token.strip(), self.password)
                ):
                    return True
        return False


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_ok(request: Request, given: object) -> bool:
    token = request.session.get("csrf")
    return isinstance(token, str) and isinstance(given, str) and hmac.compare_digest(token, given)


def local_path(value: str | None) -> str:
    """Where to go after logging in: a path of this site, never another site."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"
