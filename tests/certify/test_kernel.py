"""The grading kernel: a real kernel started from its kernelspec, in a folder that holds a fake simkit."""

from __future__ import annotations

import json
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import simkit
from simkit.certify import kernel

PROBE = ("import os, sys\nsys.path.insert(0, os.getcwd())\nimport simkit.grading, simkit.grading.strict\n"
         "print(simkit.grading.strict.__file__, sys.flags.safe_path, sys.modules.get('debugpy', 'absent'))")


def test_the_kernel_grades_with_the_real_checks_and_no_debugger(tmp_path):
    data_dir = kernel.install(tmp_path / "course")
    assert data_dir == (tmp_path / "course" / ".simkit").resolve()
    spec = json.loads((data_dir / "kernels" / kernel.KERNEL_NAME / "kernel.json").read_text(encoding="utf-8"))
    assert spec["argv"][1:4] == ["-P", "-m", "simkit.certify.kernel"]
    hand_in = tmp_path / "hand-in"  # the trainee's own simkit.grading, beside the notebook
    (hand_in / "simkit" / "grading").mkdir(parents=True)
    for name in ("simkit/__init__.py", "simkit/grading/__init__.py", "simkit/grading/strict.py"):
        (hand_in / name).write_text("", encoding="utf-8")
    manager = KernelManager(kernel_name=kernel.KERNEL_NAME,
                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(data_dir / "kernels")]))
    manager.start_kernel(cwd=str(hand_in))
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=60)
        printed: list[str] = []
        reply = client.execute_interactive(PROBE, timeout=60, output_hook=lambda msg: printed.append(
            msg["content"].get("text", "")))
        assert reply["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    real = str(Path(simkit.__file__).parent / "grading" / "strict.py")
    assert "".join(printed).split() == [real, "True", "None"]
