"""``simkit check``: a scenario checks itself, in the spirit of Gymnasium's ``check_env``.

For each scenario, :func:`check_scenario` runs, in order:

1. **references**: the scenario has its reference conversations (strong, average and poor, in
   every language) in a ``kind: references`` file (usually ``<scenario>.references.yaml`` beside it);
2. **each reference** (level x language): played through a real Session and scored; it must get
   its expected outcome, pass or fail, score band (``min_total``-``max_total``), tier, failures,
   evidence and first feedback codes, and its points must add up (each dimension's evidence sums
   to its points, the applicable maxima to 100);
3. **order**: strong scores above average, average above poor, in every language;
4. **determinism**: every reference played again, and a probe conversation touching every rule
   family played twice, give identical transcripts and scorecards.

The validator runs first over the whole library (:func:`check_library`): a library with problems
cannot be played, and its problems are the report. Results are values (:class:`Result`) with
zh and en text, so the CLI, a notebook and the tests read the same thing.

Example:
    >>> from simkit.content import default_library
    >>> report = check_scenario("showroom-family-suv-v1", library=default_library())
    >>> report.ok, report.results[0].check
    (True, 'references')
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simkit.content.references import DEFAULT_DELAY, LEVELS, References, ScriptError
from simkit.labels import LANGS

if TYPE_CHECKING:  # pragma: no cover
    from simkit.content.library import Library
    from simkit.scoring.scorecard import Scorecard
    from simkit.transcript import Transcript

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def play_reference(refs: References, level: str, lang: str, *, library: Library | None = None,
                   save_to: Path | None = None) -> Transcript:
    """The transcript of the ``level`` salesperson of ``refs`` in ``lang``."""
    script = refs.scripts[level][lang]
    return play(refs.scenario_id, refs.seed, lang, list(script.lines),
                list(script.delays) if script.delays else None, library=library, save_to=save_to,
                until_done=script.until_done)


def play(scenario: str, seed: int, lang: str, lines: list[str], delays: list[int] | None = None, *,
         library: Library | None = None, save_to: Path | None = None, until_done: bool = False,
         live: bool = True) -> Transcript:
    """Play ``lines`` through a fresh session, one every ``delays`` seconds (default 20).

    Each line must be said before the conversation ends; with ``until_done`` the trainee keeps
    going only until the customer leaves, and the customer must have left by the last line.
    ``live=False`` keeps the ``untrusted`` times the session recorded.

    Raises:
        ScriptError: the conversation ended before a line, or (``until_done``) never ended.
    """
    from simkit.engine import Session
    from simkit.transcript import TIMES_LIVE

    delays = delays or [DEFAULT_DELAY] * len(lines)
    if len(delays) != len(lines):
        raise ScriptError(f"{scenario}: {len(lines)} lines but {len(delays)} delays: give one delay per line")
    # A live reference is played as a person typing at these delays: the customer notices them as
    # live (a slow reply online), so its replay under the live times reproduces it.
    session = Session(scenario, seed=seed, lang=lang, library=library, clock=lambda: START.isoformat(),
                      save_to=save_to, trust_given_times=live)
    at = START
    for number, (line, delay) in enumerate(zip(lines, delays), start=1):
        if until_done and session.done:
            break
        if session.done:
            raise ScriptError(f"{scenario} ({lang}): the conversation ended ({session.outcome.status}) before "
                                 f"line {number}, {line!r}")
        at += timedelta(seconds=delay)
        session.say(line, at=at.isoformat())
    if until_done and not session.done:
        raise ScriptError(f"{scenario} ({lang}): the customer was still there after the last line "
                             "(until_done: true)")
    if live:
        session.transcript.times = TIMES_LIVE
        if save_to is not None:
            session.transcript.save(save_to)
    return session.transcript

# The words of every result, zh and en ({placeholders} filled from Result.params).
TEXT: dict[str, dict[str, str]] = {
    "references-ok": {"en": "reference conversations: {levels} in {langs}",
                      "zh": "参考对话：{levels}，语言 {langs}"},
    "references-missing": {"en": "no reference conversations: write a 'kind: references' file beside the scenario "
                                 "(see docs/authoring.md)",
                           "zh": "没有参考对话：在场景文件旁边写一个 kind: references 文件（见 docs/authoring.md）"},
    "reference-ok": {"en": "{outcome}, {total} points (band {band}){tier}",
                     "zh": "{outcome}，{total}分（区间 {band}）{tier}"},
    "cannot-play": {"en": "cannot be played: {why}", "zh": "无法回放：{why}"},
    "wrong-outcome": {"en": "expected outcome {expected}, got {got}", "zh": "结果应为 {expected}，实际为 {got}"},
    "wrong-passed": {"en": "expected to {expected}, but it did not ({total} points; {why})",
                     "zh": "应当{expected}，实际没有（{total}分；{why}）"},
    "out-of-band": {"en": "{total} points, outside its band {band}", "zh": "{total}分，不在区间 {band} 内"},
    "wrong-tier": {"en": "expected tier {expected}, got {got}", "zh": "等级应为 {expected}，实际为 {got}"},
    "missing-failure": {"en": "expected failure {expected} not in the verdict ({got})",
                        "zh": "判定中缺少预期的失败原因 {expected}（实际：{got}）"},
    "missing-evidence": {"en": "no evidence '{expected}'; {dimension} has: {got}",
                         "zh": "缺少证据“{expected}”；{dimension} 实际有：{got}"},
    "wrong-feedback": {"en": "expected first feedback {expected}, got {got}",
                       "zh": "首要反馈应为 {expected}，实际为 {got}"},
    "points-unattributed": {"en": "{dimension}: its evidence does not add up to its points",
                            "zh": "{dimension}：证据的分数之和与得分不符"},
    "order-ok": {"en": "strong > average > poor in {lang}: {totals}", "zh": "{lang}：优秀 > 一般 > 较差：{totals}"},
    "order-wrong": {"en": "strong > average > poor fails in {lang}: {totals}",
                    "zh": "{lang}：不满足 优秀 > 一般 > 较差：{totals}"},
    "deterministic": {"en": "{count} conversations played twice: identical transcripts and scores",
                      "zh": "{count}段对话各回放两次：记录与分数完全一致"},
    "not-deterministic": {"en": "{what} differs between two runs with seed {seed}",
                          "zh": "{what}在同一种子 {seed} 的两次运行之间不一致"},
    "validator": {"en": "validator: {problems} in {files} files", "zh": "校验：{files}个文件，{problems}"},
    "no-problems": {"en": "no problems", "zh": "没有问题"},
}
LABELS: dict[str, dict[str, str]] = {
    "references": {"en": "references", "zh": "参考对话"},
    "order": {"en": "order", "zh": "排序"},
    "determinism": {"en": "determinism", "zh": "确定性"},
    "validator": {"en": "validator", "zh": "校验"},
    "strong": {"en": "strong", "zh": "优秀"},
    "average": {"en": "average", "zh": "一般"},
    "poor": {"en": "poor", "zh": "较差"},
    "pass": {"en": "pass", "zh": "通过"},
    "fail": {"en": "fail", "zh": "不通过"},
}


@dataclass(frozen=True)
class Result:
    """One check's outcome: ``check`` is ``references``, ``<level>:<lang>``, ``order`` or ``determinism``."""

    check: str
    ok: bool
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """The result in words."""
        values = {k: ", ".join(_label(item, lang) for item in v) if isinstance(v, list | tuple) else _label(v, lang)
                  for k, v in self.params.items()}
        return TEXT[self.code][lang].format(**values)

    def label(self, lang: str) -> str:
        """The check's name (``strong zh`` / ``优秀 zh``)."""
        level, _, in_lang = self.check.partition(":")
        return " ".join([_label(level, lang), in_lang]).strip()


