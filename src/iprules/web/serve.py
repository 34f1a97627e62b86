"""`iprules serve`: the workbench on uvicorn, on this computer unless told otherwise.

On 127.0.0.1 (the default) only this computer can reach it. Any other address (an intranet
server for the whole bureau) needs an access password the operator chooses: `--password` or,
better (a command line shows in the process list), the environment variable IPRULES_PASSWORD.
There is no default password; without one the server refuses to start.
"""

from __future__ import annotations

import ipaddress
import os

from iprules.i18n import Text, text

PASSWORD_ENV = "IPRULES_PASSWORD"
MIN_PASSWORD = 8


class ServeRefused(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def chosen_password(given: str | None, host: str) -> str | None:
    """The access password, or None on loopback without one; refuses what would be unsafe."""
    password = given if given is not None else os.environ.get(PASSWORD_ENV) or None
    if password is not None and len(password) < MIN_PASSWORD:
        raise ServeRefused(
            text(
                f"访问密码太短：至少 {MIN_PASSWORD} 个字符",
                f"the access password is too short: {MIN_PASSWORD} characters at least",
            )
        )
    if password is None and not is_loopback(host):
        raise ServeRefused(
            text(
                f"--host {host} 会让其他电脑访问本工作台，必须先设定访问密码：设置环境变量 {PASSWORD_ENV}"
                f"（推荐，如 export {PASSWORD_ENV}='…'），或加 --password；没有默认密码。"
                "只在本机使用时去掉 --host（默认 127.0.0.1）",
                f"--host {host} lets other computers reach the workbench, so an access password must be "
                f"set first: the environment variable {PASSWORD_ENV} (better: export {PASSWORD_ENV}='…') "
                "or --password; there is no default. For this computer alone, leave out --host "
                "(default 127.0.0.1)",
            )
        )
    return password


def serve(
    host: str,
    port: int,
    password: str | None,
    max_upload_mb: int,
    keep_minutes: int,
    lang: str,
    db: str | None = None,
) -> None:
    import uvicorn

    from iprules.web.app import Settings, create_app

    secret = chosen_password(password, host)
    app = create_app(Settings(password=secret, max_upload_mb=max_upload_mb, ttl=keep_minutes * 60.0, db=db))
    shown = f"[{host}]" if ":" in host else host
    if lang == "zh":
        print(
            f"iprules 工作台：http://{shown}:{port}/ （按 Ctrl-C 停止）"
            + ("；已设访问密码" if secret else "")
        )
    else:
        print(
            f"iprules workbench: http://{shown}:{port}/ (Ctrl-C stops it)"
            + ("; access password set" if secret else "")
        )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
