"""``autonews run --dask ADDRESS|local``: the batch's chunks run as tasks on a Dask cluster.

Only the executor changes. The client (this process) does everything else exactly as a local run does
(``batch.run_batch``): it walks and hashes the inputs, skips those that are current, keeps the manifest
and writes OUT, the errors file and the database in input order. Each chunk of ``RawInput`` -- its bytes
included, so the workers need no access to the inputs -- becomes one task. A worker process builds the
pipeline once (``_worker_nlp``, cached by settings; ``nlp`` itself is never pickled) and returns plain
tuples ``(source, ok, payload, words, not_article)``, the record as a JSON string, with the fingerprint
of its code: a worker running other code (another version, or a checkout edited since it started) would
write records that this client's manifest cannot vouch for, so the run stops instead.

A task whose worker dies (``KilledWorker``, after Dask's own retries) is split into one task per article,
so that only the article that kills a worker is reported failed, as in the local pool.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .batch import Outcome, WorkerStartError, _one_line, extract_units
from .ingest import RawInput
from .settings import Settings
from .version import __version__

CONNECT_TIMEOUT = 15.0  # seconds to reach a scheduler
WORKER_WAIT = 120.0  # seconds for a first worker to join a scheduler that has none
SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")
INSTALL_HINT = "the --dask option needs the dask extra: pip install 'autonews[dask]' (or -e \".[dask]\")"


class DaskAddressError(ValueError):
    """``--dask`` is neither ``local`` nor a scheduler address."""


class DaskMissing(RuntimeError):
    """dask[distributed] is not installed."""


def normalize_address(address: str) -> str:
    """``local``, or a scheduler address ``SCHEME://HOST:PORT`` (``HOST:PORT`` means ``tcp://``)."""
    given = address
    address = address.strip()
    if address.lower() == "local":
        return "local"
    if "://" not in address:
        address = "tcp://" + address
    scheme, _, rest = address.partition("://")
    if scheme.lower() not in SCHEMES or not re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]]+):\d{1,5}", rest):
        raise DaskAddressError(f"--dask must be 'local' or a scheduler address such as tcp://host:8786, got {given!r}")
    return f"{scheme.lower()}://{rest}"


def import_distributed():
    try:
        import distributed
    except ImportError:
        raise DaskMissing(INSTALL_HINT) from None
    return distributed


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The version plus a digest of the extractor's code and the shipped data (``models/``), computed once per
    process (in a worker, right after its first task imported and built everything); the same install gives
    the same fingerprint on every machine."""
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for package in ("extractor", "autonews_models"):
        root = resources.files(package)
        for name, entry in sorted(_files(root), key=lambda item: item[0]):
            if name.endswith((".py", ".jsonl", ".json")):
                digest.update(f"{package}/{name}".encode("utf-8"))
                digest.update(entry.read_bytes().replace(b"\r\n", b"\n"))  # a Windows checkout is the same code
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _files(folder, prefix: str = ""):
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _files(entry, f"{prefix}{entry.name}/")
        else:
            yield f"{prefix}{entry.name}", entry


# -- in a Dask worker --------------------------------------------------------------------------------------

_NLP: dict[str, tuple[Any, threading.Lock]] = {}
_NLP_LOCK = threading.Lock()


def _worker_nlp(settings: Settings):
    """The pipeline of these settings in this worker process, built on first use, with a lock for its use
    (a worker started with several threads shares one pipeline; spaCy is mostly Python, so threads would
    not run it faster anyway: start workers with ``--nthreads 1``). A failure is not cached: the next task
    tries again, so a model installed on a long-lived worker is picked up."""
    key = settings.model_dump_json()
    with _NLP_LOCK:
        if key not in _NLP:
            try:
                from .pipeline import build_nlp

                _NLP[key] = (build_nlp(settings), threading.Lock())
            except Exception as exc:
                raise WorkerStartError(_one_line(exc)) from None
        return _NLP[key]


def extract_partition(units: list[RawInput], settings: Settings, published: date | None, max_chars: int,
                      batch_size: int) -> tuple[str, list[tuple]]:
    """One task: a chunk of inputs -> this worker's code fingerprint and one plain tuple per input."""
    nlp, lock = _worker_nlp(settings)
    with lock:
        outcomes = extract_units(nlp, units, published=published, max_chars=max_chars, batch_size=batch_size)
    return code_fingerprint(), [tuple(outcome) for outcome in outcomes]


