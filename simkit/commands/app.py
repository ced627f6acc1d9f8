"""``simkit app practice|studio|dashboard``: serve a Voila app with safe defaults.

``practice`` is the trainees' app; ``studio [PATH]`` edits the persona and scenario files of a
folder (default: the scenarios folder); ``dashboard RUN_DIR`` shows a certification run's cohort.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from simkit.errors import SimkitError


def register(subparsers: argparse._SubParsersAction) -> None:
    app = subparsers.add_parser("app", help="serve a Voila app (needs the jupyter extra)")
    app.add_argument("name", choices=["practice", "studio", "dashboard"], help="which app")
    app.add_argument("path", nargs="?", help="studio: the file or folder to edit (default: the scenarios folder); "
                     "dashboard: the certification run's folder (RUN_DIR)")
    app.add_argument("--ip", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only; "
                     "0.0.0.0 serves a class on the network)")
    app.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    app.add_argument("--token", default="", help="the token trainees' links carry (default: a new random one)")
    app.add_argument("--cull-idle", type=int, default=600, help="seconds before a closed page's kernel stops")
    app.add_argument("--cull-connected", type=int, default=3600,
                     help="seconds before an idle kernel stops although its page is open")
    app.add_argument("--pool-size", type=int, default=None,
                     help="preheated kernels kept ready (0: none; default 2 for practice, 1 for the trainer apps)")
    app.add_argument("--transcripts", help="folder for transcripts (default: transcripts/ beside the app)")
    app.add_argument("--exam", metavar="EXAM.json",
                     help="practice only: hold this exam instead of practice: exam id, scenarios, where to save "
                          "(docs/exam.md); the signing key is the file SIMKIT_EXAM_KEY_FILE names")
    app.set_defaults(func=_app)


def _app(args: argparse.Namespace) -> int:
    if args.exam and args.name != "practice":
        raise SimkitError("--exam is for the practice app: simkit app practice --exam EXAM.json")
    app_env = _app_env(args.name, args.path)  # a wrong PATH is said before anything slow is imported
    try:
        from simkit.ui.serve import ServeOptions, voila_argv, voila_env
        import voila  # noqa: F401
    except ImportError:
        raise SimkitError("the Voila apps need the jupyter extra: pip install 'simkit[jupyter]'") from None
    pool = args.pool_size if args.pool_size is not None else (2 if args.name == "practice" else 1)
    options = ServeOptions(ip=args.ip, port=args.port, token=args.token, cull_idle=args.cull_idle,
                           cull_connected=args.cull_connected, pool_size=pool,
                           transcripts=args.transcripts, exam=args.exam).with_token()
    env = voila_env(options)
    env.update(app_env)
    if options.exam:
        from simkit.ui.exam import ExamSeat

        seat = ExamSeat.from_env(env)  # a bad exam file, a missing key: said now, not on the first page
        print(f"simkit: exam {seat.exam.exam_id} for {seat.trainee}; transcripts in {seat.folder}", file=sys.stderr)
    host = "127.0.0.1" if options.ip in ("0.0.0.0", "::") else options.ip
    print(f"simkit: {args.name} app at http://{host}:{options.port}/?token={options.token}", file=sys.stderr)
    try:
        return subprocess.call(voila_argv(options, app=args.name), env=env)
    except KeyboardInterrupt:
        return 130


def _app_env(name: str, path: str | None) -> dict[str, str]:
    """What the trainer apps' kernels read: the folder to edit, or the run to show (checked here)."""
    if name == "practice":
        if path:
            raise SimkitError("simkit app practice takes no PATH (use --transcripts for the transcripts folder)")
        return {}
    if name == "studio":
        from simkit.ui.studio_model import STUDIO_PATH_VAR

        if path and not os.path.exists(path):
            raise SimkitError(f"{path}: no such file or folder")
        return {STUDIO_PATH_VAR: os.path.abspath(path)} if path else {}
    from simkit.ui.dashboard_data import RUN_DIR_VAR, load_run

    if not path:
        raise SimkitError("simkit app dashboard needs the certification run's folder: simkit app dashboard RUN_DIR")
    run = load_run(path)  # checks the folder before the server starts
    print(f"simkit: {len(run.rows)} trainees in {path}" + (f"; {len(run.problems)} files unreadable" if run.problems else ""),
          file=sys.stderr)
    return {RUN_DIR_VAR: os.path.abspath(path)}
