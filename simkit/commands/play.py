"""``simkit play`` and ``simkit replay``: thin shims over Session and replay()."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from simkit import i18n
from simkit.errors import UnknownIdError


def register(subparsers: argparse._SubParsersAction) -> None:
    play = subparsers.add_parser("play", help="talk to a simulated customer in the terminal")
    play.add_argument("scenario", help="scenario id (see `simkit list`)")
    play.add_argument("--seed", type=int, default=0, help="the session's seed (default 0)")
    play.add_argument("--lang", choices=["zh", "en"], default="zh", help="conversation language")
    play.add_argument("--transcript", type=Path, help="where to save the transcript "
                      "(default: transcripts/SCENARIO-SEED-TIME.json)")
    play.set_defaults(func=_play)

    rep = subparsers.add_parser("replay", help="re-run a transcript and report any customer line that differs")
    rep.add_argument("file", type=Path)
    rep.set_defaults(func=_replay)


def default_transcript_path(scenario_id: str, seed: int) -> Path:
    return Path("transcripts") / f"{scenario_id}-{seed}-{time.strftime('%Y%m%d-%H%M%S')}.json"


def _play(args: argparse.Namespace) -> int:
    from simkit.engine import Session

    path = args.transcript or default_transcript_path(args.scenario, args.seed)
    interactive = sys.stdin.isatty()  # piped lines carry no typing times: the transcript says so
    session = Session(args.scenario, seed=args.seed, lang=args.lang, save_to=path, interactive=interactive)
    play_conversation(session, sys.stdin, sys.stdout, interactive=interactive)
    out = sys.stdout if interactive else sys.stderr
    if session.outcome:
        print(session.outcome.describe(args.lang), file=out)
    print(i18n.text("play.transcript", args.lang, path=path), file=out)
    return 0


def play_conversation(session, lines: TextIO, out: TextIO, *, interactive: bool) -> None:
    """Read trainee lines until the input ends or the conversation does.

    Interactive mode shows the brief, a prompt and the customer's name; otherwise only the
    customer's lines are printed, one per line, so scripts can read them. Blank lines are skipped;
    ``/state`` (interactive) shows the visible state.
    """
    lang = session.lang
    name = session.persona.name[lang]
    if interactive:
        print(f"== {session.scenario.title[lang]} ==\n{session.scenario.brief[lang]}", file=out)
        print(i18n.text("play.help", lang) + "\n", file=out)
        print(f"{name}: {session.opening}", file=out)
    else:
        print(session.opening, file=out, flush=True)
    while not session.done:
        if interactive:
            print("> ", end="", file=out, flush=True)
        line = lines.readline()
        if not line:
            break
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if interactive and line.strip() == "/quit":
            break
        if interactive and line.strip() == "/state":
            print(_format_state(session.view, lang), file=out)
            continue
        reply = session.say(line)
        print(f"{name}: {reply.text}" if interactive else reply.text, file=out, flush=True)


def _format_state(view, lang: str) -> str:
    """The customer view (:class:`~simkit.engine.view.CustomerView`) in two lines."""
    stage = i18n.text(f"stage.{view.stage}", lang)
    separator = "、" if lang == "zh" else ", "
    needs = separator.join(n.name[lang] for n in view.needs if n.found) or "-"
    objections = separator.join(o.name[lang] for o in view.objections if o.status == "open") or "-"
    return i18n.text("play.state", lang, turn=view.turn, stage=stage, trust=view.trust.value,
                     interest=view.interest.value, patience=view.patience.value,
                     patience_max=view.patience.high, found=view.needs_found, total=view.needs_total,
                     needs=needs, objections=objections)


def _replay(args: argparse.Namespace) -> int:
    from simkit.engine.replay import replay
    from simkit.transcript import Transcript

    transcript = Transcript.load(args.file)
    try:
        report = replay(transcript)
    except UnknownIdError as exc:
        raise exc.at(str(args.file)) from None
    # What the file says about its versions is information, never an excuse for a difference.
    if report.scenario_changed:
        print(f"note: the recorded hash of scenario {transcript.scenario_id!r} is not the current one")
    if report.analyzer_changed:
        print("note: the recorded analyzer version is not the current one")
    if report.engine_changed:
        print("note: the recorded engine version is not the current one")
    for diff in report.differences:
        where = "opening" if diff.turn == 0 else f"turn {diff.turn}"
        print(f"{where}: customer line differs\n  recorded: {diff.recorded}\n  replayed: {diff.replayed}")
    if report.reproduced:
        print(f"reproduced: {len(transcript.turns)} turns, all customer lines identical")
        return 0
    print(f"{len(report.differences)} customer line(s) differ")
    return 1
