"""Compose parser events into plain data and positions, with an explicit stack (no recursion).

Used by :mod:`simkit.content.yamlsource`. Counting every node, including each time an alias
repeats its anchor's nodes, is what stops "billion laughs" bombs; the stack depth check stops
deeply nested input before anything recursive sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from simkit.content.problems import Problem, YamlPath, format_path

MAX_NODES = 100_000  # nodes counted through aliases
MAX_DEPTH = 64  # nesting of mappings and sequences

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + "null", _T + "bool", _T + "int", _T + "float"}
_MERGE = object()  # the pending key of a ``<<:`` entry


class Fatal(Exception):
    """A problem that stops composing: ``where`` is ``(line, column, code, message)``."""

    def __init__(self, line: int, column: int, code: str, message: str) -> None:
        super().__init__(message)
        self.where = (line, column, code, message)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: YamlPath | None  # None: composing something that will be thrown away (a complex key)
    anchor: str | None
    start: tuple[int, int]
    first_node: int
    first_log: int
    key: Any = None  # mappings: the pending key (None: expecting a key)
    merges: list[tuple[Any, YamlPath]] = field(default_factory=list)


class Composer:
    """Builds data from parser events with an explicit stack, counting nodes through aliases."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.marks: dict[YamlPath, tuple[int, int]] = {}
        self.key_marks: dict[YamlPath, tuple[int, int]] = {}
        self.log: list[tuple[YamlPath, bool, tuple[int, int]]] = []  # (path, is_key, mark), in order
        self.anchors: dict[str, tuple[Any, YamlPath | None, int, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.aliased = False

    def compose(self, events: Any) -> tuple[Any, bool]:
        """Return ``(data, empty)`` for the single document in ``events``."""
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        empty = True
        for event in events:
            cls = type(event)
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            if cls is yaml.ScalarEvent or cls is yaml.AliasEvent:
                if cls is yaml.AliasEvent:
                    value = self._alias(event, stack, mark)
                else:
                    value = self._scalar(event, stack, mark)
                    if not stack and event.value == "" and event.implicit[0] and event.tag is None:
                        continue  # an empty document
                empty = False
                if stack:
                    self._place(stack, value, mark)
                else:
                    root = value
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                empty = False
                path = self._next_path(stack, mark)
                self._count(mark)
                if len(stack) >= MAX_DEPTH:
                    raise Fatal(*mark, "too-deep", f"collections nested more than {MAX_DEPTH} levels deep")
                self._check_tag(event.tag, "map" if cls is yaml.MappingStartEvent else "seq", path, mark)
                if path is not None:
                    self._mark(path, mark)
                if event.anchor:
                    self.open_anchors.add(event.anchor)
                container: Any = {} if cls is yaml.MappingStartEvent else []
                stack.append(_Frame(container, path, event.anchor, mark, self.nodes - 1, len(self.log) - 1))
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.merges:
                    self._merge(frame)
                if frame.anchor:
                    self.open_anchors.discard(frame.anchor)
                    self._define(frame.anchor, frame.container, frame.path, frame.first_log, frame.first_node)
                if stack:
                    self._place(stack, frame.container, frame.start)
                else:
                    root = frame.container
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    message = "more than one YAML document in the file; keep one per file"
                    raise Fatal(*mark, "multiple-documents", message)
        return root, empty

    # -- nodes ------------------------------------------------------------------------------

    def _count(self, mark: tuple[int, int], size: int = 1) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            if self.aliased:
                message = f"aliases expand to more than {MAX_NODES} nodes: document too large"
                raise Fatal(*mark, "too-many-aliases", message)
            raise Fatal(*mark, "document-too-large", f"document too large: more than {MAX_NODES} nodes")

    def _mark(self, path: YamlPath, mark: tuple[int, int], key: bool = False) -> None:
        (self.key_marks if key else self.marks)[path] = mark
        self.log.append((path, key, mark))

    def _next_path(self, stack: list[_Frame], mark: tuple[int, int]) -> YamlPath | None:
        if not stack:
            return ()
        top = stack[-1]
        if top.path is None:
            return None
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is None or isinstance(top.key, _Invalid):  # a key, or the value of a bad key
            return None
        return (*top.path, "<<") if top.key is _MERGE else (*top.path, top.key)

    def _scalar(self, event: yaml.ScalarEvent, stack: list[_Frame], mark: tuple[int, int]) -> Any:
        self._count(mark)
        top = stack[-1] if stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            value: Any = event.value  # a key: always its text
            if event.implicit[0] and event.value == "<<" and event.tag is None:
                value = _MERGE
        else:
            path = self._next_path(stack, mark)
            value = self._construct(event, path, mark)
            if path is not None:
                self._mark(path, mark)
        if event.anchor:
            path = self._next_path(stack, mark) if value is not _MERGE else None
            self._define(event.anchor, value, path, len(self.log) - 1, self.nodes - 1)
        return value

    def _construct(self, event: yaml.ScalarEvent, path: YamlPath | None, mark: tuple[int, int]) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit) if tag is None else _T + "str"
        if tag in _SCALAR_TAGS:
            try:
                return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, event.value), deep=True)
            except (ValueError, yaml.YAMLError):
                self._problem(path, mark, "invalid-value", f"{event.value!r} is not a valid {tag.removeprefix(_T)}")
                return event.value
        if tag not in (_T + "str", _T + "timestamp"):
            self._check_tag(tag, "str", path, mark)
        return event.value

    def _check_tag(self, tag: str | None, plain: str, path: YamlPath | None, mark: tuple[int, int]) -> None:
        if tag not in (None, "!", _T + plain):
            shown = "!!" + tag.removeprefix(_T) if tag.startswith(_T) else tag
            self._problem(path, mark, "unsupported-tag", f"YAML tag {shown} is not supported; remove it")

    def _problem(self, path: YamlPath | None, mark: tuple[int, int], code: str, message: str) -> None:
        self.problems.append(Problem(self.file, *mark, format_path(path or ()), code, message))

    # -- anchors and aliases ----------------------------------------------------------------

    def _define(self, name: str, value: Any, path: YamlPath | None, first_log: int, first_node: int) -> None:
        self.anchors[name] = (value, path, first_log, len(self.log), self.nodes - first_node)

    def _alias(self, event: yaml.AliasEvent, stack: list[_Frame], mark: tuple[int, int]) -> Any:
        name = event.anchor
        if name in self.open_anchors:
            raise Fatal(*mark, "recursive-alias", f"alias *{name} refers to a collection that contains it")
        if name not in self.anchors:
            raise Fatal(*mark, "yaml-syntax", f"alias *{name} has no matching anchor &{name} before it")
        value, source, first_log, end_log, size = self.anchors[name]
        self.aliased = True
        self._count(mark, size)
        top = stack[-1] if stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:
            return value  # used as a key; _place checks that it is a string
        target = self._next_path(stack, mark)
        if target is None or source is None:
            return value
        for path, key, where in self.log[first_log:end_log]:
            if path[: len(source)] == source:
                self._mark((*target, *path[len(source) :]), where, key)
        if target not in self.marks:
            self._mark(target, mark)
        return value

    # -- placing values ---------------------------------------------------------------------

    def _place(self, stack: list[_Frame], value: Any, mark: tuple[int, int]) -> None:
        top = stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if top.key is None:  # this value is a key
            if value is not _MERGE and not isinstance(value, str):
                self._problem(top.path, mark, "invalid-key", "mapping keys must be plain words, not collections")
                value = _Invalid()
            elif top.path is not None and value is not _MERGE:
                if value in top.container:
                    first = self.key_marks.get((*top.path, value), mark)
                    message = f"duplicate key {value!r} (first at line {first[0]}, column {first[1]})"
                    self._problem((*top.path, value), mark, "duplicate-key", message)
                self._mark((*top.path, value), mark, key=True)
            top.key = value
            return
        key, top.key = top.key, None
        if key is _MERGE:
            top.merges.append((value, (*top.path, "<<") if top.path is not None else ()))
        elif not isinstance(key, _Invalid):
            top.container[key] = value

    def _merge(self, frame: _Frame) -> None:
        mapping = frame.container
        assert isinstance(mapping, dict)
        explicit = set(mapping)
        for value, source in frame.merges:
            if isinstance(value, dict):
                sources = [(value, source)]
            else:
                sources = [(v, (*source, i)) for i, v in enumerate(value)] if isinstance(value, list) else []
            if not sources or not all(isinstance(v, dict) for v, _ in sources):
                self._problem(source, frame.start, "invalid-key", "'<<' merges a mapping or a list of mappings")
                continue
            for merged, merged_path in sources:
                added = {key for key in merged if key not in explicit}
                explicit |= added
                mapping.update((key, merged[key]) for key in merged if key in added)
                if frame.path is None:
                    continue
                depth = len(merged_path)
                for path, is_key, where in self.log[frame.first_log :]:
                    if len(path) > depth and path[depth] in added and path[:depth] == merged_path:
                        self._mark((*frame.path, *path[depth:]), where, is_key)


class _Invalid:
    """Stands for a key that could not be used; its value is dropped."""
