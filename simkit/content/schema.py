"""The schema of persona and scenario files, declared once for validation and JSON Schema.

Each file is a mapping with ``kind: persona`` or ``kind: scenario``; :data:`PERSONA` and
:data:`SCENARIO` declare every field (type, required or not, description, allowed values and
ranges), mirroring :mod:`simkit.content.model`. :func:`check_document` validates a parsed file;
:func:`json_schema` exports the same declarations as JSON Schema (draft 2020-12) for editors.

Codes reported here: ``unknown-kind``, ``missing-field``, ``unknown-field``, ``wrong-type``,
``invalid-value``, ``invalid-id``, ``out-of-range``, ``missing-translation``, ``empty-text``,
``unknown-technique``, ``unknown-topic``, ``missing-line`` (and the ``scoring:`` codes of
:mod:`simkit.content.scoring_schema`). For example::

    needs:
      - id: wife-safety
        reveal: {by: [opne_question]}     # unknown technique 'opne_question'; did you mean
                                          # 'open_question'? (unknown-technique)
        reveal: {by: [open_question]}     # passes
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simkit import labels
from simkit.content import formats, model, references
from simkit.content.problems import Problem, YamlPath
from simkit.content.schema_deals import AVAILABILITY, FACTS, FIGURE, NEGOTIATION, VARIANTS, WEEKDAY
from simkit.content.schema_situations import (
    GOAL_FIELDS, PERSONA_DECISION_MAKER, PERSONA_ROLE, REQUIRES_FIELDS, SCENARIO_CLOCK, SCENARIO_ROLE, SHOW_FIELD,
)
from simkit.content.schema_text import DEFS, Lines, Text
from simkit.content.schema_types import AnyOf, Bool, Choice, Context, Field, Int, ListOf, MapOf, Num, Record, Str
from simkit.content.scoring_schema import SCORING
from simkit.content.yamlsource import YamlDoc, describe
from simkit.errors import UnknownIdError, suggest
from simkit.labels import LANGS

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID = Str(SLUG, "use lowercase letters and digits in words joined by '-', like 'wife-safety'", "invalid-id")
PERSONA_ID = Str(SLUG, "use lowercase letters and digits in words joined by '-', like 'zhou-jian'", "invalid-id")
SCENARIO_ID = Str(
    SLUG + r"-v[0-9]+",
    "use lowercase words joined by '-' ending in a version, like 'showroom-family-suv-v1'",
    "invalid-id",
)
PLACEHOLDER = Str(r"[A-Za-z_][A-Za-z0-9_]*", "use letters, digits and '_' (lines refer to it as {name})", "invalid-id")

TECHNIQUE = Choice(labels.TECHNIQUES, "technique", "unknown-technique")
TOPIC = Choice(labels.TOPICS, "topic", "unknown-topic")
TECHNIQUES = ListOf(TECHNIQUE)
TOPICS = ListOf(TOPIC)
PERCENT = Int(0, 100)
TEXT = Text()
LINES = Lines()
CUES = Lines(spoken=False, allow_empty=True)
VALUE = AnyOf((Num(), Str(), TEXT), "a number, a string or bilingual text {zh: ..., en: ...}")

TRAITS = Record((
    Field("patience", Int(1, 50), True, "Patience points: each annoyance (pressure, an ignored question, an "
          "interrogation run, a failed close) costs one; at zero the customer leaves."),
    Field("trust", PERCENT, True, "Starting trust, 0-100."),
    Field("interest", PERCENT, False, "Starting interest in buying, 0-100.", 30),
), description="How the customer reacts.")

PROFILE = Record((
    Field("age", Int(16, 100), description="Age in years."),
    Field("occupation", TEXT, description="Job."),
    Field("family", TEXT, description="Household."),
    Field("budget", Num(0), description="Budget in yuan."),
    Field("current_car", TEXT, description="The car they drive now, if any."),
    Field("intent_grade", Choice(("A", "B", "C", "D"), "intent grade"),
          description="A buy soon, B clear need but undecided, C latent need, D none."),
), description="Who the customer is. Each key may be used as a {placeholder} in lines.",
   unknown_hint="; put other values in facts")

NEED = Record((
    Field("id", ID, True, "Unique within the persona; goals refer to it."),
    Field("topic", TOPIC, True, "What the need is about."),
    Field("importance", Int(1, 3), False, "1 nice to have, 2 matters, 3 decisive (weights the score).", 2),
    Field("depth", Choice(model.NEED_DEPTHS, "need depth"), False,
          "'deep' needs are revealed only by a probe once min_trust is reached.", "surface"),
    Field("reveal", Record((
        Field("by", TECHNIQUES, True, "The techniques that can reveal the need."),
        Field("topics", TOPICS, False, "Topics a question must be about (default: the need's topic)."),
        Field("min_trust", Int(0), False, "Trust (0-100) needed before it is revealed.", 0),
    )), True, "What makes the customer tell the need."),
    Field("says", LINES, True, "What the customer says when revealing it."),
    Field("name", TEXT, False, "Display name for meters and reports, zh and en (default: built from the topic)."),
))

OBJECTION_SAYS = Record(tuple(
    Field(step, LINES, True, meaning) for step, meaning in (
        ("raise", "Raising the objection."),
        ("cause", "The real cause, told when probed."),
        ("accepted", "Accepting the evidence."),
        ("resolved", "Confirming the objection is settled."),
    )
))

OBJECTION = Record((
    Field("id", ID, True, "Unique within the persona; goals refer to it."),
    Field("kind", Choice(model.OBJECTION_KINDS, "objection kind"), True, "What kind of objection."),
    Field("topic", TOPIC, False, "What it is about.", "concern"),
    Field("raise", Record((
        Field("by", TECHNIQUES, True, "Techniques that make the customer raise it."),
        Field("min_turn", Int(1), False, "Not raised before this turn.", 1),
    ), hints={"on": ("; write 'by' (YAML 1.1 reads a bare on as true)", "by")}), True, "When the customer raises it."),
    Field("resolve", Record((
        Field("evidence", CUES, True, "Words in the trainee's evidence that address it, per language."),
        Field("figure", FIGURE, False, "What a number in the evidence must show, checked against a numeric fact."),
        SHOW_FIELD,
    )), True, "What resolves it (after empathy and a probe, before a confirm question)."),
    Field("says", OBJECTION_SAYS, True, "What the customer says at each step."),
    Field("name", TEXT, False, "Display name for meters and reports, zh and en (default: built from the kind)."),
))

REACTIONS = Record(
    tuple(Field(name, LINES, True, missing_code="missing-line") for name in model.REACTION_LINES)
    + tuple(Field(name, LINES, False, "Optional (simkit has words of its own); may use "
                  + (", ".join("{" + p + "}" for p in model.LINE_PARAMETERS.get(name, ())) or "the facts") + ".")
            for name in model.OPTIONAL_REACTION_LINES),
    description="Reaction lines every persona needs, in every language.",
    missing_noun="reaction line",
)

ANSWERS = Record(
    tuple(Field(topic, LINES, False, f"What the customer says when asked about {topic}.") for topic in labels.TOPICS),
    description="Short truthful answers, per topic label.",
    missing_noun="topic",
)

FORMAT = Field(formats.KEY, Int(1, formats.FORMAT_VERSION), False,
               f"The file's format (absent: 1); `simkit migrate` brings older files to {formats.FORMAT_VERSION}.",
               formats.FORMAT_VERSION)

PERSONA = Record((
    FORMAT,
    Field("kind", Choice(("persona",), "kind"), True, "Always 'persona'."),
    Field("id", PERSONA_ID, True, "Unique persona id; scenarios refer to it."),
    Field("name", TEXT, True, "The customer's name."),
    Field("summary", TEXT, True, "Who they are, for trainers."),
    Field("profile", PROFILE, False, "Age, job, family, budget, current car, intent grade."),
    Field("traits", TRAITS, True, "Patience, trust, interest."),
    Field("facts", FACTS, False, "Values for {placeholders} in lines, usually bilingual; "
          "a numeric fact {value, zh, en} also feeds the rules."),
    Field("needs", ListOf(NEED, 1), True, "Hidden needs the trainee must discover."),
    Field("objections", ListOf(OBJECTION), False, "Objections the customer raises."),
    Field("lines", REACTIONS, True, "Reaction lines."),
    Field("answers", ANSWERS, False, "Per topic, a short truthful answer that tells no need: what the customer "
          "says to a question on that topic that reveals nothing (a closed question, a deep need not yet earned)."),
    Field("availability", AVAILABILITY, False, "When the customer is free for an appointment (default: any time)."),
    Field("negotiation", NEGOTIATION, False, "How the customer answers amounts offered to them."),
    PERSONA_ROLE,
    PERSONA_DECISION_MAKER,
), description="A simulated customer.")

ASK = Record((
    Field("id", ID, True, "Unique within the scenario."),
    Field("topic", TOPIC, True, "What the question is about."),
    Field("turn", Int(0), True, "The turn it is asked at (0: in the opening)."),
    Field("says", LINES, True, "The question."),
    Field("answer", TEXT, False, "A good answer, zh and en: the strong line of choice mode while the question waits "
          "(default: a model answer for the topic)."),
))

GOAL = Record((
    Field("kind", Choice(model.GOAL_KINDS, "goal kind"), True, "What the trainee must obtain."),
    Field("requires", Record((
        Field("min_trust", PERCENT, False, "Trust needed, 0-100.", 0),
        Field("min_interest", PERCENT, False, "Interest needed, 0-100.", 0),
        Field("needs", ListOf(ID), False, "Need ids that must be revealed first."),
        Field("objections", ListOf(ID), False, "Objection ids that must be resolved first."),
        *REQUIRES_FIELDS,
    )), False, "What a successful close needs."),
    Field("accept", LINES, True, "What the customer says when agreeing; for a test drive or a visit it may "
          "say the time booked as {time}."),
    Field("name", TEXT, False, "Display name for reports, zh and en, read after 'the customer agreed to' "
          "(default: the goal kind's, such as 'a test drive')."),
    *GOAL_FIELDS,
))

CHOICE_LINE = Record((
    Field("kind", Choice(("strong", "weak", "harmful"), "choice kind"), True,
          "How good the line is: strong, weak (plausible but weak) or harmful."),
    Field("says", TEXT, True, "The line, in zh and en."),
))

#: Choice mode's candidate lines, per stage of the conversation (all optional).
STAGE_CHOICES = Record(tuple(
    Field(stage, ListOf(CHOICE_LINE), False, f"Candidate lines offered while the stage is {stage}.")
    for stage in ("reception", "needs", "presentation", "objection", "closing")))

SCENARIO = Record((
    FORMAT,
    Field("kind", Choice(("scenario",), "kind"), True, "Always 'scenario'."),
    Field("id", SCENARIO_ID, True, "Unique scenario id with a version, like 'showroom-family-suv-v1'."),
    Field("title", TEXT, True, "Title."),
    Field("brief", TEXT, True, "The situation and the task, shown to the trainee."),
    Field("persona", PERSONA_ID, True, "Id of the persona the trainee talks to."),
    Field("channel", Choice(model.CHANNELS, "channel"), True, "Where the conversation happens."),
    Field("tags", ListOf(ID), False, "Tags for listing and filtering."),
    Field("business_line", Choice(model.BUSINESS_LINES, "business line"), False,
          "Which part of the dealership this is (simkit catalog)."),
    Field("skills", ListOf(Choice(model.SKILLS, "skill"), 1), False, "The skills it trains, main one first."),
    Field("difficulty", Choice(model.DIFFICULTIES, "difficulty"), False, "beginner, intermediate or advanced."),
    Field("opening", LINES, True, "The customer's first words."),
    Field("asks", ListOf(ASK), False, "Questions the customer asks at set turns; they must be answered."),
    Field("max_turns", Int(1, 200), False, "Turn limit.", 20),
    Field("goal", GOAL, True, "The goal of the conversation."),
    Field("weekday", WEEKDAY, False, "The weekday the conversation happens on; relative days count from it.", "mon"),
    Field("variants", VARIANTS, False, "What the seed may vary; a session draws one (seed % count)."),
    SCENARIO_ROLE,
    SCENARIO_CLOCK,
    Field("scoring", SCORING, False, "Rubric weights and pass rules (default rubric when absent)."),
    Field("choices", STAGE_CHOICES, False, "Choice mode's candidate lines per stage (built from the persona "
                                           "and the model lines where a stage has none)."),
), description="A persona in a situation with a goal.")

SCRIPT = Record((
    Field("lines", ListOf(Str(), 1), True, "What the trainee types, one line per turn."),
    Field("delays", ListOf(Int(0, 86400)), False, "Seconds from the customer's line to each trainee line "
          f"(timed channels; default {references.DEFAULT_DELAY} each)."),
    Field("until_done", Bool(), False, "Stop when the customer leaves, who must have left by the last line.", False),
))

EXPECTATION = Record((
    Field("passed", Bool(), True, "Whether the attempt must pass."),
    Field("outcome", Choice(references.OUTCOMES, "outcome"), True, "success, defeat or open."),
    Field("min_total", PERCENT, False, "The lowest total (0-100) the level may score.", 0),
    Field("max_total", PERCENT, False, "The highest total (0-100) the level may score.", 100),
    Field("tier", Str(), False, "The tier a pass must reach (pass, merit, distinction, ...)."),
    Field("failures", ListOf(Str()), False, "Failure codes that must be among the verdict's "
          "(below-threshold, missing:<behaviour>, forbidden:<act>)."),
    Field("evidence", ListOf(Str()), False, "Evidence that must be on the scorecard: 'dimension turn reason "
          "[param=value ...]', turn '-' for the whole conversation, '*' for any turn."),
    Field("feedback", ListOf(Str()), False, "The first improvement codes, in order."),
))

REFERENCES = Record((
    FORMAT,
    Field("kind", Choice(("references",), "kind"), True, "Always 'references'."),
    Field("scenario", SCENARIO_ID, True, "The id of the scenario these conversations are for."),
    Field("seed", Int(0), False, "The seed every reference conversation is played with.", 0),
    Field("scripts", Record(tuple(
        Field(level, Record(tuple(Field(lang, SCRIPT, True, f"In {lang}.") for lang in LANGS)), True,
              f"The {level} salesperson, in every language.") for level in references.LEVELS)),
        True, "What each reference salesperson types."),
    Field("expect", Record(tuple(Field(level, EXPECTATION, True, f"What the {level} salesperson must get.")
                                 for level in references.LEVELS)),
        True, "What each level must get, in every language."),
), description="A scenario's reference conversations: strong, average and poor, and what each must get.")

#: The declaration of each kind of file.
KINDS: dict[str, Record] = {"persona": PERSONA, "scenario": SCENARIO, "references": REFERENCES}
KIND_NAMES = "persona, scenario or references"


@dataclass
class CheckedDocument:
    """A parsed file after schema validation.

    Attributes:
        doc: The parsed file.
        kind: ``"persona"``, ``"scenario"`` or ``None`` when the kind is unknown.
        problems: Every schema problem, in the order found.
        spoken: ``(path, text)`` of every line the customer may say (for placeholder checks).
        migrated: The edits made in memory to bring an older file to the current format
            (``simkit migrate`` makes them in the file); empty for a current file.
        format_version: The format the file was written in.
    """

    doc: YamlDoc
    kind: str | None
    problems: list[Problem] = field(default_factory=list)
    spoken: list[tuple[YamlPath, str]] = field(default_factory=list)
    migrated: list[formats.Change] = field(default_factory=list)
    format_version: int = formats.FORMAT_VERSION

    @property
    def data(self) -> dict[str, Any]:
        """The file's top-level mapping (empty when it is not a mapping)."""
        return self.doc.data if isinstance(self.doc.data, dict) else {}


