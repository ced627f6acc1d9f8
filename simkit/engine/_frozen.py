"""A faster ``__init__`` for the frozen dataclasses that replay and scoring build by the hundred
(beats here, views and evidence in :mod:`simkit.scoring`).

``@dataclass(frozen=True)`` generates an ``__init__`` that sets each field with
``object.__setattr__`` (plain assignment is forbidden on a frozen instance), looking that method
up on ``object`` again for every field, which makes building a frozen value about 60% slower
than it need be. Scoring one transcript builds a few hundred beats, views and evidence items, so
:func:`fast_init` swaps in an ``__init__`` that calls ``object.__setattr__`` directly. Nothing
else changes: the same parameters and defaults, the same attribute storage, and the instance is
still frozen once built; equality, hashing, ``repr``, pickling and ``dataclasses.replace`` work
as before.

Example:
    >>> @fast_init
    ... @dataclasses.dataclass(frozen=True)
    ... class Point:
    ...     x: int
    ...     y: int = 0
    >>> Point(1), Point(1, y=2) == Point(x=1, y=2)
    (Point(x=1, y=0), True)
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

T = TypeVar("T", bound=type)


def fast_init(cls: T) -> T:
    """Give the frozen dataclass ``cls`` an ``__init__`` with the same parameters that sets the
    fields with a direct ``object.__setattr__``.

    Only plain fields are supported (no ``init=False``, keyword-only fields, ``InitVar`` or names
    starting with ``_``), and no ``__post_init__`` or ``__slots__``: anything else raises
    ``TypeError`` rather than risk an ``__init__`` that differs from the generated one.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"fast_init: {cls.__name__} is not a plain frozen dataclass")
    fields = dataclasses.fields(cls)
    if len(fields) != len(cls.__dataclass_fields__):  # InitVar or ClassVar pseudo-fields
        raise TypeError(f"fast_init: {cls.__name__} has pseudo-fields")
    namespace: dict[str, object] = {"_UNSET": _FACTORY, "_set": object.__setattr__}
    arguments, lines = [], []
    for f in fields:
        if not f.init or f.kw_only or f.name.startswith("_") or f.name == "self":
            raise TypeError(f"fast_init: field {f.name!r} of {cls.__name__} is not a plain field")
        value = f.name
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            arguments.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            arguments.append(f"{f.name}=_UNSET")
            value = f"_factory_{f.name}() if {f.name} is _UNSET else {f.name}"
        else:
            arguments.append(f.name)
        lines.append(f"    _set(self, {f.name!r}, {value})")
    source = f"def __init__(self, {', '.join(arguments)}):\n" + "\n".join(lines or ["    pass"]) + "\n"
    exec(source, namespace)  # as dataclasses itself builds __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    cls.__init__ = init
    return cls


class _Factory:
    """The default of a field with a default factory: "call the factory" (as dataclasses shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
