"""历史, 比较, 整改台账 — the store of checks in the browser (`iprules.store`).

Every check the workbench runs is recorded in the store the server was started with (`iprules
serve --db`, default as the CLI's); these pages read it. A check is chosen by its number from a
list the page offers — never a path or an address from the browser. The pages only read: the
store changes through `iprules rectify` on the command line and through the checks themselves.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from iprules.diff import compare, diff_json, side_of_check
from iprules.history import history_json
from iprules.i18n import Lang
from iprules.policy.clauses import clause_label
from iprules.rectify import STATE_WORDS
from iprules.store import Store, StoreError
from iprules.store.location import DEFAULT_FILE, ENVIRONMENT, shown, store_url
from iprules.web.render import lang_of, page


def absolute_store(given: str | None) -> str:
    """The store named as the CLI's `--db` would name it from the server's working folder:
    an SQLite file as an absolute path (a check runs in a folder of its own), a URL as given."""
    import os

    value = given or os.environ.get(ENVIRONMENT) or DEFAULT_FILE
    return value if "://" in value else str(Path(value).resolve())


def _open(request: Request) -> Store:
    return Store.open(request.app.state.settings.store, existing=True)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() else None


def _where(request: Request) -> str:
    try:
        return shown(store_url(request.app.state.settings.store))
    except StoreError as error:
        return error.words.zh


def _problem(request: Request, template: str, error: StoreError, **context: Any) -> Response:
    lang = lang_of(request)
    return page(request, template, problem=error.words(lang), where=_where(request), **context)


def _history(request: Request) -> dict[str, Any]:
    with _open(request) as store:
        return history_json(store.checks())


async def history(request: Request) -> Response:
    try:
        data = await run_in_threadpool(_history, request)
    except StoreError as error:
        return _problem(request, "history.html", error, checks=[])
    return page(request, "history.html", checks=data["checks"], where=_where(request), problem=None)


def _diff(request: Request, before: int | None, after: int | None, lang: Lang) -> dict[str, Any]:
    with _open(request) as store:
        checks = history_json(store.checks())["checks"]
        result = None
        if before is not None and after is not None:
            earlier, later = store.check(before), store.check(after)
            result = diff_json(
                compare(
                    side_of_check(earlier, store.findings(earlier.id)),
                    side_of_check(later, store.findings(later.id)),
                ),
                lang,
            )
    return {"checks": checks, "diff": result}


async def diff(request: Request) -> Response:
    lang = lang_of(request)
    before = _number(request.query_params.get("before"))
    after = _number(request.query_params.get("after"))
    try:
        data = await run_in_threadpool(_diff, request, before, after, lang)
    except StoreError as error:
        return _problem(request, "diff.html", error, checks=[], diff=None, before=before, after=after)
    changed = [i for i in (data["diff"] or {}).get("items", []) if i["status"] != "persisting"]
    persisting = [i for i in (data["diff"] or {}).get("items", []) if i["status"] == "persisting"]
    return page(
        request,
        "diff.html",
        checks=data["checks"],
        diff=data["diff"],
        changed=_by_case(changed),
        persisting=_by_case(persisting),
        before=before,
        after=after,
        where=_where(request),
        problem=None,
    )


def _by_case(items: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        grouped.setdefault(item["case"], []).append(item)
    return list(grouped.items())


def _register(request: Request, check: int | None) -> dict[str, Any]:
    from iprules.store.register import register_items

    with _open(request) as store:
        checks = history_json(store.checks())["checks"]
        items = register_items(store, check) if check is not None else []
    return {"checks": checks, "items": items}


async def register(request: Request) -> Response:
    lang = lang_of(request)
    check = _number(request.query_params.get("check"))
    try:
        data = await run_in_threadpool(_register, request, check)
    except StoreError as error:
        return _problem(request, "register.html", error, checks=[], items=[], check=check)
    today = dt.date.today()
    items = [
        {
            "item": item,
            "clauses": "、".join(clause_label(c) for c in item.clauses),
            "state": item.state(today),
            "state_word": STATE_WORDS[item.state(today)](lang),
        }
        for item in data["items"]
    ]
    return page(
        request,
        "register.html",
        checks=data["checks"],
        items=items,
        check=check,
        where=_where(request),
        problem=None,
    )


def _workbook(request: Request, check: int) -> bytes:
    from iprules.rectify_workbook import write_items
    from iprules.store.register import register_items

    with _open(request) as store:
        items = register_items(store, check)
    with tempfile.TemporaryDirectory(prefix="iprules-register-") as folder:
        target = Path(folder) / "整改台账.xlsx"
        write_items(items, target, dt.date.today())
        return target.read_bytes()


async def register_workbook(request: Request) -> Response:
    from urllib.parse import quote

    check = _number(request.path_params.get("check"))
    if check is None:
        return page(request, "error.html", status=404, title="not_found", hint="not_found_hint")
    try:
        body = await run_in_threadpool(_workbook, request, check)
    except StoreError as error:
        return _problem(request, "register.html", error, checks=[], items=[], check=check)
    name = f"整改台账-检查{check}.xlsx"
    return Response(
        body,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )
