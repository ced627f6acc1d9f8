"""How the practice app is served by Voila: safe defaults, and a culler with two timeouts.

``voila_argv`` builds the command that ``simkit app practice`` runs and the browser tests use,
so the tested server is the shipped one: bound to 127.0.0.1, a token, sources stripped, no
tracebacks for trainees, idle kernels culled, and a preheated kernel pool.
"""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

APPS = Path(__file__).resolve().parent.parent.parent / "apps"
TEMPLATES = APPS / "share" / "jupyter"  # holds voila/templates/simkit (lab without CDN links)
UNUSED_EXTENSIONS = ("@jupyter/nbgrader", "@jupyter-notebook/lab-extension", "@voila-dashboards/jupyterlab-preview")


@dataclass(frozen=True)
class ServeOptions:
    """What ``simkit app practice`` takes (every default is the safe one).

    Attributes:
        ip: the address to listen on (127.0.0.1: this machine only).
        port: the port (0: Voila's default, 8866).
        token: the token a browser must show; "" generates one.
        cull_idle: seconds before a kernel with no page open is shut down.
        cull_connected: seconds before an idle kernel whose page is still open is shut down.
        cull_interval: seconds between culler runs.
        cull_unconnected: seconds a kernel whose page has not connected yet is kept at least (Voila
            runs the notebook before the browser loads the page; on a busy server that gap is long).
        pool_size: preheated kernels kept ready (0: none).
        kernel_startup: seconds a page's kernel may take to start before the page shows an error.
            Voila's default is 60 s; a class opening the app at once on a small server starts
            many kernels together, and a slow start is better than an error page.
        transcripts: where transcripts are saved (default: ``transcripts/`` beside the app).
        exam: an exam file: the server holds that exam instead of practice (see docs/exam.md);
            the key comes from ``SIMKIT_EXAM_KEY_FILE`` in the server's environment.
    """

    ip: str = "127.0.0.1"
    port: int = 0
    token: str = ""
    cull_idle: int = 600
    cull_connected: int = 3600
    cull_interval: int = 60
    cull_unconnected: int = 120
    pool_size: int = 2
    kernel_startup: int = 300
    transcripts: str | None = None
    exam: str | None = None

    def with_token(self) -> ServeOptions:
        if self.token:
            return self
        return ServeOptions(**{**self.__dict__, "token": secrets.token_urlsafe(24)})


IOPUB_TIMEOUT = 60  # seconds a cell's output may take to arrive after the cell ran

#: The Voila template of each app: the trainer apps add the studio's jump-to-line script.
TEMPLATE_OF = {"practice": "simkit", "studio": "simkit-trainer", "dashboard": "simkit-trainer"}


def notebook_path(app: str = "practice") -> Path:
    return APPS / f"{app}.ipynb"


def voila_argv(options: ServeOptions, *, app: str = "practice") -> list[str]:
    """The ``voila`` command line for ``app`` with ``options`` (which must hold a token)."""
    if not options.token:
        raise ValueError("voila_argv needs a token: call options.with_token() first")
    argv = [sys.executable, "-m", "voila", str(notebook_path(app)), "--no-browser",
            f"--Voila.ip={options.ip}", f"--token={options.token}",
            "--strip_sources=True", "--show_tracebacks=False", "--theme=light", f"--template={TEMPLATE_OF.get(app, 'simkit')}",
            "--VoilaConfiguration.multi_kernel_manager_class=simkit.ui.serve.PracticeKernelManager",
            # Lab extensions installed beside the apps that are of no use on their pages (a
            # denylist: Voila's own widget manager is one of the federated extensions too).
            f"--VoilaConfiguration.extension_denylist={list(UNUSED_EXTENSIONS)!r}",
            f"--VoilaExecutor.startup_timeout={options.kernel_startup}",
            # nbclient waits 4 s for a cell's output after it ran, then drops it: on a busy server
            # the app's widgets were lost that way and the page stayed blank.
            f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT}",
            f"--MappingKernelManager.cull_idle_timeout={options.cull_idle}",
            f"--MappingKernelManager.cull_interval={options.cull_interval}",
            "--MappingKernelManager.cull_connected=True",
            f"--PracticeKernelManager.cull_connected_timeout={options.cull_connected}",
            f"--PracticeKernelManager.cull_unconnected_timeout={options.cull_unconnected}"]
    if options.port:
        argv.append(f"--port={options.port}")
    if options.pool_size > 0:
        argv += ["--preheat_kernel=True", f"--pool_size={options.pool_size}"]
    return argv


def voila_env(options: ServeOptions, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for ``voila``: the app's template on ``JUPYTER_PATH``, the transcripts folder."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATES), env.get("JUPYTER_PATH", "")) if p)
    if options.transcripts:
        env["SIMKIT_TRANSCRIPTS"] = os.path.abspath(options.transcripts)
    if options.exam:
        env["SIMKIT_EXAM"] = os.path.abspath(options.exam)
    if options.ip not in ("127.0.0.1", "localhost", "::1"):
        env["SIMKIT_LIST_UNFINISHED"] = "0"  # others' conversations are not offered to everyone
    return env


try:
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from jupyter_server.utils import ensure_async
    from traitlets import Integer
except ImportError:  # pragma: no cover - without the jupyter extra there is nothing to serve
    AsyncMappingKernelManager = None

if AsyncMappingKernelManager is not None:

    class PracticeKernelManager(AsyncMappingKernelManager):
        """Culls idle kernels after ``cull_idle_timeout``, or ``cull_connected_timeout`` while a page is open.

        jupyter_server has one timeout for both; a trainee who leaves a tab open and walks away
        should keep the conversation longer than a closed tab, but not forever. A kernel whose
        page has not connected yet (Voila runs the notebook first, then the browser loads the
        page and connects) is kept ``cull_unconnected_timeout``: on a busy server that gap is
        longer than a short idle timeout, and culling there loses the page before it starts.
        """

        cull_connected_timeout = Integer(3600, config=True,
                                         help="Seconds before an idle kernel with an open page is culled.")
        cull_unconnected_timeout = Integer(120, config=True,
                                           help="Seconds before an idle kernel whose page never connected is culled.")

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self._seen_connected: set[str] = set()

        async def cull_kernel_if_idle(self, kernel_id):
            kernel = self._kernels.get(kernel_id)
            if getattr(kernel, "execution_state", None) == "starting":
                return  # a kernel still starting for a page is not idle
            # _kernel_connections is the count of open websockets that jupyter_server keeps.
            connected = self._kernel_connections.get(kernel_id, 0)
            if connected:
                self._seen_connected.add(kernel_id)
            last = getattr(kernel, "last_activity", None)
            if kernel is not None and last is not None:
                from jupyter_server._tz import utcnow

                idle = utcnow() - last
                if connected and idle <= timedelta(seconds=self.cull_connected_timeout):
                    return
                if kernel_id not in self._seen_connected and idle <= timedelta(seconds=self.cull_unconnected_timeout):
                    return
            await ensure_async(super().cull_kernel_if_idle(kernel_id))
            if kernel_id not in self._kernels:
                self._seen_connected.discard(kernel_id)
