"""Skill checks: a line is judged by what it does (read by simkit.understand), not by its words."""

from __future__ import annotations

from collections.abc import Iterable

from simkit.grading.strict import AnswerError, exact_text, exact_texts
from simkit.understand import Analysis, analyze

#: Labels that cost a trainee in a conversation; a good answer carries none of them.
COSTLY = ("pressure", "concession")


def _no_costly(analysis: Analysis, what: str) -> None:
    bad = [label for label in COSTLY if analysis.has(label)]
    if bad:
        raise AnswerError(f"{what}: reads as {', '.join(bad)}: {analysis.text!r}",
                          f"{what}：这句听起来像 {', '.join(bad)}：{analysis.text!r}")


def questions_of(lines: object, *, lang: str, technique: str = "open_question", count: int = 3,
                 distinct_topics: int = 0, topics: Iterable[str] = ()) -> list[Analysis]:
    """Check ``count`` different lines that each carry ``technique`` and nothing costly.

    Args:
        lines: the trainee's answer (a list of texts).
        lang: the language the lines must be read in.
        technique: the label each line must carry (``open_question``, ``probe``, ...).
        count: how many lines.
        distinct_topics: at least this many different topics across the lines (0: no check).
        topics: when given, each line must be about one of these topics.

    Returns:
        The analyses, for tests that want to say more.
    """
    texts = exact_texts(lines, "lines", count=count)
    wanted = tuple(topics)
    analyses = [analyze(text, lang=lang) for text in texts]
    for i, analysis in enumerate(analyses):
        what = f"lines[{i}]"
        _no_costly(analysis, what)
        if not analysis.has(technique):
            raise AnswerError(f"{what}: reads as {', '.join(analysis.techniques)}, not {technique}: {analysis.text!r}",
                              f"{what}：读出来是 {', '.join(analysis.techniques)}，不是 {technique}：{analysis.text!r}")
        if wanted and not set(wanted) & set(analysis.topics):
            raise AnswerError(f"{what}: not about {' or '.join(wanted)}: {analysis.text!r}",
                              f"{what}：没有问到 {' 或 '.join(wanted)}：{analysis.text!r}")
    covered = {topic for analysis in analyses for topic in analysis.topics}
    if len(covered) < distinct_topics:
        raise AnswerError(f"lines: cover at least {distinct_topics} different topics (found {len(covered)})",
                          f"lines：至少问到 {distinct_topics} 个不同的话题（现在 {len(covered)} 个）")
    return analyses


def good_rewrite(original: str, rewrite: object, *, lang: str, wanted: Iterable[str]) -> Analysis:
    """Check that ``rewrite`` replaces a bad line: different words, nothing costly, one ``wanted`` label."""
    text = exact_text(rewrite, "rewrite")
    if " ".join(text.split()).casefold() == " ".join(original.split()).casefold():
        raise AnswerError("rewrite: it is the original line", "rewrite：和原句一样")
    analysis = analyze(text, lang=lang)
    _no_costly(analysis, "rewrite")
    labels = tuple(wanted)
    if not analysis.has(*labels):
        raise AnswerError(f"rewrite: reads as {', '.join(analysis.techniques)}; use one of {', '.join(labels)}",
                          f"rewrite：读出来是 {', '.join(analysis.techniques)}；请用 {'、'.join(labels)} 之一")
    return analysis


def carries(line: object, *, lang: str, all_of: Iterable[str] = (), any_of: Iterable[str] = ()) -> Analysis:
    """Check one line that carries every label of ``all_of``, at least one of ``any_of``, and nothing costly."""
    text = exact_text(line, "line")
    analysis = analyze(text, lang=lang)
    _no_costly(analysis, "line")
    missing = [label for label in all_of if not analysis.has(label)]
    options = tuple(any_of)
    if missing or (options and not analysis.has(*options)):
        need = ", ".join(missing) if missing else " / ".join(options)
        raise AnswerError(f"line: reads as {', '.join(analysis.techniques)}; it also needs {need}",
                          f"line：读出来是 {', '.join(analysis.techniques)}；还需要 {need}")
    return analysis
