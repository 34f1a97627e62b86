"""Cases checked on a Dask cluster (`iprules check … --cluster ADDRESS|local`).

Why Dask (distributed) and not Ray: it is pure Python on top of what the check already uses
(pickle, processes), installs in seconds without a native object store, starts a local
cluster in about a second on a 2-core machine, and its scheduler and workers are two plain
commands (`dask scheduler`, `dask worker ADDRESS --nthreads 1`) a bureau's IT can run on
several machines. Ray would bring a raylet, an object store and a dashboard per node, each
heavier than the whole check of a province's ledger on one node.

The cluster does exactly what the local pool does (`iprules.parallel`): the work units are the
spool's batches — in memory lists of whole cases, or once spilled the case-hash partitions —
each checked by `parallel._pool_task` in a worker that keeps its compiled ruleset, engine and
roster for its whole life (keyed by the policy blob, which is scattered to every worker once);
findings come back as plain tuples into the same `FindingSpool`, whose k-way merge by case
makes the report byte-identical to `--jobs 1`. A partition file lives on this machine's disk,
so it is read here and its cases are sent: workers need no shared file system. At most a few
batches per worker are in flight, so the parent's memory stays bounded on any ledger size.

durable_rules keeps one global C handle table per process: a worker must run one task at a
time. A local cluster is started so; remote workers are to be started with `--nthreads 1`,
and a lock makes a worker started otherwise still correct (only slower).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from iprules.cases import CaseSpool, Group, read_partition
from iprules.commands.common import UsageError
from iprules.facts import Reference
from iprules.parallel import (
    Checker,
    PackedBatch,
    Progress,
    Run,
    _pool_task,
    default_jobs,
    policy_blob,
)
from iprules.policy.rules import Rule
from iprules.results import FindingSpool
from iprules.rollup import Duties

LOCAL = "local"
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, no more in memory
CONNECT_SECONDS = 20

_one_at_a_time = threading.Lock()


class ClusterError(UsageError):
    """The cluster could not be used; the words say what to do."""


def check_batch(blob: bytes, groups: list[Group]) -> PackedBatch:
    """One batch, on a worker: the same function the local pool runs."""
    with _one_at_a_time:
        return _pool_task((blob, groups))


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise ClusterError(
            "--cluster 需要 Dask：pip install 'iprules[cluster]'（在 iprules 的虚拟环境中）",
            "--cluster needs Dask: pip install 'iprules[cluster]' (in iprules' virtual environment)",
        ) from error
    return distributed


class ClusterChecker(Checker):
    """A `Checker` whose batches go to a Dask cluster: an existing scheduler's address
    (tcp://host:8786), or `local` for a cluster of `jobs` single-threaded worker processes
    on this machine, started for this check and stopped after it."""

    def __init__(self, address: str, jobs: int | None = None) -> None:
        super().__init__(jobs or default_jobs())
        self.address = address
        self._client: Any = None
        self._cluster: Any = None

    def warm(self) -> None:
        if self._client is not None:
            return
        distributed = _distributed()
        try:
            if self.address == LOCAL:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=50,  # logging.CRITICAL: the check's own output stays clean
                )
                self._client = distributed.Client(self._cluster, timeout=CONNECT_SECONDS)
            else:
                self._client = distributed.Client(self.address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as error:
            self.close()
            raise ClusterError(
                f"无法连接 Dask 集群 {self.address}（{error}）：请确认调度器已启动（dask scheduler）、地址和端口正确，"
                "或用 --cluster local 在本机启动",
                f"cannot reach the Dask cluster {self.address} ({error}): check that the scheduler runs "
                "(dask scheduler) at that address and port, or use --cluster local",
            ) from error

    def close(self) -> None:
        for part in (self._client, self._cluster):
            if part is not None:
                with contextlib.suppress(Exception):  # a cluster that already lost its workers
                    part.close()
        self._client = self._cluster = None

    def workers(self) -> int:
        return max(1, len(self._client.scheduler_info()["workers"])) if self._client is not None else 0

    def run(
        self,
        spool: CaseSpool,
        rules: list[Rule],
        reference: Reference,
        found: FindingSpool,
        progress: Progress | None = None,
        policy_name: str = "",
        rejections: Any = None,
    ) -> Run:
        self.warm()
        distributed = _distributed()
        client = self._client
        run = Run(Duties.of(rules), rejections)
        done = 0
        total = spool.items
        try:
            blob = client.scatter(policy_blob(rules, reference, policy_name), broadcast=True)
            batches = _batches(spool)
            pending = distributed.as_completed()
            for _ in range(self.workers() * IN_FLIGHT_PER_WORKER):
                batch = next(batches, None)
                if batch is None:
                    break
                pending.add(client.submit(check_batch, blob, batch, pure=False))
            for future in pending:
                try:
                    packed = future.result()
                except distributed.KilledWorker as error:
                    raise ClusterError(
                        f"Dask 集群的工作进程在检查时退出（{error}）：检查未完成；请查看工作进程的日志和内存",
                        f"a Dask worker died during the check ({error}); the check did not finish: "
                        "look at the workers' logs and memory",
                    ) from error
                batch = next(batches, None)
                if batch is not None:
                    pending.add(client.submit(check_batch, blob, batch, pure=False))
                done += run.take(packed, found)
                if progress is not None:
                    progress(done, total)
        finally:
            spool.close()
        run.settle()
        return run


def _batches(spool: CaseSpool) -> Iterator[list[Group]]:
    """The spool's batches as cases to send: a partition on this disk is read here."""
    from iprules.parallel import BATCH

    for batch in spool.batches(BATCH):
        yield read_partition(batch) if isinstance(batch, Path) else batch
