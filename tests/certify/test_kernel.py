"""The grading kernel: a real kernel started from its kernelspec, in a folder that holds a fake simkit,
forked by the fork server or (without one) started as a process of its own."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import simkit
from simkit.certify import forkserver, kernel

PROBE = ("import os, sys\nsys.path.insert(0, os.getcwd())\nimport simkit.grading, simkit.grading.strict\n"
         "print(simkit.grading.strict.__file__, sys.flags.safe_path, sys.modules.get('debugpy', 'absent'), "
         "os.getcwd() == os.environ['HAND_IN'], os.getpid() == os.getpgid(0))")


@pytest.fixture
def server():
    server = forkserver.start()
    yield server
    server.close()
    os.environ.pop(forkserver.SOCKET_ENV, None)


def _start(tmp_path: Path):
    data_dir = kernel.install(tmp_path / "course")
    assert data_dir == (tmp_path / "course" / ".simkit").resolve()
    spec = json.loads((data_dir / "kernels" / kernel.KERNEL_NAME / "kernel.json").read_text(encoding="utf-8"))
    assert spec["argv"][:4] == forkserver.client_argv()
    hand_in = tmp_path / "hand-in"  # the trainee's own simkit.grading, beside the notebook
    (hand_in / "simkit" / "grading").mkdir(parents=True, exist_ok=True)
    for name in ("simkit/__init__.py", "simkit/grading/__init__.py", "simkit/grading/strict.py"):
        (hand_in / name).write_text("", encoding="utf-8")
    manager = KernelManager(kernel_name=kernel.KERNEL_NAME,
                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(data_dir / "kernels")]))
    manager.start_kernel(cwd=str(hand_in), env={**os.environ, "HAND_IN": str(hand_in)})
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return manager, client


def _run(client, code: str, timeout: float = 60) -> tuple[dict, list[str]]:
    printed: list[str] = []
    reply = client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: printed.append(
        msg["content"]["text"]) if msg["msg_type"] == "stream" else None)
    return reply, printed


@pytest.mark.parametrize("forked", [True, False])
def test_the_kernel_grades_with_the_real_checks_and_no_debugger(tmp_path, request, forked):
    if forked:
        request.getfixturevalue("server")
    else:
        os.environ.pop(forkserver.SOCKET_ENV, None)
    manager, client = _start(tmp_path)
    try:
        reply, printed = _run(client, PROBE)
        assert reply["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    real = str(Path(simkit.__file__).parent / "grading" / "strict.py")
    assert "".join(printed).split() == [real, "True", "None", "True", "True"]


def test_forked_kernels_are_fresh_processes_that_can_be_interrupted_and_killed(tmp_path, server):
    first, client = _start(tmp_path)
    try:
        _run(client, "import sys\nsys.modules['simkit.grading'] = None\nleft_over = 1")
        pid = int(_run(client, "import os; print(os.getpid())")[1][0])
        looping = client.execute("while True:\n    pass", stop_on_error=False)  # as nbgrader runs cells
        time.sleep(1.0)
        first.interrupt_kernel()  # as nbclient does when a cell runs over its time
        reply = client.get_shell_msg(timeout=30)
        assert (reply["parent_header"]["msg_id"], reply["content"]["ename"]) == (looping, "KeyboardInterrupt")
        reply, printed = _run(client, "print('after')")
        assert printed == ["after\n"]
    finally:
        client.stop_channels()
        first.shutdown_kernel(now=True)  # kills the client: the server kills the kernel
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the kernel outlived its client")
    second, client = _start(tmp_path)  # the next trainee's kernel has nothing of the first's
    try:
        reply, printed = _run(client, "import os, sys\nprint(os.getpid(), 'left_over' in dir(), "
                                      "sys.modules.get('simkit.grading', 'absent') is None)")
        other, seen_left_over, seen_module = printed[0].split()
        assert (int(other) != pid, seen_left_over, seen_module) == (True, "False", "False")
        client.execute("import os\nos._exit(3)")
        for _ in range(50):
            if not second.is_alive():
                break
            time.sleep(0.1)
        assert not second.is_alive()  # the client exits with its kernel: nbclient sees a dead kernel
    finally:
        client.stop_channels()
        second.shutdown_kernel(now=True)
    assert server.process.poll() is None  # none of it reached the server
    server.close()
    assert not os.path.exists(server.folder)  # the socket's folder goes with the server


def test_a_server_whose_worker_is_gone_kills_its_kernels_and_leaves_no_folder(tmp_path, server):
    manager, client = _start(tmp_path)
    try:
        pid = int(_run(client, "import os; print(os.getpid())")[1][0])
        server.process.stdin.close()  # what the server sees when its worker dies
        server.process.wait(timeout=10)
        for _ in range(50):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the kernel outlived its server")
        assert not os.path.exists(server.folder)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
