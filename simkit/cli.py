"""The ``simkit`` command: one group of thin subcommands over functions callable from Python.

Each subcommand lives beside the code it drives, in a module exposing
``register(subparsers)``; it adds its parser and sets ``func`` (returning the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading

from simkit.errors import SimkitError
from simkit.safetext import make_streams_safe, shown

# Modules that add subcommands, in the order they appear in --help.
COMMAND_MODULES = (
    "simkit.commands.content",  # list, validate, schema, migrate
    "simkit.commands.check",  # check
    "simkit.commands.play",  # play, replay
    "simkit.understand.cli",  # nlu eval|explain|train
    "simkit.scoring.cli",  # score
    "simkit.commands.app",  # app practice
    "simkit.commands.certify",  # certify, certify verify|merge
)


def build_parser() -> argparse.ArgumentParser:
    from simkit import __version__

    parser = argparse.ArgumentParser(
        prog="simkit",
        description="Practise car-sales conversations against simulated customers.",
    )
    parser.add_argument("--version", action="version", version=f"simkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code; every failure is one line on stderr, no traceback.

    Exit codes beyond each command's own: 2 an input or output failure (the message names the
    path: unreadable input, read-only folder, full disk, ...), 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP
    (a save in progress is finished or rolled back, never left as a temporary file).
    """
    make_streams_safe()
    _exit_on_signals()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        status = int(args.func(args) or 0)
        sys.stdout.flush()
        return status
    except SimkitError as exc:
        print(f"simkit: error: {shown(exc, keep_newlines=True)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("simkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): nothing left to say
        _silence_stdout()
        return 0
    except OSError as exc:  # writing the output failed (full disk, closed terminal, ...)
        _silence_stdout()
        where = exc.filename if exc.filename is not None else "standard output"
        print(f"simkit: error: {shown(where)}: {exc.strerror or exc}", file=sys.stderr)
        return 2


def _exit_on_signals() -> None:
    """SIGTERM and SIGHUP end the command like Ctrl-C does: cleanup code runs, then it exits."""
    if threading.current_thread() is not threading.main_thread():
        return  # main() called from a thread (a notebook, a test): leave the signals alone
    for name, code in (("SIGTERM", 143), ("SIGHUP", 129)):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda signum, frame, code=code: sys.exit(code))


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout already closed or not a file
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
