"""The workbench: one ASGI app over the checker, a module per kind of page.

`create_app(Settings(...))` is what `iprules serve` runs on uvicorn and what the tests drive
in-process. Middleware, outermost first: security headers on every answer, the body-size
count, the signed session (a random key per start: a restart logs everyone out and forgets
every check), the password. Errors are pages, never tracebacks.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from iprules.commands.common import default_policy
from iprules.parallel import default_jobs
from iprules.policy.load import Policy, load_policy
from iprules.policy.yamlfile import PolicyError
from iprules.web import (
    check_page,
    clause_book,
    downloads,
    drill_page,
    login,
    records,
    result_page,
    views,
    warn_page,
)
from iprules.web.jobs import Jobs
from iprules.web.records import absolute_store
from iprules.web.render import STATIC, page
from iprules.web.security import BodyLimit, RequirePassword, SecurityHeaders, UploadTooLarge

log = logging.getLogger("iprules.web")


@dataclass(frozen=True)
class Settings:
    password: str | None = None
    max_upload_mb: int = 100
    max_files: int = 20
    slots: int = field(default_factory=default_jobs)  # checks at once: one per core
    ttl: float = 3600.0  # seconds a result is kept after it was last looked at
    rules: Path = field(default_factory=lambda: default_policy().parent)
    root: Path | None = None  # where checks' private folders go (default: a new temporary folder)
    # the store every check is recorded in: as the CLI's --db (None: IPRULES_DB, else ./iprules.db)
    db: str | None = None

    @property
    def store(self) -> str:
        """The store as the worker (which runs in a check's own folder) must name it."""
        return absolute_store(self.db)

    @property
    def max_upload(self) -> int:
        return self.max_upload_mb * 2**20


def find_policies(rules: Path) -> dict[str, Policy]:
    """The policies a user may pick: each folder of `rules` with a policy.yaml that loads."""
    found: dict[str, Policy] = {}
    for folder in sorted(rules.iterdir()) if rules.is_dir() else []:
        if (folder / "policy.yaml").is_file():
            try:
                found[folder.name] = load_policy(folder)
            except PolicyError as error:
                log.warning("policy %s not offered: %s", folder, error.render("en"))
    return found


async def _not_found(request: Request, error: Exception) -> Response:
    status = error.status_code if isinstance(error, HTTPException) else 404
    key = "not_found" if status == 404 else "refused"
    return page(
        request, "error.html", status=status, title=key, hint="not_found_hint" if status == 404 else None
    )


async def _too_large(request: Request, error: Exception) -> Response:
    settings: Settings = request.app.state.settings
    return page(
        request,
        "error.html",
        status=413,
        title="refused",
        message=("too_large", {"mb": settings.max_upload_mb}),
    )


async def _failed(request: Request, error: Exception) -> Response:
    log.exception("request %s failed", request.url.path, exc_info=error)
    return page(request, "error.html", status=500, title="error", hint="error_hint")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    jobs = Jobs(settings.slots, settings.ttl, settings.root)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            jobs.close()

    routes = [
        Route("/", check_page.form, methods=["GET"]),
        Route("/check", check_page.submit, methods=["POST"]),
        Route("/check/{job}", result_page.overview, methods=["GET"]),
        Route("/check/{job}/delete", check_page.delete, methods=["POST"]),
        Route("/check/{job}/findings", views.findings, methods=["GET"]),
        Route("/check/{job}/clauses", views.clauses, methods=["GET"]),
        Route("/check/{job}/cases", views.cases, methods=["GET"]),
        Route("/check/{job}/units", views.units, methods=["GET"]),
        Route("/check/{job}/people", views.people, methods=["GET"]),
        Route("/check/{job}/case", views.case, methods=["GET"]),
        Route("/check/{job}/rejections", views.rejections, methods=["GET"]),
        Route("/check/{job}/report.{form}", downloads.report, methods=["GET"]),
        Route("/template.xlsx", downloads.template, methods=["GET"]),
        Route("/check/{job}/warn", warn_page.of_check, methods=["GET"]),
        Route("/warn", warn_page.form, methods=["GET"]),
        Route("/warn", warn_page.submit, methods=["POST"]),
        Route("/history", records.history, methods=["GET"]),
        Route("/diff", records.diff, methods=["GET"]),
        Route("/register", records.register, methods=["GET"]),
        Route("/register/{check}.xlsx", records.register_workbook, methods=["GET"]),
        Route("/drill", drill_page.form, methods=["GET"]),
        Route("/drill/quiz", drill_page.quiz, methods=["GET"]),
        Route("/drill/answer", drill_page.answer, methods=["POST"]),
        Route("/drill/score", drill_page.score, methods=["GET"]),
        Route("/drill/paper", drill_page.paper, methods=["GET"]),
        Route("/drill/key", drill_page.key, methods=["GET"]),
        Route("/clauses", clause_book.book, methods=["GET"]),
        Route("/login", login.form, methods=["GET"]),
        Route("/login", login.submit, methods=["POST"]),
        Route("/logout", login.logout, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(BodyLimit, limit=settings.max_upload + 2**20),  # room for the form's other fields
        Middleware(
            SessionMiddleware,
            secret_key=secrets.token_urlsafe(32),
            session_cookie="iprules_session",
            same_site="strict",
            max_age=None,
        ),
        Middleware(RequirePassword, password=settings.password),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            HTTPException: _not_found,
            UploadTooLarge: _too_large,
            Exception: _failed,
        },
    )
    app.state.settings = settings
    app.state.jobs = jobs
    app.state.policies = find_policies(settings.rules)
    return app
