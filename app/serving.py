"""How `quotes serve` runs the app: one uvicorn process, or a supervisor and worker processes
that each listen on a socket of their own.

Why not uvicorn's `workers=`: its workers share one listening socket, and asyncio accepts every
pending connection on a wakeup (up to the backlog, 2048), so the worker that wakes first takes
all the keep-alive connections a client opens at once and keeps them. Measured with 2 workers: a
pool of 8 connections ran at one worker's rate (7.7 req/s; one process at 67% CPU, the other at
23%). Here every worker binds its own socket with SO_REUSEPORT, and the kernel spreads new
connections over the sockets that listen. A worker listens only once its pipeline is loaded, so
no connection waits on a worker that is still starting. The kernel places connections, not
requests, at random: 2 keep-alive connections land on one worker half the time. So each worker
counts its requests in flight in a shared array, and a worker with at least 2 more than another
answers with `Connection: close` (`ShareBalancer`): the client reconnects, and the kernel places
the new connection afresh, until the load is even.

SO_REUSEPORT would also let a second server on the same port quietly take a share of the
traffic. So a `quotes serve` first checks that nothing listens on the port, then holds a lock
named after the port (an abstract Unix socket: per network namespace, like the port, and gone
when the process is) for its whole life; a second `quotes serve` on the port fails at start. A
worker is stopped when its supervisor dies, even by SIGKILL, so no orphan keeps the port.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableSequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE as STARTUP_FAILURE  # exit status: could not start
from uvicorn.importer import import_from_string

from app.api.logs import configure_logging
from app.settings import get_settings

APP = "app.main:create_app"
# In-flight requests get this long after SIGTERM (the container's stop_grace_period is 35 s).
GRACEFUL_SHUTDOWN_S = 30
# How long the supervisor waits for a stopping worker beyond the grace, before SIGKILL.
STOP_MARGIN_S = 5
# How often the supervisor looks for a worker that exited.
CHECK_INTERVAL_S = 0.5
# prctl(2): the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1

logger = logging.getLogger("uvicorn.error")


class PortInUseError(RuntimeError):
    """The port is taken: another server listens on it, or another `quotes serve` holds it."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    host: str
    port: int
    workers: int = 1
    log_level: str = "info"  # uvicorn's level names: debug, info, warning, error
    app: str = APP  # the app factory, as an import string

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("--workers must be at least 1")
        if self.workers > 1 and self.port == 0:
            raise ValueError("several workers need a fixed port (each binds it), not port 0")

    def uvicorn_config(self, app: Callable[[], Any] | None = None) -> uvicorn.Config:
        """uvicorn's config for these options; `app`: a factory to call instead of `self.app`."""
        return uvicorn.Config(
            self.app if app is None else app,
            factory=True,
            host=self.host,
            port=self.port,
            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
            log_level=self.log_level,
        )


def serve(options: ServeOptions) -> int:
    """Run the service until SIGTERM or SIGINT; the exit status (3: it could not start).
    Raises PortInUseError when the port is taken."""
    with port_lock(options.port):
        ensure_nothing_listens(options.host, options.port)
        if options.workers == 1:
            server = uvicorn.Server(options.uvicorn_config())
            try:
                server.run()
            except KeyboardInterrupt:  # Ctrl-C, raised again once the server has shut down
                pass
            return 0 if server.started else STARTUP_FAILURE
        configure_logging(get_settings())  # the supervisor's lines, as the workers' (JSON)
        return Supervisor(options).run()


# --- the port --------------------------------------------------------------------------------


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def bind_shared(host: str, port: int) -> socket.socket:
    """A TCP socket bound to host:port with SO_REUSEPORT (the workers' sockets share the port),
    not listening yet: uvicorn listens on it once the app has started."""
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    try:
        # SO_REUSEADDR: rebind at once after a restart, over connections still in TIME_WAIT
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def ensure_nothing_listens(host: str, port: int) -> None:
    """Raise PortInUseError when a socket listens on host:port (a bind without SO_REUSEPORT
    fails then, as uvicorn's own would)."""
    if port == 0:
        return
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortInUseError(
                f"cannot listen on {host}:{port}: {exc.strerror}; is another server running on it?"
            ) from exc


@contextmanager
def port_lock(port: int) -> Iterator[None]:
    """Hold the lock of `port` for the block: an abstract Unix socket named after it. Raises
    PortInUseError when another `quotes serve` holds it. (Port 0 needs no lock.)"""
    if port == 0:
        yield
        return
    lock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            lock.bind(f"\0quotes-serve:{port}")
        except OSError as exc:
            raise PortInUseError(
                f"another `quotes serve` runs on port {port} in this network namespace"
            ) from exc
        yield
    finally:
        lock.close()


# --- the workers -----------------------------------------------------------------------------


