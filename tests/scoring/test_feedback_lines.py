"""The better lines feedback suggests must themselves be read as the technique they teach."""

from __future__ import annotations

import pytest

from simkit import i18n
from simkit.content import default_library
from simkit.labels import LANGS, TOPICS
from simkit.scoring.acts import asks_personal_data, pressure_kind
from simkit.understand import analyze

# model answer family -> the technique a line of it must carry
TEACHES = {"open.contact": "close", "open": "open_question",  # asking for contact details is a close "probe": "probe", "greeting": "greeting", "empathy": "empathy",
           "step.acknowledged": "empathy", "step.evidence": "evidence", "step.confirmed": "confirm",
           "close": "close", "recommend": "recommend", "proof": "evidence", "value": "evidence",
           "check-ready": "confirm", "listen": "open_question"}
FORBIDDEN_IN_MODELS = {"pressure", "concession"}


def _models():
    for code in sorted(i18n.MESSAGES):
        if not code.startswith("model."):
            continue
        family = code[len("model."):]
        teaches = next((t for f, t in TEACHES.items() if family == f or family.startswith(f + ".")), None)
        for lang in LANGS:
            yield pytest.param(code, lang, teaches, id=f"{code}:{lang}")


@pytest.mark.parametrize(("code", "lang", "teaches"), list(_models()))
def test_model_answers_are_read_as_what_they_teach(code, lang, teaches):
    proof = {"zh": "第三方检测报告", "en": "third-party inspection report"}[lang]
    line = i18n.text(code, lang, proof=proof) if "{proof}" in i18n.MESSAGES[code][lang] else i18n.text(code, lang)
    analysis = analyze(line, lang=lang)
    assert not FORBIDDEN_IN_MODELS & set(analysis.techniques), (line, analysis.techniques)
    assert asks_personal_data(line, is_question=analysis.is_question) is None
    if teaches:
        assert teaches in analysis.techniques, (line, analysis.techniques)
    family = code.split(".")
    if family[1] in ("open", "probe") and family[2] in TOPICS:
        assert family[2] in analysis.topics, (line, analysis.topics)


def test_evidence_lines_carry_the_personas_own_proof():
    from simkit.scoring.feedback import _with_proof

    for persona in default_library().personas.values():
        for objection in persona.objections:
            lines = _with_proof("model.step.evidence", objection)
            for lang in LANGS:
                assert any(cue in lines[lang] for cue in objection.evidence_cues[lang])
                techniques = analyze(lines[lang], lang=lang).techniques
                assert "evidence" in techniques and not {"close", "concession"} & set(techniques), lines[lang]


@pytest.mark.parametrize(("text", "kind"), [
    ("I guarantee it will never break down.", "false_guarantee"),
    ("我保证这车绝对不会坏。", "false_guarantee"),
    ("I can't guarantee anything, but here is the report.", "pressure"),
    ("It's the last one, decide today.", "false_urgency"),
    ("别家都是骗人的。", "belittling"),
])
def test_pressure_kinds(text, kind):
    assert pressure_kind(text) == kind


@pytest.mark.parametrize(("text", "question", "kind"), [
    ("What's your ID number?", True, "id_number"),
    ("您月收入多少？", True, "income"),
    ("For the loan application I'll need your ID number.", False, None),
    ("为了办贷款审批，需要您提供一下收入证明。", False, None),
    ("Our address is 5 Park Road.", False, None),
])
def test_personal_data(text, question, kind):
    assert asks_personal_data(text, is_question=question) == kind
