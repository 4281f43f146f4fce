"""Extraction in worker processes that no single document can stall or kill.

Each worker reads its batch one document at a time and posts, in memory it shares with the
parent, which document it is reading, since when, and its memory (RSS) when it began that
document. The pool's manager thread in the parent hands out the batches, collects the
results and watches the workers:

- a document still being read after the time budget, or that has grown its worker's memory by
  more than the memory budget, gets its worker killed and is recorded as failed with that
  reason;
- a worker that dies on its own (the kernel's OOM killer, a crash in native code, a kill from
  outside) is replaced, and the document it was reading is tried once more alone in a fresh
  worker: a second death records it as failed ("worker died while extracting"); a death from
  outside costs nothing, since the document then goes through;
- in both cases the rest of the batch (the documents before, whose results died with the
  worker, and those after) goes on in the next workers, so one bad document costs exactly one.

Results arrive per part of a batch, not in order; each is a list of Extractions the caller
writes as one transaction. Closing the result iterator (the run stops, or an error) kills the
workers at once: what they were reading is not written, and the next run reads it again.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from flows.extract import extract_batch
from flows.extract.models import Extraction, RawDocument
from flows.settings import EXTRACTOR_VERSION

# How often the manager looks at the workers' clocks and memory (seconds).
TICK_SECONDS = 0.1
# The shared slots of one worker: document start time, document index, RSS at document start.
_STARTED, _INDEX, _RSS, _SLOT_SIZE = 0, 1, 2, 3
_IDLE = -1.0
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_PR_SET_PDEATHSIG = 1

Extract = Callable[[list[RawDocument]], list[Extraction]]

# Read once in the parent before any worker starts, one per language: the extractor loads its
# reference and compiles its models and rules on first use (a second or two, some 150 MB),
# which every worker then inherits, so that a document's budget is spent on the document.
WARM_UP = [
    RawDocument("warm-up-de", "warm-up-de.txt", "Audi und Bosch planen ein Werk.\n", "txt"),
    RawDocument("warm-up-en", "warm-up-en.txt", "Ford and Honda share a new plant.\n", "txt"),
    RawDocument("warm-up-nl", "warm-up-nl.txt", "Volvo en Geely bouwen een fabriek.\n", "txt"),
    RawDocument("warm-up-it", "warm-up-it.txt", "Fiat e Renault aprono una fabbrica.\n", "txt"),
]


@dataclass(frozen=True)
class Budget:
    """What one document may cost its worker: wall-clock seconds and added memory."""

    seconds: float
    memory_bytes: int


def rss_bytes(pid: int | str = "self") -> int | None:
    """Resident memory of a process (Linux /proc); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def _die_with_parent() -> None:
    """Ask the kernel to kill this process when the thread that started it ends (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _work(conn: Connection, slots, base: int, extract: Extract) -> None:
    """A worker's life: read batches from ``conn`` one document at a time, send the results."""
    # The parent decides when to stop: a Ctrl-C or SIGTERM sent to the whole process group
    # must not end a worker before the parent knows the run is stopping.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent()
    while True:
        try:
            documents = conn.recv()
        except EOFError:
            return
        if documents is None:
            return
        results: list[Extraction] = []
        for index, document in enumerate(documents):
            slots[base + _STARTED] = time.monotonic()
            slots[base + _RSS] = float(rss_bytes() or 0)
            slots[base + _INDEX] = float(index)
            results.extend(extract([document]))
        slots[base + _INDEX] = _IDLE
        conn.send(results)


@dataclass
class _Task:
    """Documents for one worker; ``suspect``: alone after a worker died reading it."""

    documents: list[RawDocument]
    suspect: bool = False


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    base: int
    task: _Task | None = None
    started_rss: int = 0


@dataclass
class _Raised:
    """An error of the manager thread, raised again in the consumer."""

    error: BaseException


_END = object()


@dataclass
class PoolStats:
    """What the pool had to do besides extracting."""

    killed_for_time: int = 0
    killed_for_memory: int = 0
    deaths: int = 0
    replaced: int = 0
    failures: list[str] = field(default_factory=list)