def check_document(doc: YamlDoc) -> CheckedDocument:
    """Validate a parsed file against the schema of its ``kind``.

    Example:
        >>> from simkit.content.yamlsource import parse_yaml
        >>> doc, _ = parse_yaml(b"kind: persona\\nid: li\\nnmae: {zh: x, en: y}\\n", "li.yaml")
        >>> [p.format() for p in check_document(doc).problems][0]
        "li.yaml:3:1: nmae: unknown field 'nmae'; did you mean 'name'? (unknown-field)"
    """
    if not isinstance(doc.data, dict):
        return CheckedDocument(doc, None)
    ctx = Context(doc)
    kind = doc.data.get("kind")
    if "kind" not in doc.data:
        ctx.report((), "missing-field", f"missing required field 'kind' ({KIND_NAMES})")
    elif not isinstance(kind, str):
        ctx.report(("kind",), "wrong-type", f"expected {KIND_NAMES}, got {describe(kind)}")
    elif kind not in KINDS:
        hint = suggest(str(kind), KINDS) or f"; expected {KIND_NAMES}"
        ctx.report(("kind",), "unknown-kind", f"unknown kind {kind!r}{hint}")
    elif _format_readable(doc.data, ctx):
        version = formats.version_of(doc.data) or formats.FORMAT_VERSION
        migrated = formats.upgrade(doc.data)  # an older file is checked (and loaded) as its migrated copy
        KINDS[kind].check(doc.data, (), ctx)
        return CheckedDocument(doc, kind, ctx.problems, ctx.spoken, migrated, version)
    return CheckedDocument(doc, None, ctx.problems)


