"""The content library: every persona and scenario loaded from files, validated as a whole.

Example:
    >>> from simkit.content import default_library
    >>> library = default_library()
    >>> scenario = library.scenario("showroom-family-suv-v1")
    >>> library.persona(scenario.persona_id).name["en"]
    'Zhou Jian'
    >>> library.content_hash(scenario.id).startswith("sha256:")
    True
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from simkit.content.checks import run_checks
from simkit.content.model import Persona, Scenario
from simkit.content.problems import Problem
from simkit.content.references import References
from simkit.content.schema import CheckedDocument, check_document
from simkit.content.yamlsource import MAX_BYTES, declared, read_yaml
from simkit.errors import ContentError, UnknownIdError

ENV_VAR = "SIMKIT_SCENARIOS"
SUFFIXES = (".yaml", ".yml")
PathLike = str | os.PathLike[str]


class Library:
    """Validated personas and scenarios, by id. Read-only; build with :func:`load_library`.

    Attributes:
        personas: Persona id -> :class:`~simkit.content.model.Persona`, sorted by id.
        scenarios: Scenario id -> :class:`~simkit.content.model.Scenario`, sorted by id.
        references: Scenario id -> its reference conversations
            (:class:`~simkit.content.references.References`), for the scenarios that have them;
            of several files (one per seed, for a scenario with variants) the first by file name.
        reference_sets: Scenario id -> all its references files, by file name.
    """

    def __init__(self, personas: Iterable[Persona], scenarios: Iterable[Scenario], hashes: Mapping[str, str],
                 references: Iterable[References] = ()) -> None:
        by_id = operator.attrgetter("id")
        self.personas: Mapping[str, Persona] = MappingProxyType({p.id: p for p in sorted(personas, key=by_id)})
        self.scenarios: Mapping[str, Scenario] = MappingProxyType({s.id: s for s in sorted(scenarios, key=by_id)})
        by_file = sorted(references, key=lambda r: (r.scenario_id, str(r.source)))
        sets: dict[str, tuple[References, ...]] = {}
        for refs in by_file:
            sets[refs.scenario_id] = (*sets.get(refs.scenario_id, ()), refs)
        self.reference_sets: Mapping[str, tuple[References, ...]] = MappingProxyType(sets)
        self.references: Mapping[str, References] = MappingProxyType({k: v[0] for k, v in sets.items()})
        self._hashes = dict(hashes)

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id.

        Raises:
            UnknownIdError: no such scenario (the error suggests close ids).
        """
        return _lookup("scenario", scenario_id, self.scenarios)

    def persona(self, persona_id: str) -> Persona:
        """The persona with this id.

        Raises:
            UnknownIdError: no such persona (the error suggests close ids).
        """
        return _lookup("persona", persona_id, self.personas)

    def content_hash(self, scenario_id: str) -> str:
        """``"sha256:<hex>"`` of the scenario's content and its persona's.

        Computed from canonical JSON (sorted keys) of the parsed files, so comments, quoting and
        layout do not change it; any change of content does.

        Raises:
            UnknownIdError: no such scenario.
        """
        self.scenario(scenario_id)
        return self._hashes[scenario_id]

    def catalogue(self) -> list[dict[str, Any]]:
        """One JSON-ready row per scenario: id, title (zh/en), tags, channel, persona and the
        catalogue metadata (business line, skills, difficulty; None or [] when not given).

        Example:
            >>> default_library().catalogue()[0]["id"]
            'online-lead-lowest-price-v1'
        """
        return [
            {"id": s.id, "title": dict(s.title), "tags": list(s.tags), "channel": s.channel, "persona": s.persona_id,
             "business_line": s.business_line, "skills": list(s.skills), "difficulty": s.difficulty}
            for s in self.scenarios.values()
        ]

    def __repr__(self) -> str:
        return f"<Library: {len(self.personas)} personas, {len(self.scenarios)} scenarios>"


def _lookup(kind: str, item_id: str, items: Mapping[str, Any]) -> Any:
    try:
        return items[item_id]
    except KeyError:
        raise UnknownIdError(kind, item_id, items) from None


def load_library(paths: PathLike | Iterable[PathLike]) -> Library:
    """Load, validate and cross-check every ``*.yaml``/``*.yml`` file under ``paths``.

    Args:
        paths: Files or folders (searched recursively, skipping hidden ones), or a single one.

    Raises:
        ContentError: any problem at all; ``.problems`` lists every one, sorted.
    """
    _, documents, problems = check_paths(paths)
    if problems:
        raise ContentError(problems)
    personas: list[Persona] = []
    scenarios: list[Scenario] = []
    references: list[References] = []
    data: dict[str, dict[str, Any]] = {}
    for document in documents:
        source = Path(document.doc.file)
        try:
            if document.kind == "persona":
                personas.append(Persona.from_data(document.data, source=source))
                data[document.data["id"]] = document.data
            elif document.kind == "scenario":
                scenarios.append(Scenario.from_data(document.data, source=source))
            else:
                references.append(References.from_data(document.data, source=source))
        except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - a gap in the schema
            problems.append(document.doc.problem((), "invalid-value", f"cannot build the {document.kind}: {exc!r}"))
    if problems:  # pragma: no cover
        raise ContentError(problems)
    hashes = {
        document.data["id"]: _hash(document.data, data[document.data["persona"]])
        for document in documents
        if document.kind == "scenario"
    }
    return Library(personas, scenarios, hashes, references)


