"""``autonews run``: many inputs -> one JSON line per article, every failure in the errors file.

The main process walks the inputs lazily, hashes each article's bytes and skips those whose record in
OUT is current (``manifest.Manifest``); the rest go in chunks to worker processes, each of which builds the
pipeline once (``build_nlp`` in the pool initializer; ``nlp`` is never pickled) and runs its chunks through
``extract_articles`` (``nlp.pipe``). At most ``2 x workers`` chunks are in flight, and results are written
in input order as they arrive, so memory stays flat however many files there are. With ``dask`` the chunks
go to a Dask cluster instead (``distributed.DaskExecutor``); nothing else changes. Each chunk's records
are appended to OUT (fsync), then to the manifest (fsync), then upserted into the database if one is
given; the errors file gets one ``{"source", "error"}`` line per failed input.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple

from .extract import extract_article, extract_articles
from .ingest import InputError, InputFailure, RawInput, inputs_of, iter_paths, parse_input
from .manifest import Manifest, sibling
from .settings import Settings
from .version import __version__

if TYPE_CHECKING:
    from .distributed import DaskExecutor

CHUNK_SIZE = 16


class Outcome(NamedTuple):
    """What became of one input: a record line (``ok``) or an error message; ``words`` of its text.
    ``not_article``: the input itself is not an article (empty, binary, bad JSON), the same on every run."""

    source: str
    ok: bool
    payload: str
    words: int = 0
    not_article: bool = False


class WorkerStartError(RuntimeError):
    """A worker could not build the pipeline (the model is missing or unusable)."""


@dataclass
class Summary:
    articles: int = 0
    words: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    records: int = 0
    stopped: bool = False
    errors_path: Path | None = None

    def describe(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        text = (f"{self.articles} articles, {self.words:,} words in {self.seconds:.1f} s "
                f"({rate:,.0f} words/s), {self.failed} failed, {self.skipped} skipped as unchanged")
        if self.failed and self.errors_path is not None:
            text += f"; failures in {self.errors_path}"
        if self.stopped:
            text += " (stopped at the first failure: --fail-fast)"
        return text


def options_digest(model: str, published: date | None) -> str:
    """The options that change a record: a re-run with others redoes the work."""
    payload = json.dumps({"model": model, "published": published.isoformat() if published else None})
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


# -- the work of one chunk (in a worker, or in this process) -----------------------------------------------


def extract_units(nlp, units: list[RawInput], *, published: date | None, max_chars: int,
                  batch_size: int = 32) -> list[Outcome]:
    """Parse and extract a chunk; one ``Outcome`` per unit, in order. A failing article fails alone."""
    outcomes: list[Outcome | None] = [None] * len(units)
    parsed = []
    for index, unit in enumerate(units):
        try:
            parsed.append((index, parse_input(unit, published=published, max_chars=max_chars)))
        except InputError as exc:
            outcomes[index] = Outcome(unit.source, False, str(exc), not_article=True)
        except Exception as exc:  # a parser bug must not lose the rest of the chunk
            outcomes[index] = Outcome(unit.source, False, f"{unit.source}: cannot be read: {_one_line(exc)}")
    try:
        records = list(extract_articles(nlp, [article for _, article in parsed], batch_size=batch_size))
    except Exception:
        records = None  # find the article that fails, one at a time
    for position, (index, article) in enumerate(parsed):
        try:
            record = records[position] if records is not None else extract_article(nlp, article)
        except Exception as exc:
            outcomes[index] = Outcome(article.source, False, f"{article.source}: extraction failed: {_one_line(exc)}")
            continue
        outcomes[index] = Outcome(article.source, True, record.model_dump_json(), len(article.text.split()))
    return [o for o in outcomes if o is not None]


def _one_line(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


_WORKER_NLP = None
_WORKER_ERROR: str | None = None


def _exit_with_parent(parent: int) -> None:
    """A worker must not outlive its run (a kill -9 of the main process would leave it waiting forever)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _init_worker(settings: Settings, parent: int) -> None:
    """Pool initializer: the pipeline, built once per worker process."""
    global _WORKER_NLP, _WORKER_ERROR
    _exit_with_parent(parent)
    try:
        from .pipeline import build_nlp

        _WORKER_NLP = build_nlp(settings)
    except Exception as exc:  # reported by the first task, not as a broken pool
        _WORKER_ERROR = _one_line(exc)


def _work(units: list[RawInput], published: date | None, max_chars: int, batch_size: int) -> list[Outcome]:
    if _WORKER_NLP is None:
        raise WorkerStartError(_WORKER_ERROR or "the worker has no pipeline")
    return extract_units(_WORKER_NLP, units, published=published, max_chars=max_chars, batch_size=batch_size)


