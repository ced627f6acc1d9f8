"""Grading kernels forked from one clean process that has already imported them.

Starting a grading kernel (:mod:`simkit.certify.kernel`) is mostly importing IPython and ipykernel,
the same work for every notebook. A worker therefore starts one fork server::

    python -P -m simkit.certify.forkserver SOCKET

which imports the kernel's modules (and the checks of :mod:`simkit.grading.strict`), then waits. The
kernelspec's command is a small client (``python -I -S forkclient.py``, standard library only)
that jupyter_client starts like any kernel: it hands the server its command line, folder,
environment and standard streams; the server forks a child, which becomes the kernel in a session
of its own, with the client's folder, environment and streams. Each notebook still gets a fresh
process holding nothing of another trainee's: the server runs no trainee code and keeps no state
beyond its imports, so a cell can change only its own child. The safe-path protection stays: the
server runs with ``-P`` and has loaded the real ``simkit`` before any cell runs. Importing is all
the server does before it forks (:data:`PRELOAD`): no kernel object, socket or thread exists yet.

The client stands in for the kernel to jupyter_client: the signals it gets (an interrupt on a cell
timeout, a terminate) go on to the child's process group, and it exits with the child's exit
code. When the client is killed (nbclient's immediate shutdown), the server sees its connection
close and kills the child's group. Without a server (``SIMKIT_FORKSERVER`` unset, or nobody
listening) the client becomes the plain grading kernel.

The server ends when the process that started it closes its standard input, killing any children
left.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

#: The environment variable that names the server's socket, for the client.
SOCKET_ENV = "SIMKIT_FORKSERVER"
CLIENT = Path(__file__).with_name("forkclient.py")
#: What the server imports once for all its kernels: the kernel, what IPKernelApp.initialize imports
#: (measured: the modules new in sys.modules after it), and the checks the exam's tests import.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
           "IPython.core.completerlib", "IPython.core.debugger", "IPython.core.oinspect",
           "IPython.extensions.storemagic", "IPython.utils.wildcard", "code", "faulthandler", "pdb", "psutil",
           "sqlite3", "tornado.gen", "tornado.locks", "tornado.platform.asyncio", "tornado.queues", "unicodedata",
           "simkit.grading.strict")


def client_argv() -> list[str]:
    """The kernelspec's command before its kernel arguments: the client, in isolated mode and without ``site``."""
    return [sys.executable, "-I", "-S", str(CLIENT)]


class Server:
    """A fork server started by this process (:func:`start`); ``close()`` stops it and its children."""

    def __init__(self, process: subprocess.Popen, folder: str, path: str) -> None:
        self.process, self.folder, self.path = process, folder, path

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()  # the server kills what is left and exits
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if os.path.isdir(self.folder):  # the server removes it as it exits; this is for one that was killed
            for name in os.listdir(self.folder):
                os.unlink(os.path.join(self.folder, name))
            os.rmdir(self.folder)


def start() -> Server:
    """Start a fork server and wait until it listens; point this process's kernels at it (``SIMKIT_FORKSERVER``).

    Raises:
        RuntimeError: the server did not come up.
    """
    folder = tempfile.mkdtemp(prefix="simkit-fork-")  # 0700: only this user can reach the socket
    path = os.path.join(folder, "kernels.sock")
    process = subprocess.Popen([sys.executable, "-P", "-m", "simkit.certify.forkserver", path],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=folder)
    ready = process.stdout.readline() if process.stdout is not None else b""
    if ready.strip() != b"ready":
        process.kill()
        process.wait()
        raise RuntimeError(f"the grading kernels' fork server did not start (said {ready!r})")
    process.stdout.close()
    os.environ[SOCKET_ENV] = path
    return Server(process, folder, path)


# --- the server -----------------------------------------------------------------------------


def _read_exact(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def serve(path: str) -> None:
    """Listen on ``path``, forking a kernel for every client, until standard input closes."""
    import importlib

    sys.modules["debugpy"] = None  # type: ignore[assignment]  # as simkit.certify.kernel: no debugger
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional one (psutil): the kernel does without it too
            pass

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *args: None)  # a handler, so the wake-up fd hears of it
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "listen")
    selector.register(wake_r, selectors.EVENT_READ, "child")
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "parent")
    children: dict[int, socket.socket] = {}  # pid -> the client's connection
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    try:
        while True:
            for key, _ in selector.select():
                if key.data == "parent":
                    return  # the worker is done (or gone)
                if key.data == "child":
                    os.read(wake_r, 512)
                    _reap(children, selector)
                elif key.data == "listen":
                    conn, _ = listener.accept()
                    pid = _fork_kernel(conn, listener, selector, children, (wake_r, wake_w))
                    if pid:
                        children[pid] = conn
                        selector.register(conn, selectors.EVENT_READ, pid)
                else:  # a client's connection: it says nothing more, so this is the client gone
                    pid = key.data
                    try:
                        os.killpg(pid, signal.SIGKILL)
                    except OSError:
                        pass
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
                    children[pid] = None  # type: ignore[assignment]  # reaped later
    finally:
        for pid in children:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        listener.close()
        os.unlink(path)
        try:
            os.rmdir(os.path.dirname(path))  # start()'s folder, when the worker could not remove it (terminated)
        except OSError:
            pass


def _reap(children: dict[int, socket.socket], selector: selectors.BaseSelector) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return
        conn = children.pop(pid, None)
        if conn is not None:
            code = os.waitstatus_to_exitcode(status)
            try:
                conn.sendall(f"exit {code}\n".encode())
            except OSError:
                pass
            selector.unregister(conn)
            conn.close()


def _fork_kernel(conn: socket.socket, listener: socket.socket, selector: selectors.BaseSelector,
                 children: dict[int, socket.socket], pipe: tuple[int, int]) -> int:
    """Read a client's request and fork its kernel; returns the child's pid (0: a bad request, dropped)."""
    try:
        _, fds, _, _ = socket.recv_fds(conn, 1, 3)
        (size,) = struct.unpack("!I", _read_exact(conn, 4))
        request = json.loads(_read_exact(conn, size))
        argv, cwd, env = list(request["argv"]), str(request["cwd"]), dict(request["env"])
        if len(fds) != 3:
            raise ValueError("three standard streams expected")
    except (OSError, EOFError, ValueError, KeyError, TypeError, struct.error):
        conn.close()
        return 0
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        conn.sendall(f"{pid}\n".encode())
        return pid
    # the child: nothing of the server's but its imports
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        selector.close()
        listener.close()
        for other in children.values():
            if other is not None:
                other.close()
        conn.close()
        for fd in pipe:
            os.close(fd)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.setsid()  # its own process group: the client's signals go to it and whatever it starts
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        _run_kernel(argv)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:  # noqa: BLE001  # a child must never return into the server's loop
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)  # noqa: B012


def _run_kernel(argv: list[str]) -> None:
    from ipykernel import kernelapp

    from simkit.certify import kernel

    # IPKernelApp reads the launcher's JPY_PARENT_PID when it is imported, which was in the server
    parent = [f"--IPKernelApp.parent_handle={int(os.environ.get('JPY_PARENT_PID') or 0)}"]
    sys.argv = [kernel.__file__, *argv]  # as `python -P -m simkit.certify.kernel ARGS` has it
    kernelapp.launch_new_instance(argv=[*argv, *parent])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -P -m simkit.certify.forkserver SOCKET", file=sys.stderr)
        return 2
    serve(argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