# -- in the client -----------------------------------------------------------------------------------------


class DaskExecutor:
    """The interface of ``batch._Inline`` / ``batch._Pool`` over a Dask cluster, connected on first use (a
    re-run with nothing to do needs no cluster). ``local`` starts a ``LocalCluster`` of ``workers``
    processes of one thread each, closed by ``shutdown``."""

    def __init__(self, address: str, workers: int, settings: Settings, published, max_chars, batch_size):
        self.address = normalize_address(address)
        self.workers, self.settings = workers, settings
        self.args = (published, max_chars, batch_size)
        self._client = None
        self._cluster = None
        self._window = 2 * max(1, workers)
        self._window_checked = 0.0

    def _start(self):
        if self._client is not None:
            return self._client
        distributed = import_distributed()
        if self.address == "local":
            self._cluster = distributed.LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            self._client = distributed.Client(self._cluster)
        else:
            try:
                self._client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise RuntimeError(f"cannot reach the Dask scheduler at {self.address}: {reason}") from None
            try:
                self._client.wait_for_workers(1, timeout=WORKER_WAIT)
            except (TimeoutError, OSError):
                self.shutdown()
                raise RuntimeError(f"no Dask worker joined the scheduler at {self.address} "
                                   f"within {WORKER_WAIT:.0f} s") from None
        return self._client

    @property
    def window(self) -> int:
        """Chunks in flight: twice the cluster's worker threads, re-read every few seconds (clusters grow)."""
        if self._client is not None and time.monotonic() - self._window_checked > 5.0:
            try:
                threads = sum(self._client.nthreads().values())
            except Exception:  # the scheduler is gone: the next result says so
                threads = 0
            self._window = 2 * max(1, threads)
            self._window_checked = time.monotonic()
        return self._window

    def submit(self, units: list[RawInput]) -> "_Task":
        future = self._start().submit(extract_partition, units, self.settings, *self.args, pure=False)
        return _Task(self, units, future)

    def shutdown(self) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()  # releases its futures: the scheduler drops their tasks
        if cluster is not None:
            cluster.close()


class _Task:
    """One submitted chunk; ``result()`` gives its ``Outcome``s, in order, as a local executor's future."""

    def __init__(self, executor: DaskExecutor, units: list[RawInput], future):
        self.executor, self.units, self.future = executor, units, future

    def result(self) -> list[Outcome]:
        from distributed import KilledWorker

        try:
            fingerprint, rows = self.future.result()
        except KilledWorker:
            return self._one_by_one()
        except WorkerStartError:
            raise
        except Exception as exc:
            raise RuntimeError(f"the Dask cluster at {self.executor.address} failed: {_one_line(exc)}") from None
        if fingerprint != code_fingerprint():
            raise RuntimeError(f"a Dask worker runs other autonews code ({fingerprint}) than this client "
                               f"({code_fingerprint()}): install the same autonews on every worker and restart them")
        return [Outcome(*row) for row in rows]

    def _one_by_one(self) -> list[Outcome]:
        """The chunk killed its workers: each article alone, and only the culprit fails."""
        if len(self.units) == 1:
            source = self.units[0].source
            return [Outcome(source, False, f"{source}: extraction failed: the Dask worker died on it")]
        tasks = [self.executor.submit([unit]) for unit in self.units]
        return [outcome for task in tasks for outcome in task.result()]