# -- executors ---------------------------------------------------------------------------------------------


class _Inline:
    """``--workers 1``: the same interface as the pool, run here, the model built on first use."""

    def __init__(self, make_nlp: Callable[[], Any], published, max_chars, batch_size):
        self._make_nlp, self._nlp = make_nlp, None
        self.args = (published, max_chars, batch_size)
        self.window = 1

    def submit(self, units: list[RawInput]) -> Future:
        if self._nlp is None:
            self._nlp = self._make_nlp()
        future: Future = Future()
        published, max_chars, batch_size = self.args
        future.set_result(extract_units(self._nlp, units, published=published, max_chars=max_chars,
                                        batch_size=batch_size))
        return future

    def shutdown(self) -> None:
        pass


class _Pool:
    """A process pool started on first use; a crashed worker costs a restart, and the chunk it held is
    retried once, then article by article, so only the article that kills a worker is reported failed."""

    def __init__(self, workers: int, settings: Settings, published, max_chars, batch_size):
        self.workers, self.settings = workers, settings
        self.args = (published, max_chars, batch_size)
        self.window = 2 * workers
        self.generation = 0
        self._executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            import multiprocessing

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context(method),
                initializer=_init_worker, initargs=(self.settings, os.getpid()),
            )
        return self._executor

    def submit(self, units: list[RawInput]) -> Future:
        future = self._start().submit(_work, units, *self.args)
        future.generation = self.generation  # type: ignore[attr-defined]
        return future

    def restart(self, generation: int) -> None:
        if generation != self.generation:
            return  # already restarted after this crash
        self.shutdown()
        self.generation += 1

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


@dataclass
class _Job:
    units: list[RawInput]
    digests: list[str]
    future: Future
    attempts: int = 0


def _outcomes(executor, job: _Job) -> list[Outcome]:
    try:
        return job.future.result()
    except BrokenProcessPool:
        if not isinstance(executor, _Pool):  # pragma: no cover - inline work never breaks a pool
            raise
        executor.restart(getattr(job.future, "generation", executor.generation))
        if job.attempts == 0:
            job.attempts, job.future = 1, executor.submit(job.units)
            return _outcomes(executor, job)
        outcomes = []
        for unit in job.units:  # alone, one at a time: only the culprit fails
            future = executor.submit([unit])
            try:
                outcomes.extend(future.result())
            except BrokenProcessPool:
                executor.restart(future.generation)  # type: ignore[attr-defined]
                outcomes.append(Outcome(unit.source, False, f"{unit.source}: extraction failed: the worker process died"))
        return outcomes


# -- the run -----------------------------------------------------------------------------------------------


class _Stop(Exception):
    """--fail-fast: the first failure ends the run."""