def _format_readable(data: dict[str, Any], ctx: Context) -> bool:
    """Whether this simkit can read the file's format; a newer one is one problem, not a cascade."""
    version = data.get(formats.KEY)
    if isinstance(version, int) and not isinstance(version, bool) and version > formats.FORMAT_VERSION:
        ctx.report((formats.KEY,), "newer-format", f"format {version} is newer than this simkit reads "
                   f"({formats.FORMAT_VERSION}); update simkit to load this file")
        return False
    return True


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file, or of both when ``kind`` is None.

    Raises:
        UnknownIdError: ``kind`` is neither ``"persona"`` nor ``"scenario"``.

    Example:
        >>> json_schema("persona")["properties"]["kind"]
        {'enum': ['persona'], 'description': "Always 'persona'."}
    """
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if kind is not None:
        if kind not in KINDS:
            raise UnknownIdError("kind", kind, KINDS)
        return {**header, "title": f"simkit {kind} file", **KINDS[kind].json(), "$defs": dict(DEFS)}
    defs = {**DEFS, **{name: record.json() for name, record in KINDS.items()}}
    return {
        **header,
        "title": f"simkit {KIND_NAMES} file",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(KINDS), "description": "What the file declares."}},
        "allOf": [
            {"if": {"properties": {"kind": {"const": name}}}, "then": {"$ref": f"#/$defs/{name}"}}
            for name in KINDS
        ],
        "$defs": defs,
    }
