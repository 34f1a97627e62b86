"""The checks of a running workbench: each in a private folder, at most `slots` at once.

A check is a job: its uploaded ledgers are saved into a folder of its own (created 0700 under
the server's own temporary folder), it waits in a queue for a slot, runs as a worker process
(`iprules.web.worker`), and its folder is deleted when the user deletes it, when nobody has
looked at it for `ttl` seconds, or when the server stops. A job is found by its id alone, a
random 128-bit token: the id is the capability (a link to a result can be shared with a
colleague of the same bureau); no value from the browser is ever part of a path.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from iprules.web import worker

State = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    id: str
    folder: Path
    files: list[str]
    policy: str  # the policy's name (a folder under the rules folder)
    as_of: str
    state: State = "queued"
    seen: float = field(default_factory=time.monotonic)
    error: dict[str, str] | None = None
    process: subprocess.Popen[bytes] | None = None
    render_lock: threading.Lock = field(default_factory=threading.Lock)
    head: Any = None  # the finished report's head (iprules.check.Report), read once

    def recorded(self) -> dict[str, Any] | None:
        """The check's number in the store, or why it was not recorded (None: not asked)."""
        try:
            value = json.loads((self.folder / worker.RECORDED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    @property
    def ledgers(self) -> Path:
        return self.folder / worker.LEDGERS

    def progress(self) -> dict[str, Any]:
        try:
            value = json.loads((self.folder / worker.PROGRESS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"stage": "reading", "done": 0, "total": 0}
        return value if isinstance(value, dict) else {"stage": "reading", "done": 0, "total": 0}


class RenderFailed(Exception):
    def __init__(self, error: dict[str, str]) -> None:
        super().__init__(error.get("en", ""))
        self.error = error


class Jobs:
    """The queue and the slots. Worker processes run from threads of this object, so the
    server's event loop never waits on a check."""

    def __init__(self, slots: int, ttl: float, root: Path | None = None) -> None:
        self.slots = max(1, slots)
        self.ttl = ttl
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="iprules-web-"))
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._jobs: dict[str, Job] = {}
        self._queue: deque[str] = deque()
        self._lock = threading.Condition()
        self._gate = threading.BoundedSemaphore(self.slots)  # checks and report renders alike
        self._closed = False
        self._threads = [
            threading.Thread(target=self._serve, name=f"iprules-check-{n}", daemon=True)
            for n in range(self.slots)
        ]
        for thread in self._threads:
            thread.start()
        self._sweeper = threading.Thread(target=self._sweep, name="iprules-sweep", daemon=True)
        self._sweeper.start()

    # -- making and finding jobs

    def new_folder(self) -> tuple[str, Path]:
        job_id = secrets.token_urlsafe(16)
        folder = Path(tempfile.mkdtemp(prefix="check-", dir=self.root))  # 0700
        (folder / worker.LEDGERS).mkdir(mode=0o700)
        return job_id, folder

    def delete_folder(self, folder: Path) -> None:
        """A folder of a check that never started (its upload was refused)."""
        if folder.parent == self.root:
            shutil.rmtree(folder, ignore_errors=True)

    def submit(self, job: Job, policy_folder: Path, db: str | None = None) -> None:
        """`db`: the store every check is recorded in (an absolute path or a URL)."""
        request = {"policy": str(policy_folder), "as_of": job.as_of, "files": job.files, "db": db}
        (job.folder / worker.REQUEST).write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
        with self._lock:
            self._jobs[job.id] = job
            self._queue.append(job.id)
            self._lock.notify()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                job.seen = time.monotonic()
            return job

    def place(self, job: Job) -> int:
        """1 for the next check to start, 0 once it runs."""
        with self._lock:
            try:
                return self._queue.index(job.id) + 1
            except ValueError:
                return 0

    def running(self) -> int:
        with self._lock:
            return sum(1 for job in self._jobs.values() if job.state == "running")

    def delete(self, job_id: str) -> None:
        with self._lock:
            job = self._jobs.pop(job_id, None)
            if job is None:
                return
            if job_id in self._queue:
                self._queue.remove(job_id)
            process = job.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(job.folder, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            ids = list(self._jobs)
            self._lock.notify_all()
        for job_id in ids:
            self.delete(job_id)
        shutil.rmtree(self.root, ignore_errors=True)

    # -- running them

    def _serve(self) -> None:
        while True:
            with self._lock:
                while not self._queue and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                job = self._jobs[self._queue.popleft()]
                job.state = "running"
            with self._gate:
                self._run(job)

    def _run(self, job: Job) -> None:
        with (job.folder / worker.LOG).open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "iprules.web.worker", "check", str(job.folder)],
                cwd=job.ledgers,
                stdout=log,
                stderr=log,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            with self._lock:
                job.process = process
            code = process.wait()
        with self._lock:
            job.process = None
            if code == 0 and (job.folder / worker.INDEX).exists():
                job.state = "done"
            else:
                job.state = "failed"
                job.error = _read_error(job.folder / worker.ERROR)

    def render(self, job: Job, form: str, lang: str) -> Path:
        """A report of a finished job (made once per format and language, then kept)."""
        out = job.folder / "out"
        out.mkdir(mode=0o700, exist_ok=True)
        target = out / f"report.{lang}.{form}"
        with job.render_lock:
            if target.exists():
                return target
            with self._gate, (job.folder / worker.LOG).open("ab") as log:
                code = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "iprules.web.worker",
                        "render",
                        str(job.folder),
                        form,
                        lang,
                        str(target),
                    ],
                    cwd=job.ledgers,
                    stdout=log,
                    stderr=log,
                    check=False,
                ).returncode
            if code != 0 or not target.exists():
                error = _read_error(out / worker.ERROR)
                (out / worker.ERROR).unlink(missing_ok=True)
                raise RenderFailed(error)
        return target

    def _sweep(self) -> None:
        while True:
            time.sleep(min(60.0, max(1.0, self.ttl / 4)))
            with self._lock:
                if self._closed:
                    return
                now = time.monotonic()
                stale = [
                    job.id
                    for job in self._jobs.values()
                    if job.state in ("done", "failed") and now - job.seen > self.ttl
                ]
            for job_id in stale:
                self.delete(job_id)


def _read_error(path: Path) -> dict[str, str]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(value, dict):
            return {"kind": str(value.get("kind", "")), "zh": str(value["zh"]), "en": str(value["en"])}
    except (OSError, ValueError, KeyError):
        pass
    return {
        "kind": "unexpected",
        "zh": "检查意外中止（进程被终止或内存不足），没有结果：请稍后重试，或把台账分成较小的文件",
        "en": "the check stopped unexpectedly (killed, or out of memory) and has no result: try again "
        "later, or split the ledger into smaller files",
    }
