"""``simkit play`` and ``simkit replay``: thin shims over Session and replay().

Everything shown that a person typed or a file holds (customer lines, recorded lines, ids,
paths) goes through :func:`simkit.safetext.shown`, so no line can steer the terminal.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from simkit import i18n
from simkit.errors import SimkitError, UnknownIdError
from simkit.safeio import new_file
from simkit.safetext import shown

COMMANDS = ("/help", "/state", "/quit")  # interactive play; "//text" says "/text"


def register(subparsers: argparse._SubParsersAction) -> None:
    play = subparsers.add_parser("play", help="talk to a simulated customer in the terminal")
    play.add_argument("scenario", help="scenario id (see `simkit list`)")
    play.add_argument("--seed", type=int, default=0, help="the session's seed (default 0)")
    play.add_argument("--lang", choices=["zh", "en"], default="zh", help="conversation language")
    play.add_argument("--transcript", type=Path, help="where to save the transcript (default: a new file "
                      "transcripts/SCENARIO-SEED-TIME.json); an existing file must be a simkit transcript")
    play.add_argument("--explain", action="store_true",
                      help="after each customer line, print the beats, the rules that fired and the state change")
    play.set_defaults(func=_play)

    rep = subparsers.add_parser("replay", help="re-run a transcript and report any customer line that differs")
    rep.add_argument("file", type=Path)
    rep.set_defaults(func=_replay)


def new_transcript_path(scenario_id: str, seed: int, *, folder: Path = Path("transcripts")) -> Path:
    """A new file ``folder/SCENARIO-SEED-YYYYmmdd-HHMMSS[-N].json``, created empty so that two
    plays started in the same second never share it (``O_EXCL``; ``-2``, ``-3``, ... on a clash)."""
    return new_file(folder, f"{scenario_id}-{seed}-{time.strftime('%Y%m%d-%H%M%S')}")


_TRANSCRIPT_MARK = re.compile(rb'"format"\s*:\s*"simkit-transcript"')


def check_target(path: Path) -> None:
    """Refuse to save over a folder or over a file that is not a simkit transcript.

    Raises:
        SimkitError: with the path and what to do instead.
    """
    if path.is_dir():
        raise SimkitError(f"{path}: is a folder; give a file name, such as {path / 'transcript.json'}")
    if not path.exists() and not path.is_symlink():
        return
    from simkit.safeio import read_limited

    try:
        head = read_limited(path)[:4096]
    except SimkitError as exc:
        raise SimkitError(f"{path}: exists and cannot be checked ({exc.message}); choose another file") from None
    if head.strip() and not _TRANSCRIPT_MARK.search(head):
        raise SimkitError(f"{path}: exists and is not a simkit transcript; it was left untouched "
                          "(choose another --transcript file)")


def _play(args: argparse.Namespace) -> int:
    from simkit.engine import Session

    if args.transcript is not None:
        check_target(args.transcript)
    interactive = sys.stdin.isatty()  # piped lines carry no typing times: the transcript says so
    # An unknown id fails here, before any file is made.
    session = Session(args.scenario, seed=args.seed, lang=args.lang, interactive=interactive)
    path = args.transcript or new_transcript_path(args.scenario, args.seed)
    try:
        session.transcript.save(path)
    except SimkitError:
        if args.transcript is None:
            path.unlink(missing_ok=True)  # the empty file that reserved the name
        raise
    session.save_to = path  # from now on saved after every turn
    try:
        play_conversation(session, sys.stdin, sys.stdout, interactive=interactive, explain=args.explain)
    finally:
        out = sys.stdout if interactive else sys.stderr
        if session.outcome:
            print(session.outcome.describe(args.lang), file=out)
        print(i18n.text("play.transcript", args.lang, path=shown(path)), file=out)
    return 0


def play_conversation(session, lines: TextIO, out: TextIO, *, interactive: bool, explain: bool = False) -> None:
    """Read trainee lines until the input ends or the conversation does.

    Interactive mode shows the brief, a prompt and the customer's name; otherwise only the
    customer's lines are printed, one per line, so scripts can read them. Blank lines are not
    turns (like :meth:`Session.say`, which refuses them). Interactive only: ``/help``, ``/state``
    and ``/quit`` are commands, any other ``/word`` is an unknown command, and ``//text`` says
    ``/text``. Piped input is read as UTF-8 whatever the locale (a terminal in its own encoding),
    line by line: a line that is not stops the play with a clear error, the turns before it saved.
    ``explain`` prints, after each customer line, why it was said (:func:`explain_turn`).

    Raises:
        SimkitError: the input is not valid text in its encoding.
    """
    lang = session.lang
    name = shown(session.persona.name[lang])
    read = _line_reader(lines, None if interactive else "utf-8")
    if interactive:
        print(f"== {shown(session.scenario.title[lang])} ==\n{shown(session.scenario.brief[lang], keep_newlines=True)}",
              file=out)
        print(i18n.text("play.help", lang) + "\n", file=out)
        print(f"{name}: {shown(session.opening)}", file=out)
    else:
        print(shown(session.opening), file=out, flush=True)
    while not session.done:
        if interactive:
            print("> ", end="", file=out, flush=True)
        line = read()
        if line is None:
            break
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if interactive and line.lstrip().startswith("/"):
            word = line.strip()
            if word.startswith("//"):
                line = line.lstrip()[1:]
            elif word == "/quit":
                break
            else:
                _command(word, session, out)
                continue
        before = session.state
        reply = session.say(line)
        print(f"{name}: {shown(reply.text)}" if interactive else shown(reply.text), file=out, flush=True)
        if explain:
            print(explain_turn(reply, before, lang), file=out, flush=True)


def explain_turn(reply, before: dict, lang: str) -> str:
    """What ``simkit play --explain`` prints after a customer line: the analysis, each beat with
    its rule in words (silent ones marked), and the state change from ``before``."""
    analysis = reply.analysis
    rows = [i18n.text("play.explain.analysis", lang, techniques=", ".join(analysis.techniques),
                      topics=", ".join(analysis.topics) or "-")]
    for beat in reply.beats:
        said = "" if beat.line else i18n.text("play.explain.silent", lang)
        rows.append(f"  · {beat.rule}: {beat.explain(lang)}{said}")
    after = reply.state
    changes = [i18n.text(f"play.explain.{key}", lang, before=before[key], after=after[key])
               for key in ("trust", "interest", "patience", "stage") if before.get(key) != after.get(key)]
    changes += [f"+{need}" for need in after["needs_revealed"] if need not in before["needs_revealed"]]
    changes += [f"{o}: {i18n.text('play.explain.resolved', lang)}" for o in after["objections_resolved"]
                if o not in before["objections_resolved"]]
    rows.append(i18n.text("play.explain.state", lang, changes=("；" if lang == "zh" else "; ").join(changes) or "-"))
    return "\n".join(shown(row) for row in rows)


def _command(word: str, session, out: TextIO) -> None:
    lang = session.lang
    if word == "/state":
        print(_format_state(session.view, lang), file=out)
    elif word == "/help":
        print(i18n.text("play.commands", lang), file=out)
    else:
        print(i18n.text("play.unknown-command", lang, command=shown(word.split()[0])), file=out)


def _line_reader(lines: TextIO, encoding: str | None) -> Callable[[], str | None]:
    """``readline`` for trainee input: the next line, or None at the end.

    A real stream is read as bytes and decoded one line at a time (in ``encoding``, default the
    stream's own), so a bad byte on line 50 neither loses lines 1 to 49 (a text stream decodes
    whole chunks ahead) nor raises a traceback.
    """
    raw: BinaryIO | None = getattr(lines, "buffer", None)
    if raw is None:
        return lambda: lines.readline() or None
    encoding = encoding or getattr(lines, "encoding", None) or "utf-8"
    count = 0

    def read() -> str | None:
        nonlocal count
        data = raw.readline()
        if not data:
            return None
        count += 1
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise SimkitError(f"standard input: line {count} is not {encoding} text (bad byte at offset "
                              f"{exc.start}); the conversation stopped there, earlier turns are saved") from None

    return read


def _format_state(view, lang: str) -> str:
    """The customer view (:class:`~simkit.engine.view.CustomerView`) in two lines."""
    stage = i18n.text(f"stage.{view.stage}", lang)
    separator = "、" if lang == "zh" else ", "
    needs = separator.join(n.name[lang] for n in view.needs if n.found) or "-"
    objections = separator.join(o.name[lang] for o in view.objections if o.status == "open") or "-"
    return i18n.text("play.state", lang, turn=view.turn, stage=stage, trust=view.trust.value,
                     interest=view.interest.value, patience=view.patience.value,
                     patience_max=view.patience.high, found=view.needs_found, total=view.needs_total,
                     needs=shown(needs), objections=shown(objections))


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
        print(f"note: the recorded hash of scenario {shown(repr(transcript.scenario_id))} is not the current one")
    if report.analyzer_changed:
        print("note: the recorded analyzer version is not the current one")
    if report.engine_changed:
        print("note: the recorded engine version is not the current one")
    for diff in report.differences:
        where = "opening" if diff.turn == 0 else f"turn {diff.turn}"
        print(f"{where}: customer line differs\n  recorded: {shown(diff.recorded)}\n  replayed: {shown(diff.replayed)}")
    if report.reproduced:
        print(f"reproduced: {len(transcript.turns)} turns, all customer lines identical")
        return 0
    print(f"{len(report.differences)} customer line(s) differ")
    return 1