def validate_paths(paths: PathLike | Iterable[PathLike]) -> list[Problem]:
    """Every problem of the files under ``paths``, sorted by file and position (empty: all clean).

    Example:
        >>> validate_paths(default_scenarios_path())
        []
    """
    return check_paths(paths)[2]


def default_scenarios_path() -> Path:
    """``$SIMKIT_SCENARIOS`` if set, else the repository's ``scenarios/`` folder."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent.parent / "scenarios"


_cache: dict[str, tuple[tuple[Any, ...], Library]] = {}
_cache_lock = threading.Lock()


def default_library() -> Library:
    """The library of :func:`default_scenarios_path`, cached until a file there changes.

    Raises:
        ContentError: the folder is missing or its files have problems.
    """
    root = default_scenarios_path()
    key = os.path.abspath(root)
    stamp = _stamp(key)
    with _cache_lock:
        cached = _cache.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        library = load_library([root])
        _cache[key] = (stamp, library)
        return library


def _stamp(root: str) -> tuple[tuple[str, int, int], ...]:
    """Every content file under ``root`` with its modification time and size, sorted.

    What a session start checks to know the cached library is current: one ``os.scandir`` per
    folder (about 80 us for scenarios/, where finding and resolving the files as
    :func:`find_content_files` does cost most of a session start).
    """
    if os.path.isfile(root):  # $SIMKIT_SCENARIOS may name one file
        stat = os.stat(root)
        return ((root, stat.st_mtime_ns, stat.st_size),)
    found: list[tuple[str, int, int]] = []
    folders = [root]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue  # a missing folder: load_library reports it
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                folders.append(entry.path)
            elif entry.name.endswith(SUFFIXES):
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                found.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def find_content_files(paths: PathLike | Iterable[PathLike]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The YAML files under ``paths``, as ``(path, name shown in problems)``, sorted and unique.

    Folders are searched recursively for ``*.yaml`` and ``*.yml``, skipping hidden files and
    folders (such as ``.ipynb_checkpoints``); files given by name are taken whatever their suffix.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found: dict[Path, str] = {}
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(_walk(path))
            if not inside:
                problems.append(Problem(str(path), 1, 1, "", "no-files", "no *.yaml or *.yml file in this folder"))
            for file in inside:
                found.setdefault(file.resolve(), str(file))
        elif path.exists():
            found.setdefault(path.resolve(), str(path))
        else:
            problems.append(Problem(str(path), 1, 1, "", "no-such-path", "no such file or folder"))
    files = sorted(((Path(name), name) for name in found.values()), key=lambda item: item[1])
    return files, problems


def _walk(root: Path) -> Iterable[Path]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.endswith(SUFFIXES):
                yield Path(folder) / name


def check_paths(
    paths: PathLike | Iterable[PathLike],
) -> tuple[list[tuple[Path, str]], list[CheckedDocument], list[Problem]]:
    """Find, read and check every content file under ``paths`` in one pass.

    Returns:
        ``(files, documents, problems)``: the files found (path, shown name), the documents that
        parsed, and every problem, sorted.
    """
    files, problems = find_content_files(paths)
    documents: list[CheckedDocument] = []
    unparsed: set[tuple[str, str]] = set()  # (kind, id) declared by files that did not parse
    for path, name in files:
        doc, found = read_yaml(path, file=name)
        problems.extend(found)
        if doc is not None:
            document = check_document(doc)
            said = {(p.line, p.column) for p in found}  # a parse problem says it already (an odd tag)
            problems.extend(p for p in document.problems if (p.line, p.column) not in said)
            documents.append(document)
        else:
            unparsed.add(_declared(path))
    problems.extend(run_checks(documents, unparsed=unparsed))
    return files, documents, sorted(set(problems))


def _declared(path: Path) -> tuple[str, str]:
    try:
        with path.open("rb") as stream:
            kind, item_id = declared(stream.read(MAX_BYTES))
    except OSError:
        return "", ""
    return kind or "", item_id or ""


def _hash(scenario: dict[str, Any], persona: dict[str, Any]) -> str:
    canonical = json.dumps(
        {"persona": persona, "scenario": scenario},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
