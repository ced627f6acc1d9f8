"""``simkit check [SCENARIO...]``: validate the library and play every scenario's references."""

from __future__ import annotations

import argparse
import unicodedata

from simkit.content import default_scenarios_path
from simkit.selfcheck import LibraryReport, check_library
from simkit.labels import LANGS
from simkit.safetext import shown

# The summary line, zh and en.
SUMMARY = {
    "en": "{checked} scenario{s} checked: {passed} passed, {failed} failed",
    "zh": "检查了{checked}个场景：{passed}个通过，{failed}个未通过",
}
INVALID = {
    "en": "{count} problem{s} in the library: fix them first (simkit validate lists the same)",
    "zh": "场景库中有{count}个问题：请先修正（simkit validate 会列出同样的问题）",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``check`` subcommand."""
    check = subparsers.add_parser(
        "check",
        help="check that scenarios work: validator, reference conversations, determinism",
        description="Validate the library, then for each scenario play its reference conversations "
        "(strong, average, poor, in zh and en), check the outcome, pass, score band and evidence each must "
        "get, that strong > average > poor, and that everything replays identically. "
        "Exit 0 when every check passes, 1 when one fails, 2 for an unknown scenario id.",
    )
    check.add_argument("scenarios", nargs="*", metavar="SCENARIO", help="scenario ids (default: every scenario)")
    check.add_argument("--path", action="append", metavar="PATH",
                       help="the library's files or folders (default: the scenarios folder, or $SIMKIT_SCENARIOS)")
    check.add_argument("--lang", choices=LANGS, default="en", help="the language of the report (default: en)")
    check.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    report = check_library(args.path or [default_scenarios_path()], args.scenarios or None)
    for line in report_lines(report, args.lang):
        print(shown(line, keep_newlines=True))
    return 0 if report.ok else 1


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def report_lines(report: LibraryReport, lang: str) -> list[str]:
    """What ``simkit check`` prints, in ``lang``."""
    if report.problems:
        count = len(report.problems)
        return [p.format() for p in report.problems] + [INVALID[lang].format(count=count, s="s" * (count != 1))]
    lines: list[str] = []
    for scenario in report.scenarios:
        lines.append(f"{scenario.scenario_id}: {'ok' if scenario.ok else 'FAILED'}")
        for result in scenario.results:
            lines.append(f"  {'ok  ' if result.ok else 'FAIL'}  {_pad(result.label(lang), 12)} {result.text(lang)}")
    passed = sum(1 for s in report.scenarios if s.ok)
    checked = len(report.scenarios)
    lines.append(SUMMARY[lang].format(checked=checked, s="s" * (checked != 1), passed=passed, failed=checked - passed))
    return lines
