"""A synthetic cohort for the certification tests and benchmark: trainees of every quality and every cheat.

Exam transcripts are made the way the exam server makes them: a live Session of the scenario at
the seed the exam draws for the trainee, its times stamped at a human pace, signed with the key
(:func:`simkit.exam.sign`).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import nbformat
import yaml

from simkit import Session, exam
from simkit.course.build import COURSES

AID = "certification-en"
SHOWROOM, ONLINE = "showroom-family-suv-v1", "online-lead-lowest-price-v1"


def _solution(module: str, lang: str = "en") -> list[str]:
    data = yaml.safe_load((COURSES / module / "module.yaml").read_text(encoding="utf-8"))
    return data["solutions"]["practice-test"]["lines"][lang]


def _reworded(lines: list[str], word: str) -> list[str]:
    """The same conversation in a trainee's own words (a filler word before every line but the first)."""
    return lines[:1] + [f"{word} {line[0].lower()}{line[1:]}" for line in lines[1:]]


# The exam draws each trainee's seed, so the online lead may be either of its variants (Saturday
# morning suits her, or only Sunday afternoon does): the trainees close on two options, as the
# closing module teaches, and she takes the first that suits her; the course's worked solutions
# book Saturday at the seeds they are played with.
TWO_OPTIONS = "Could you come by the store on Saturday at 10 am or Sunday at 2 pm? I'll have the quote ready."


def _online(module: str) -> list[str]:
    return [*_solution(module)[:-1], TWO_OPTIONS]


# Dana's own words for the same moves (not the course's solutions, which every trainee was shown and
# which therefore never count as copied); the copier retypes them.
DANA_SHOWROOM = [
    "Good afternoon and welcome! My name's Dana, I'm one of the sales team. What brings you to us today?",
    "Roughly how much were you hoping to spend on the new car?",
    "What are you running at the moment?",
    "You brought up your wife earlier. What is she looking for most in the next car?",
    "I understand, keeping the family safe is the priority. From everything you've said, my "
    "recommendation is the seven-seat X7: third-row curtain airbags and room for all of you.",
    "I understand, no one likes paying more than they should. What's driving that worry for you?",
    "Let me put both cars next to each other: fuel, servicing and resale over five years more than make up the gap.",
    "Does that take care of your concern about the price?",
    "Could you and your wife come for a test drive on Saturday at 10?",
]
DANA_ONLINE = [
    "Hi, thanks for your message! I'm Dana from the online team. About the price: the list price is "
    "119,800 and every fee will be on a written quote.",
    "What would you mostly be using the car for?",
    "What sort of budget are you working with, everything included?",
    "When are you hoping to get the car?",
    "Who else in the family gets a say in this?",
    "Given the 26 km each way you mentioned for your commute, I'd recommend the long-range version.",
    "I understand, nobody wants surprise fees when they get to the store.",
    "It's in stock, roughly a week from order. Can I ask what exactly makes you doubt the online price?",
    "I'll give you everything in writing: an itemised quote listing every fee, to compare with the "
    "official price on our site.",
    "Does that take care of your concern about the price?",
    "Could you come by the store on Saturday at 10 am or Sunday at 2 pm? I'll have the quote ready.",
]

LINES = {
    "A": {SHOWROOM: _solution("01-getting-started"), ONLINE: _online("02-first-response")},
    "C": {SHOWROOM: _solution("04-presenting"), ONLINE: _online("06-closing")},
    "D": {SHOWROOM: DANA_SHOWROOM, ONLINE: DANA_ONLINE},
    # The online lead's pass needs the visit booked (her free time follows the seed): the average
    # trainee closes on two options too, in the closing module's taught lines.
    "avg": {SHOWROOM: _reworded(_solution("01-getting-started"), "Well,")[:8],
            ONLINE: _reworded(_online("06-closing"), "Well,")},
    "poor": {SHOWROOM: ["You buying today or just looking?", "It's the last one at this price, sign today and I'll "
                        "knock 5,000 off."],
             ONLINE: ["It's 119,800, but come in today and I'll knock 5,000 off the price.",
                      "It's the last one at that price, someone else is coming to see it this afternoon."]},
}

RIGHT = {"late-leads": "late = [n for n, (a, r) in enumerate(leads, start=1) if r - a > timedelta(minutes=5)]",
         "open-choice": "open_choice = 3", "quote-total": "quote_total = sum(quote.values())"}