def _label(value: Any, lang: str) -> Any:
    return LABELS.get(str(value), {}).get(lang, value)


@dataclass(frozen=True)
class ScenarioReport:
    """Every result of one scenario; ``ok`` when all passed."""

    scenario_id: str
    results: tuple[Result, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def check_scenario(scenario_id: str, *, library: Library) -> ScenarioReport:
    """Check one scenario of a valid library (see the module docstring for what is checked)."""
    library.scenario(scenario_id)  # UnknownIdError with a "did you mean" for a wrong id
    sets = library.reference_sets.get(scenario_id)
    if not sets:
        return ScenarioReport(scenario_id, (Result("references", False, "references-missing"),))
    results: list[Result] = []
    for refs in sets:  # a scenario with seeded variants may have one file per seed
        prefix = "" if len(sets) == 1 else f"seed {refs.seed} "
        results += [replace(r, check=prefix + r.check) for r in _check_references(refs, library)]
    return ScenarioReport(scenario_id, tuple(results))


def _check_references(refs: References, library: Library) -> list[Result]:
    """The results of one references file."""
    results = [Result("references", True, "references-ok", {"levels": LEVELS, "langs": LANGS})]
    cards: dict[tuple[str, str], Scorecard] = {}
    for level in LEVELS:
        for lang in LANGS:
            result, card = _check_reference(refs, level, lang, library)
            results.append(result)
            if card is not None:
                cards[level, lang] = card
    for lang in LANGS:
        totals = [cards[level, lang].total for level in LEVELS if (level, lang) in cards]
        if len(totals) == len(LEVELS):
            shown = " > ".join(str(t) for t in totals)
            ordered = totals[0] > totals[1] > totals[2]
            results.append(Result(f"order:{lang}", ordered, "order-ok" if ordered else "order-wrong",
                                  {"lang": lang, "totals": shown}))
    results.append(_check_determinism(refs, library, cards))
    return results


def _check_reference(refs: References, level: str, lang: str, library: Library) -> tuple[Result, Scorecard | None]:
    from simkit.scoring import score

    check = f"{level}:{lang}"
    try:
        card = score(play_reference(refs, level, lang, library=library), library=library)
    except ScriptError as exc:
        return Result(check, False, "cannot-play", {"why": str(exc)}), None
    expect = refs.expect[level]
    band = f"{expect.min_total}-{expect.max_total}"
    status = card.outcome["status"]
    problem = _first_miss(card, expect, band)
    if problem is not None:
        return Result(check, False, *problem), card
    tier = f", {card.tier}" if card.passed else ""
    return Result(check, True, "reference-ok", {"outcome": status, "total": card.total, "band": band, "tier": tier}), card


def _first_miss(card: Scorecard, expect: Any, band: str) -> tuple[str, dict[str, Any]] | None:
    """The first expectation ``card`` misses, as ``(code, params)``; None when it meets them all."""
    status = card.outcome["status"]
    if status != expect.outcome:
        return "wrong-outcome", {"expected": expect.outcome, "got": status}
    if card.passed is not expect.passed:
        wanted = "pass" if expect.passed else "fail"
        return "wrong-passed", {"expected": wanted, "total": card.total, "why": ", ".join(card.verdict.failures) or "-"}
    if not expect.min_total <= card.total <= expect.max_total:
        return "out-of-band", {"total": card.total, "band": band}
    if expect.tier is not None and card.tier != expect.tier:
        return "wrong-tier", {"expected": expect.tier, "got": card.tier}
    for failure in expect.failures:
        if failure not in card.verdict.failures:
            return "missing-failure", {"expected": failure, "got": ", ".join(card.verdict.failures) or "-"}
    for item in expect.evidence:
        dimension, found, trace = _find_evidence(card, item)
        if not found:
            return "missing-evidence", {"expected": item, "dimension": dimension, "got": trace}
    codes = [i.code for i in card.feedback]
    if codes[: len(expect.feedback)] != list(expect.feedback):
        return "wrong-feedback", {"expected": ", ".join(expect.feedback), "got": ", ".join(codes) or "-"}
    for dim in card.dimensions:
        if sum(e.points for e in dim.evidence) != dim.points or sum(e.lost for e in dim.evidence) != dim.max - dim.points:
            return "points-unattributed", {"dimension": dim.name}
    applicable = [d for d in card.dimensions if d.applicable]
    if sum(d.max for d in applicable) != 100 or card.total != sum(d.points for d in applicable):
        return "points-unattributed", {"dimension": "total"}
    return None


def _find_evidence(card: Scorecard, item: str) -> tuple[str, bool, str]:
    """Whether ``"dimension turn reason [k=v ...]"`` is on the card; the dimension's evidence as text."""
    dimension, turn, reason, *pairs = item.split()
    wanted = dict(p.split("=", 1) for p in pairs)
    at = None if turn == "-" else turn if turn == "*" else int(turn)
    evidence = card.dimension(dimension).evidence
    found = any(at in ("*", e.turn) and e.reason == reason and all(str(e.params.get(k)) == v for k, v in wanted.items())
                for e in evidence)
    trace = ", ".join(f"{'-' if e.turn is None else e.turn} {e.reason}" for e in evidence) or "-"
    return dimension, found, trace


def _check_determinism(refs: References, library: Library, cards: dict[tuple[str, str], Scorecard]) -> Result:
    from simkit.engine.check import check_determinism
    from simkit.errors import SimkitError
    from simkit.scoring import score

    count = 0
    for (level, lang), card in sorted(cards.items()):
        again = score(play_reference(refs, level, lang, library=library), library=library)
        if again.to_dict() != card.to_dict():
            return Result("determinism", False, "not-deterministic", {"what": f"{level} {lang}", "seed": refs.seed})
        count += 1
    for lang in LANGS:
        try:
            check_determinism(refs.scenario_id, lang=lang, seed=refs.seed, library=library)
        except SimkitError:
            return Result("determinism", False, "not-deterministic", {"what": f"probe {lang}", "seed": refs.seed})
        count += 1
    return Result("determinism", True, "deterministic", {"count": count})


@dataclass(frozen=True)
class LibraryReport:
    """``simkit check``'s whole answer: the validator's problems, then one report per scenario."""

    files: int
    problems: tuple[Any, ...]  # simkit.content.Problem, sorted
    scenarios: tuple[ScenarioReport, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and all(s.ok for s in self.scenarios)


def check_library(paths: Any, scenario_ids: list[str] | None = None) -> LibraryReport:
    """Validate every file under ``paths``, then check ``scenario_ids`` (default: every scenario).

    Raises:
        UnknownIdError: a scenario id the library does not have (with a "did you mean").
    """
    from simkit.content.library import check_paths, load_library

    files, _, problems = check_paths(paths)
    if problems:
        return LibraryReport(len(files), tuple(problems), ())
    library = load_library(paths)
    ids = scenario_ids or list(library.scenarios)
    for scenario_id in ids:
        library.scenario(scenario_id)  # every id is known before anything is played
    return LibraryReport(len(files), (), tuple(check_scenario(s, library=library) for s in ids))