class _Progress:
    """A rich progress bar on a terminal (stderr), nothing otherwise."""

    def __init__(self, enabled: bool, total: int | None):
        self.bar = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("[bold]autonews run"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.description}"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self.task = self.bar.add_task("", total=total)
        self.bar.start()

    def update(self, advance: int, summary: Summary) -> None:
        if self.bar is not None:
            rate = summary.words / max(time.perf_counter() - self.started, 1e-9) if hasattr(self, "started") else 0
            self.bar.update(self.task, advance=advance, description=(
                f"{summary.articles} articles, {summary.failed} failed, {summary.skipped} skipped, {rate:,.0f} words/s"))

    def start_clock(self) -> None:
        self.started = time.perf_counter()

    def stop(self, finished: bool) -> None:
        if self.bar is not None:
            if finished:
                self.bar.update(self.task, completed=self.bar.tasks[0].total or 0)
            self.bar.stop()


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def run_batch(inputs: list[str], out: Path, errors: Path | None = None, *, nlp=None,
              settings: Settings | None = None, published: date | None = None, max_chars: int = 1_000_000,
              workers: int = 1, force: bool = False, fail_fast: bool = False, database=None,
              progress: bool = False, chunk_size: int = CHUNK_SIZE, dask: str | None = None) -> Summary:
    """Extract every input under ``inputs`` into ``out``; see the module docstring.

    ``nlp`` (optional, ``workers == 1`` only) is a pipeline already built; otherwise each worker builds one
    from ``settings``. ``database`` is an open ``writers.Database`` or None. ``dask`` (a scheduler address,
    or ``local`` for a cluster of ``workers`` processes) runs the chunks on a Dask cluster instead
    (``extractor.distributed``); everything else is the same.
    """
    settings = settings or Settings()
    errors = errors or sibling(out, "errors")
    summary = Summary(errors_path=errors)
    started = time.perf_counter()
    version, options = __version__, options_digest(settings.model, published)
    manifest = Manifest(out).open()
    own_files = [out, errors, manifest.path]
    paths: Iterable[str] = iter_paths(inputs, exclude=own_files)
    total = None
    if progress:
        paths = list(paths)
        total = sum(os.path.getsize(p) for p in paths if p != "-" and os.path.isfile(p)) or None
    bar = _Progress(progress, total)
    bar.start_clock()

    executor: _Inline | _Pool | DaskExecutor
    if dask is not None:
        from .distributed import DaskExecutor, normalize_address

        if normalize_address(dask) == "local":
            from .pipeline import check_meta, model_data_path

            check_meta(model_data_path(settings.model), settings.model)
        executor = DaskExecutor(dask, workers, settings, published, max_chars, settings.batch_size)
    elif workers <= 1:
        if nlp is None:
            from .pipeline import build_nlp

            make_nlp = lambda: build_nlp(settings)  # noqa: E731  (built only if something needs extracting)
        else:
            make_nlp = lambda: nlp  # noqa: E731
        executor = _Inline(make_nlp, published, max_chars, settings.batch_size)
    else:
        from .pipeline import check_meta, model_data_path

        check_meta(model_data_path(settings.model), settings.model)  # a bad --model fails here, not in N workers
        executor = _Pool(workers, settings, published, max_chars, settings.batch_size)

    errors.parent.mkdir(parents=True, exist_ok=True)
    errors_file = errors.open("w", encoding="utf-8")
    failed_sources: list[str] = []
    removed_sources: list[str] = []

    def fail(source: str, message: str) -> None:
        summary.failed += 1
        errors_file.write(json.dumps({"source": source, "error": message}, ensure_ascii=False) + "\n")
        errors_file.flush()
        if manifest.drop(source):
            failed_sources.append(source)
        if fail_fast:
            raise _Stop

    def finish(job: _Job) -> None:
        outcomes = _outcomes(executor, job)
        digests = dict(zip((u.source for u in job.units), job.digests))
        items, not_articles = [], []
        for outcome in outcomes:
            if outcome.ok:
                items.append((outcome.source, outcome.payload, digests[outcome.source], version, options))
                summary.articles += 1
                summary.words += outcome.words
            elif outcome.not_article:
                not_articles.append((outcome.source, outcome.payload, digests[outcome.source], version, options))
        lines = manifest.append(items, not_articles)
        if database is not None and lines:
            database.upsert(lines)
        bar.update(sum(len(u.data) for u in job.units), summary)
        for outcome in outcomes:
            if not outcome.ok:
                fail(outcome.source, outcome.payload)

    window: deque[_Job] = deque()
    chunk: list[RawInput] = []
    seen: set[str] = set()
    finished = False

    def submit() -> None:
        nonlocal chunk
        if chunk:
            window.append(_Job(chunk, [u.digest for u in chunk], executor.submit(chunk)))
            chunk = []
        while len(window) >= executor.window:
            finish(window.popleft())

    try:
        for path in paths:
            if path in seen:
                continue  # the same file named twice
            seen.add(path)
            items = inputs_of(path, max_chars)
            if path.lower().endswith(".jsonl"):  # lines gone from the file leave OUT too
                gone = manifest.line_sources(path) - {item.source for item in items}
                removed_sources.extend(source for source in sorted(gone) if manifest.drop(source))
            for item in items:
                if isinstance(item, InputFailure):
                    bar.update(item.size, summary)
                    fail(item.source, item.error)
                    continue
                if not force and manifest.is_current(item.source, item.digest, version, options):
                    summary.skipped += 1
                    bar.update(len(item.data), summary)
                    continue
                known = None if force else manifest.known_failure(item.source, item.digest, version, options)
                if known is not None:
                    bar.update(len(item.data), summary)
                    fail(item.source, known)
                    continue
                chunk.append(item)
                if len(chunk) >= chunk_size:
                    submit()
        submit()
        while window:
            finish(window.popleft())
        finished = True
    except _Stop:
        summary.stopped = True
    except WorkerStartError as exc:
        raise RuntimeError(f"a worker could not build the pipeline: {exc}") from None
    finally:
        executor.shutdown()
        errors_file.close()
        bar.stop(finished)
        manifest.close()
    if database is not None:
        database.delete_sources(failed_sources + removed_sources)
        database.load_jsonl(out)  # records of OUT that an earlier run or a crash left out of the database
    summary.records = manifest.lines
    summary.seconds = time.perf_counter() - started
    return summary