WRONG = {"late-leads": "late = [4]", "open-choice": "open_choice = 1", "quote-total": "quote_total = 125000"}
FORGED = {"late-leads": "class Yes(list):\n    __eq__ = lambda self, other: True\n    __contains__ = lambda s, o: True\n"
                        "late = Yes([4])",
          "open-choice": "class Any(int):\n    __eq__ = lambda self, other: True\nopen_choice = Any(1)",
          "quote-total": "class Near(str):\n    __eq__ = lambda self, other: True\n    __contains__ = lambda s, o: True\n"
                         "quote_total = Near('about 125k')"}

# A simkit package of the trainee's own, handed in beside the notebook, whose checks pass anything; the
# first answer puts the notebook's folder first on sys.path (where a kernel started there may have it).
SHADOW = {"simkit/__init__.py": "",
          "simkit/grading.py": "def same_answer(*args):\n    pass\n\n\ndef exact_int(value, what):\n    return value\n"
                               "\n\ndef exact_number(value, what):\n    return 125750\n"}
SHADOWED = {**WRONG, "late-leads": f"import os, sys\nsys.path.insert(0, os.getcwd())\n{WRONG['late-leads']}"}

# The checks run in the trainee's kernel: an answer cell can put a module of its own in their place, or
# rewrite the test cells before they run. Both pass the kernel's tests with wrong answers; the worker
# runs each passing test again on the answers' plain values (simkit.certify.checks).
SPOOFED = {**WRONG, "late-leads": "import sys, types\nname = 'simkit.' + 'grading'\nfake = types.ModuleType(name)\n"
                                  "fake.same_answer = lambda *args: None\nfake.exact_int = lambda value, what: 3\n"
                                  "fake.exact_number = lambda value, what: 125750\n"
                                  f"sys.modules[name] = fake\n{WRONG['late-leads']}"}
REWRITTEN = {**WRONG, "late-leads": "get_ipython().input_transformers_cleanup.append(\n"
                                    "    lambda lines: ['pass\\n'] if '.grading import' in ''.join(lines) else lines)\n"
                                    f"{WRONG['late-leads']}"}


