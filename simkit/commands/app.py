"""``simkit app practice``: serve the Voila practice app with safe defaults."""

from __future__ import annotations

import argparse
import subprocess
import sys

from simkit.errors import SimkitError


def register(subparsers: argparse._SubParsersAction) -> None:
    app = subparsers.add_parser("app", help="serve a Voila app (needs the jupyter extra)")
    app.add_argument("name", choices=["practice"], help="which app")
    app.add_argument("--ip", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only; "
                     "0.0.0.0 serves a class on the network)")
    app.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    app.add_argument("--token", default="", help="the token trainees' links carry (default: a new random one)")
    app.add_argument("--cull-idle", type=int, default=600, help="seconds before a closed page's kernel stops")
    app.add_argument("--cull-connected", type=int, default=3600,
                     help="seconds before an idle kernel stops although its page is open")
    app.add_argument("--pool-size", type=int, default=2, help="preheated kernels kept ready (0: none)")
    app.add_argument("--transcripts", help="folder for transcripts (default: transcripts/ beside the app)")
    app.add_argument("--exam", metavar="EXAM.json",
                     help="hold this exam instead of practice: exam id, scenarios, where to save (docs/exam.md); "
                          "the signing key is the file SIMKIT_EXAM_KEY_FILE names")
    app.set_defaults(func=_app)


def _app(args: argparse.Namespace) -> int:
    try:
        from simkit.ui.serve import ServeOptions, voila_argv, voila_env
        import voila  # noqa: F401
    except ImportError:
        raise SimkitError("the Voila apps need the jupyter extra: pip install 'simkit[jupyter]'") from None
    options = ServeOptions(ip=args.ip, port=args.port, token=args.token, cull_idle=args.cull_idle,
                           cull_connected=args.cull_connected, pool_size=args.pool_size,
                           transcripts=args.transcripts, exam=args.exam).with_token()
    env = voila_env(options)
    if options.exam:
        from simkit.ui.exam import ExamSeat

        seat = ExamSeat.from_env(env)  # a bad exam file, a missing key: said now, not on the first page
        print(f"simkit: exam {seat.exam.exam_id} for {seat.trainee}; transcripts in {seat.folder}", file=sys.stderr)
    host = "127.0.0.1" if options.ip in ("0.0.0.0", "::") else options.ip
    print(f"simkit: practice app at http://{host}:{options.port}/?token={options.token}", file=sys.stderr)
    try:
        return subprocess.call(voila_argv(options, app=args.name), env=env)
    except KeyboardInterrupt:
        return 130
