"""The kernel that grades exam notebooks: ``python -P -m simkit.certify.kernel -f CONNECTION_FILE``.

An IPython kernel like the default one, started so that a hand-in cannot reach the checks:

- ``-P`` (Python's safe path): the notebook's folder is not on ``sys.path`` (IPython leaves it
  off too), so a ``simkit/`` folder the trainee hands in beside the notebook cannot stand in for
  the real ``simkit.grading``; and ``-m`` has already loaded the real ``simkit`` package before
  any cell runs, so its subpackages load from where it is whatever a cell does to ``sys.path``.
- debugpy is not imported: nobody debugs a grading kernel, and importing it is most of the
  kernel's start-up after IPython itself.

:func:`install` writes its kernelspec into ``<course>/.simkit/kernels/``, which the graders put on
``JUPYTER_PATH`` (:data:`KERNEL_NAME` is what nbgrader's ``Execute.kernel_name`` names).
"""

from __future__ import annotations

import sys
from pathlib import Path

KERNEL_NAME = "simkit-grading"


def kernelspec() -> dict:
    """The kernelspec (``kernel.json``): the fork server's client, history kept in memory."""
    from simkit.certify import forkserver

    return {
        # forked by the worker's fork server when it runs, else this module (see simkit.certify.forkserver)
        "argv": [*forkserver.client_argv(), "-f", "{connection_file}",
                 "--HistoryManager.hist_file=:memory:"],  # nbclient adds this only to kernels named python*
        "display_name": "simkit grading",
        "language": "python",
        "metadata": {"debugger": False},
    }


def install(course: Path) -> Path:
    """Write the kernelspec into ``<course>/.simkit/kernels/`` (only when it changed).

    Returns:
        The folder to put on ``JUPYTER_PATH`` (``<course>/.simkit``).
    """
    import json

    from simkit.safeio import write_if_changed

    data_dir = Path(course).resolve() / ".simkit"
    text = json.dumps(kernelspec(), indent=1, sort_keys=True) + "\n"
    write_if_changed(data_dir / "kernels" / KERNEL_NAME / "kernel.json", text.encode("utf-8"))
    return data_dir


def main() -> None:
    """Start the kernel (the kernelspec's command)."""
    sys.modules["debugpy"] = None  # type: ignore[assignment]  # ipykernel then runs without its debugger
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