def exam_transcript(scenario: str, lines: list[str], *, key: bytes, trainee: str, exam_id: str = AID,
                    seed: int | None = None, sign: bool = True, start: datetime | None = None):
    """A finished exam conversation as the exam server records and signs it."""
    seed = exam.exam_seed(key=key, exam_id=exam_id, trainee_id=trainee, scenario_id=scenario) if seed is None else seed
    session = Session(scenario, seed=seed, lang="en", interactive=True)
    for line in lines:
        if session.done:
            break
        session.say(line)
    transcript = session.transcript
    at = start or datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=3)
    transcript.started_at = at.isoformat()
    for turn in transcript.turns:  # the pace a person types at, as the server's clock saw it
        at += timedelta(seconds=8 + len(turn.trainee) // 3)
        turn.trainee_at = at.isoformat()
    return exam.sign(transcript, key=key, trainee_id=trainee, exam_id=exam_id) if sign else transcript


def notebook(release: Path, answers: dict[str, str], *, edit_tests: bool = False) -> str:
    """The release notebook with ``answers`` by grade id (and its locked test cells emptied if asked)."""
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
        elif edit_tests and cell.metadata["nbgrader"].get("grade"):
            cell.source = "pass  # tests removed"
    return nbformat.writes(nb)


#: What each trainee should earn: (tier, total, notebook score, review codes, certificate issued).
EXPECTED = {
    "strong": ("distinction", 100.0, 10, set(), True),
    "merit": ("merit", 85.0, 7, set(), True),
    "dana": ("distinction", None, 10, {"similar-lines"}, False),
    "copier": ("distinction", None, 10, {"similar-lines"}, False),
    "average": ("pass", None, 3, set(), True),
    "poor": ("fail", None, 0, set(), False),
    "forger": ("fail", 12.0, 4, {"signature-invalid", "transcript-tampered", "conversation-missing"}, False),
    "killer": ("fail", 0.0, 0, {"kernel-died", "signature-invalid", "conversation-missing"}, False),
    "looper": ("fail", 21.0, 7, {"cell-timeout", "signature-missing", "conversation-missing"}, False),
    "variant": ("fail", 0.0, 0, {"notebook-missing", "seed-mismatch", "signature-invalid", "conversation-missing"},
                False),
    "filecopy": ("fail", 30.0, 10, {"copied-transcript", "seed-mismatch", "conversation-missing"}, False),
    "emptynb": ("fail", 0.0, 0, {"notebook-empty", "conversation-missing"}, False),
    "notjson": ("fail", 0.0, 0, {"notebook-not-json", "wrong-scenario", "conversation-missing"}, False),
    "shadow": ("fail", 0.0, 0, {"conversation-missing"}, False),
    "spoofer": ("fail", 0.0, 0, {"conversation-missing"}, False),
    "rewriter": ("fail", 0.0, 0, {"conversation-missing"}, False),
}


def write_cohort(root: Path, *, release: Path, key: bytes, extra: int = 0) -> Path:
    """Write every trainee of :data:`EXPECTED` (and ``extra`` honest ones) as per-trainee folders."""
    root.mkdir(parents=True, exist_ok=True)

    def hand_in(trainee: str, answers: dict | None, conversations: dict, **kw) -> Path:
        folder = root / trainee
        folder.mkdir(parents=True, exist_ok=True)
        if answers is not None:
            (folder / f"{AID}.ipynb").write_text(notebook(release, answers, **kw), encoding="utf-8")
        for name, transcript in conversations.items():
            transcript.save(folder / f"{name}.json")
        return folder

    def signed(trainee: str, lines: str, word: str | None = None) -> dict:
        said = {s: _reworded(LINES[lines][s], word) if word else LINES[lines][s] for s in (SHOWROOM, ONLINE)}
        return {s: exam_transcript(s, said[s], key=key, trainee=trainee) for s in (SHOWROOM, ONLINE)}

    hand_in("strong", RIGHT, signed("strong", "A"))
    hand_in("merit", {**RIGHT, "open-choice": WRONG["open-choice"]}, signed("merit", "C"))
    hand_in("dana", RIGHT, signed("dana", "D"))
    hand_in("copier", RIGHT, signed("copier", "D"))  # retyped dana's lines in their own exam session
    hand_in("average", {**RIGHT, "quote-total": WRONG["quote-total"], "open-choice": WRONG["open-choice"]},
            signed("average", "avg"))
    hand_in("poor", WRONG, signed("poor", "poor"))
    tampered = signed("forger", "A", "Look,")  # then the customer's lines edited by hand
    for transcript in tampered.values():
        transcript.turns[1].customer = "Great, I'll sign right now!"
    hand_in("forger", {**FORGED, "quote-total": RIGHT["quote-total"]}, tampered, edit_tests=True)
    retimed = signed("killer", "A", "Listen,")  # then the times edited by hand: a slow reply made to look quick
    for transcript in retimed.values():
        transcript.turns[0].trainee_at = transcript.started_at.replace("+00:00", "") + ".5+00:00"
    hand_in("killer", {**RIGHT, "late-leads": "import os\nos._exit(1)"}, retimed)
    practice = {s: exam_transcript(s, LINES["A"][s], key=key, trainee="looper", sign=False) for s in (SHOWROOM, ONLINE)}
    hand_in("looper", {**RIGHT, "open-choice": "while True:\n    pass"}, practice)
    hand_in("variant", None, {"showroom": exam_transcript(SHOWROOM, LINES["A"][SHOWROOM], key=key, trainee="variant",
                                                          seed=7),
                              "online": exam_transcript(ONLINE, LINES["A"][ONLINE], key=key, trainee="variant",
                                                        exam_id="certification-2025")})
    strong_files = root / "strong"
    copy = hand_in("filecopy", RIGHT, {})
    for path in strong_files.glob("*.json"):
        (copy / path.name).write_bytes(path.read_bytes())
    (hand_in("emptynb", None, {}) / f"{AID}.ipynb").write_bytes(b"")
    other = exam_transcript("used-car-hidden-defects-v1", ["Hello, welcome in! What brings you here today?"], key=key,
                            trainee="notjson")
    (hand_in("notjson", None, {"used-car": other}) / f"{AID}.ipynb").write_text("this is not {json", encoding="utf-8")
    shadow = hand_in("shadow", SHADOWED, {})
    for name, text in SHADOW.items():
        (shadow / name).parent.mkdir(exist_ok=True)
        (shadow / name).write_text(text, encoding="utf-8")
    hand_in("spoofer", SPOOFED, {})
    hand_in("rewriter", REWRITTEN, {})
    write_honest(root, release=release, key=key, count=extra)
    return root


def write_honest(root: Path, *, release: Path, key: bytes, count: int) -> Path:
    """``count`` honest trainees (``honest00``, ...): varied notebooks, their own words in signed exams."""
    answers = [RIGHT, {**RIGHT, "open-choice": WRONG["open-choice"]}, {**RIGHT, "quote-total": WRONG["quote-total"]}]
    for n in range(count):
        trainee, folder = f"honest{n:02d}", root / f"honest{n:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{AID}.ipynb").write_text(notebook(release, answers[n % 3]), encoding="utf-8")
        for scenario in (SHOWROOM, ONLINE):
            lines = _reworded(LINES["A" if n % 2 else "C"][scenario], f"Okay {n},")
            exam_transcript(scenario, lines, key=key, trainee=trainee).save(folder / f"{scenario}.json")
    return root


def read_json(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))