def _exit_with_parent() -> None:
    """Linux: get SIGTERM when the supervisor dies, even by SIGKILL, and go at once if it is
    already gone (elsewhere this does nothing)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        sys.exit(0)


Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ShareBalancer:
    """ASGI middleware of a worker: asks the client to reconnect (`Connection: close` on the
    response) while this worker has at least 2 more requests in flight than another worker. The
    kernel places a new connection afresh, so the keep-alive connections of a small client pool
    even out over the workers instead of staying on one (2 connections land on one worker half
    the time). `loads` is shared by the workers, one slot each; a worker writes only its own."""

    def __init__(self, app: ASGIApp, loads: MutableSequence[int], index: int) -> None:
        self.app = app
        self.loads = loads
        self.index = index

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_checked(message: Message) -> None:
            if message["type"] == "http.response.start" and self.crowded():
                headers = [*message.get("headers", []), (b"connection", b"close")]
                message = {**message, "headers": headers}
            await send(message)

        self.loads[self.index] += 1
        try:
            await self.app(scope, receive, send_checked)
        finally:
            self.loads[self.index] -= 1

    def crowded(self) -> bool:
        mine = self.loads[self.index]
        return any(mine >= load + 2 for k, load in enumerate(self.loads) if k != self.index)


def balanced_app(app: str, loads: MutableSequence[int], index: int) -> ShareBalancer:
    """The app factory named `app`, called, behind a ShareBalancer."""
    return ShareBalancer(import_from_string(app)(), loads, index)


def run_worker(
    options: ServeOptions, loads: MutableSequence[int] | None = None, index: int = 0
) -> None:
    """One worker process (number `index`): bind its own socket, load the app, serve until told
    to stop. With `loads` (one slot a worker), the app asks clients to rebalance."""
    _exit_with_parent()
    balanced = None if loads is None else partial(balanced_app, options.app, loads, index)
    config = options.uvicorn_config(balanced)
    configure_logging(get_settings())
    try:
        sock = bind_shared(options.host, options.port)
    except OSError as exc:
        logger.error("worker [%d] cannot bind port %d: %s", os.getpid(), options.port, exc)
        sys.exit(STARTUP_FAILURE)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except Exception:
        if server.started:
            raise  # a crash while serving: the supervisor starts another worker
        # the app factory failed (uvicorn exits 3 itself only for some start-up failures):
        # another worker would fail the same way
        logger.exception("worker [%d] failed to start", os.getpid())
        sys.exit(STARTUP_FAILURE)
    if not server.started:
        sys.exit(STARTUP_FAILURE)


class Supervisor:
    """Starts `options.workers` workers, starts a new one when one exits (killed, out of
    memory), and stops them all on SIGTERM or SIGINT (each finishes its requests in flight).
    A worker that could not start (exit status 3: the app failed to load, or the port) stops
    everything, since every new one would fail the same way."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.context = multiprocessing.get_context("spawn")
        self.stopping = threading.Event()
        self.workers: list[BaseProcess] = []
        # requests in flight in each worker, shared (ShareBalancer)
        self.loads: MutableSequence[int] = self.context.RawArray("i", options.workers)

    def run(self) -> int:
        status = 0
        handled = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self._on_signal) for sig in handled}
        try:
            self.workers = [self._start(k) for k in range(self.options.workers)]
            logger.info(
                "Supervisor [%d] serving on http://%s:%d with %d workers (one socket each)",
                os.getpid(),
                self.options.host,
                self.options.port,
                self.options.workers,
            )
            while not self.stopping.wait(CHECK_INTERVAL_S):
                status = self._replace_exited()
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return status

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        logger.info("Supervisor received %s; stopping the workers", signal.Signals(signum).name)
        self.stopping.set()

    def _start(self, index: int) -> BaseProcess:
        self.loads[index] = 0  # a dead worker's requests are gone with it
        worker = self.context.Process(
            target=run_worker, args=(self.options, self.loads, index), name="quotes-worker"
        )
        worker.start()
        return worker

    def _replace_exited(self) -> int:
        """Start a new worker for each that exited; 3 (and stop) when one could not start."""
        for k, worker in enumerate(self.workers):
            if worker.exitcode is None:
                continue
            if worker.exitcode == STARTUP_FAILURE:
                logger.error("worker [%s] failed to start; stopping", worker.pid)
                self.stopping.set()
                return STARTUP_FAILURE
            code = worker.exitcode
            logger.warning("worker [%s] died (exit %s); starting another", worker.pid, code)
            self.workers[k] = self._start(k)
        return 0

    def _stop_all(self) -> None:
        for worker in self.workers:
            if worker.exitcode is None and worker.pid is not None:
                try:
                    os.kill(worker.pid, signal.SIGTERM)
                except ProcessLookupError:  # it has just exited
                    pass
        for worker in self.workers:
            worker.join(GRACEFUL_SHUTDOWN_S + STOP_MARGIN_S)
            if worker.exitcode is None:
                logger.error("worker [%s] did not stop in time; killing it", worker.pid)
                worker.kill()
                worker.join()
