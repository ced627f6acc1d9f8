"""The exam's tests, run again outside the trainee's kernel on the answers it holds.

nbgrader runs a notebook's test cells in the same kernel as the trainee's answers, so whatever a
test imports, an answer cell can have replaced first (``sys.modules['simkit.grading']``, the
functions of :mod:`simkit.grading.strict`, IPython's error display): a test could then pass
without the answer being right. :class:`TrustedExecute`, nbgrader's ``Execute`` preprocessor for
the certification workers, therefore checks every test cell that passed in the kernel once more
in the grading worker, where no trainee code runs:

1. the names the test reads that it does not define itself (``late``, ``quote_total``) are asked
   of the kernel as JSON (``json.dumps(name)``, an ``execute_request``'s ``user_expressions``);
2. the test's own source, which nbgrader restored from the gradebook, runs in a fresh namespace
   holding just those plain values (so the real :mod:`simkit.grading` checks them);
3. when it raises, or the kernel gives no readable JSON, the cell gets an error output and
   nbgrader scores it 0, like any failing test; its message is the check's own, never the test's
   source.

A kernel can still say anything about its values, but to pass it has to give the right answer:
the value the test expects. Answers must therefore be JSON values (text, numbers, lists, dicts,
``True``/``False``/``None``), as the exam's are; a test cell that is not plain Python (an IPython
magic) is left to the kernel's verdict.
"""

from __future__ import annotations

import ast
import builtins
import json
import time

from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution
from nbformat.notebooknode import NotebookNode

#: The most JSON text one answer may take (a larger one fails its test).
MAX_ANSWER = 1_000_000
#: Seconds the kernel gets to give its answers.
ANSWER_TIMEOUT = 10.0


class ForgedPass(AssertionError):
    """A test that passed in the trainee's kernel but not on the answers' plain values."""


def free_names(source: str) -> list[str] | None:
    """The names ``source`` reads without binding them first (builtins aside); None: not plain Python."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    bound: set[str] = set()
    read: list[str] = []
    for node in ast.walk(tree):  # a test's few lines bind before they read: imports, then calls
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                read.append(node.id)
            else:
                bound.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return sorted({n for n in read if n not in bound and not hasattr(builtins, n)})


def recheck(source: str, answers: dict[str, object]) -> None:
    """Run a test's ``source`` on ``answers`` (plain values) in a namespace of its own.

    Raises:
        AssertionError (or whatever the test raises): the answers do not pass.
    """
    exec(compile(source, "<test>", "exec"), {"__builtins__": builtins, "__name__": "__test__", **answers})  # noqa: S102


def _error(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


class TrustedExecute(Execute):
    """nbgrader's ``Execute``, with every passing test cell checked again here (see the module)."""

    async def on_cell_executed(self, **kwargs) -> None:  # type: ignore[override]
        super().on_cell_executed(**kwargs)
        cell: NotebookNode = kwargs["cell"]
        if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
            return
        if any(output.output_type == "error" for output in cell.outputs):
            return  # failed in the kernel already: 0 either way
        names = free_names(cell.source)
        if names is None:
            return
        try:
            answers = await self._answers(names)
            recheck(cell.source, answers)
        except Exception as error:  # noqa: BLE001  # any failure of a test is the trainee's 0
            cell.outputs.append(_error(type(error).__name__, str(error)))

    async def _answers(self, names: list[str]) -> dict[str, object]:
        """``{name: value}`` as the kernel gives them, JSON-decoded."""
        from nbclient.util import ensure_async

        if not names:
            return {}
        expressions = {name: f"__import__('json').dumps({name})" for name in names}
        msg_id = await ensure_async(self.kc.execute("", silent=True, store_history=False,
                                                    user_expressions=expressions, stop_on_error=False))
        deadline = time.monotonic() + ANSWER_TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ForgedPass("the kernel did not give its answers / 内核没有交出答案")
            try:
                reply = await ensure_async(self.kc.shell_channel.get_msg(timeout=left))
            except Exception:  # noqa: BLE001  # queue.Empty: out of time
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        results = reply["content"].get("user_expressions") or {}
        answers = {}
        for name in names:
            result = results.get(name) or {}
            text = (result.get("data") or {}).get("text/plain") if result.get("status") == "ok" else None
            if not isinstance(text, str) or len(text) > MAX_ANSWER + 2:
                raise ForgedPass(f"{name}: not a plain value (text, number, list or dict) / "
                                 f"{name}：不是普通的值（文字、数字、列表或字典）")
            try:
                answers[name] = json.loads(ast.literal_eval(text))
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                raise ForgedPass(f"{name}: not a plain value (text, number, list or dict) / "
                                 f"{name}：不是普通的值（文字、数字、列表或字典）") from None
        return answers


def autograde_preprocessors() -> list[type]:
    """nbgrader's autograde preprocessors with :class:`TrustedExecute` in place of ``Execute``."""
    from nbgrader.converters.autograde import Autograde

    defaults = Autograde.class_traits()["autograde_preprocessors"].default()
    return [TrustedExecute if p is Execute else p for p in defaults]