class WorkerPool:
    """Extract batches in ``workers`` processes under a per-document budget.

    ``extract`` must be a function a forked process can call (extract_batch by default).
    """

    def __init__(self, workers: int, budget: Budget, extract: Extract = extract_batch) -> None:
        self.size = max(1, workers)
        self.budget = budget
        self.extract = extract
        self.stats = PoolStats()
        self._context = multiprocessing.get_context("fork")
        self._slots = self._context.RawArray("d", _SLOT_SIZE * self.size)
        self._results: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._window = 2 * self.size

    def map(self, batches: Iterator[list[RawDocument]]) -> Iterator[list[Extraction]]:
        """Extract every batch; yield the results part by part as they are ready."""
        self.extract(WARM_UP)
        manager = threading.Thread(
            target=self._manage, args=(iter(batches),), name="extraction-pool", daemon=True
        )
        manager.start()
        try:
            while True:
                try:
                    item = self._results.get(timeout=1.0)
                except queue.Empty:
                    continue
                if item is _END:
                    return
                if isinstance(item, _Raised):
                    raise item.error
                yield item
        finally:
            self._stop.set()
            manager.join(timeout=10)

    # --- the manager thread --------------------------------------------------------------

    def _manage(self, batches: Iterator[list[RawDocument]]) -> None:
        workers: list[_Worker] = []
        try:
            workers = [self._start(slot) for slot in range(self.size)]
            pending: deque[_Task] = deque()
            exhausted = False
            while not self._stop.is_set():
                for slot, worker in enumerate(workers):
                    if worker.task is not None:
                        continue
                    if not pending and not exhausted and self._results.qsize() < self._window:
                        batch = next(batches, None)
                        if batch is None:
                            exhausted = True
                        elif batch:
                            pending.append(_Task(batch))
                    if not pending:
                        break
                    if not self._assign(worker, pending.popleft(), pending):
                        workers[slot] = self._replace(worker)
                busy = [w for w in workers if w.task is not None]
                if exhausted and not pending and not busy:
                    self._results.put(_END)
                    return
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], 0.1))
                for slot, worker in enumerate(workers):
                    if worker.task is None:
                        continue
                    if worker.conn in ready or worker.process.sentinel in ready:
                        workers[slot] = self._collect(worker, pending)
                    else:
                        workers[slot] = self._watch(worker, pending)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, raised there
            self._results.put(_Raised(exc))
        finally:
            for worker in workers:
                self._kill(worker)
            close = getattr(batches, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()

    def _start(self, slot: int) -> _Worker:
        """Fork a worker for ``slot``."""
        base = slot * _SLOT_SIZE
        self._slots[base + _INDEX] = _IDLE
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_work, args=(child, self._slots, base, self.extract), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent, base, started_rss=rss_bytes(process.pid) or 0)

    def _replace(self, worker: _Worker) -> _Worker:
        """A fresh worker in the place of ``worker`` (dead or killed)."""
        self._kill(worker)
        self.stats.replaced += 1
        return self._start(worker.base // _SLOT_SIZE)

    def _assign(self, worker: _Worker, task: _Task, pending: deque[_Task]) -> bool:
        """Send ``task`` to an idle worker; False (task back in line) when the worker is gone."""
        self._slots[worker.base + _INDEX] = _IDLE
        try:
            worker.conn.send(task.documents)
        except (BrokenPipeError, ConnectionError, EOFError):
            pending.appendleft(task)
            return False
        worker.task = task
        return True

    def _collect(self, worker: _Worker, pending: deque[_Task]) -> _Worker:
        """A worker's finished batch, or its death."""
        try:
            if worker.conn.poll():
                self._results.put(worker.conn.recv())
                worker.task = None
                return self._maybe_recycle(worker)
        except (EOFError, ConnectionError, OSError):
            pass
        return self._died(worker, pending)

    def _watch(self, worker: _Worker, pending: deque[_Task]) -> _Worker:
        """Kill a worker whose current document is over its time or memory budget."""
        index = int(self._slots[worker.base + _INDEX])
        if index < 0:
            return worker
        started = self._slots[worker.base + _STARTED]
        rss_start = self._slots[worker.base + _RSS]
        if int(self._slots[worker.base + _INDEX]) != index:
            return worker  # moved on to the next document meanwhile
        if time.monotonic() - started > self.budget.seconds:
            self.stats.killed_for_time += 1
            reason = f"time budget exceeded: still reading after {self.budget.seconds:g} s"
            return self._lost(worker, pending, index, reason)
        rss = rss_bytes(worker.process.pid)
        if rss is not None and rss_start and rss - rss_start > self.budget.memory_bytes:
            self.stats.killed_for_memory += 1
            reason = (
                f"memory budget exceeded: the document took {(rss - rss_start) // 2**20:.0f} MB "
                f"(budget {self.budget.memory_bytes // 2**20} MB)"
            )
            return self._lost(worker, pending, index, reason)
        return worker

    def _died(self, worker: _Worker, pending: deque[_Task]) -> _Worker:
        """A worker that ended by itself while reading a batch."""
        worker.process.join(timeout=1)
        return self._lost(worker, pending, int(self._slots[worker.base + _INDEX]), None)

    def _lost(
        self, worker: _Worker, pending: deque[_Task], index: int, over_budget: str | None
    ) -> _Worker:
        """Deal with a worker lost while reading document ``index`` of its batch; replace it.

        ``over_budget``: why the watchdog killed it; None when it died by itself. The document
        it was reading is recorded as failed when it was over budget, or when it was already
        alone after a death; after a first death it is tried again alone (the death may have
        come from outside). The documents before and after it go back in line.
        """
        task = worker.task
        self._kill(worker)
        if self._stop.is_set() or task is None:
            return self._replace(worker)
        documents = task.documents
        index = index if 0 <= index < len(documents) else 0
        suspect = documents[index]
        for part in (documents[index + 1 :], documents[:index]):
            if part:
                pending.appendleft(_Task(part))
        if over_budget is None:
            self.stats.deaths += 1
        reason = over_budget or (
            f"worker died while extracting ({_exit_description(worker.process)})"
        )
        if over_budget is not None or task.suspect:
            self.stats.failures.append(suspect.document_id)
            self._results.put([Extraction.failed(suspect.document_id, EXTRACTOR_VERSION, reason)])
        else:
            pending.appendleft(_Task([suspect], suspect=True))
        return self._replace(worker)

    def _maybe_recycle(self, worker: _Worker) -> _Worker:
        """Replace an idle worker whose memory grew by more than a document's budget."""
        rss = rss_bytes(worker.process.pid)
        if rss is not None and rss - worker.started_rss > self.budget.memory_bytes:
            return self._replace(worker)
        return worker

    @staticmethod
    def _kill(worker: _Worker) -> None:
        """End a worker at once; what it was reading is not written."""
        process = worker.process
        if process.exitcode is None:
            with contextlib.suppress(OSError, ValueError):
                process.kill()
            process.join(timeout=5)
        with contextlib.suppress(OSError):
            worker.conn.close()


def _exit_description(process: multiprocessing.Process) -> str:
    """How a worker ended: 'killed by SIGKILL', 'exit code 1'."""
    code = process.exitcode
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
