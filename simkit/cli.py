"""The ``simkit`` command: one group of thin subcommands over functions callable from Python.

Each subcommand lives beside the code it drives, in a module exposing
``register(subparsers)``; it adds its parser and sets ``func`` (returning the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from simkit.errors import SimkitError

# Modules that add subcommands, in the order they appear in --help.
COMMAND_MODULES = (
    "simkit.commands.content",  # list, validate, schema
    "simkit.commands.play",  # play, replay
    "simkit.understand.cli",  # nlu eval|explain|train
    "simkit.scoring.cli",  # score
    "simkit.commands.app",  # app practice
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
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except SimkitError as exc:
        print(f"simkit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
