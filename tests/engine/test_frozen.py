"""fast_init gives frozen dataclasses a quicker __init__ and changes nothing else."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from simkit.engine._frozen import fast_init
from simkit.engine.beats import Beat
from simkit.scoring.scorecard import Evidence


@dataclasses.dataclass(frozen=True)
class Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = dataclasses.field(default_factory=tuple)


@fast_init
@dataclasses.dataclass(frozen=True)
class Fast:
    a: int
    b: str = "x"
    c: tuple[int, ...] = dataclasses.field(default_factory=tuple)


@pytest.mark.parametrize(("args", "kwargs"), [
    ((1,), {}), ((1, "y"), {}), ((1,), {"c": (2,)}), ((), {"a": 3, "b": "z"}),
])
def test_same_fields_defaults_and_factories(args: tuple, kwargs: dict) -> None:
    assert dataclasses.astuple(Fast(*args, **kwargs)) == dataclasses.astuple(Plain(*args, **kwargs))


def test_still_frozen_equal_hashable_replaceable_and_picklable() -> None:
    value = Fast(1, c=(2,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.a = 2  # type: ignore[misc]
    assert value == Fast(1, "x", (2,)) and hash(value) == hash(Fast(1, "x", (2,)))
    assert dataclasses.replace(value, b="y") == Fast(1, "y", (2,))
    assert pickle.loads(pickle.dumps(value)) == value
    assert repr(value) == "Fast(a=1, b='x', c=(2,))"


def test_bad_arguments_fail_as_before() -> None:
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast(1, d=2)  # type: ignore[call-arg]


def test_refuses_what_it_cannot_copy() -> None:
    with pytest.raises(TypeError):
        fast_init(dataclasses.dataclass(type("Mutable", (), {"__annotations__": {"a": int}})))

    @dataclasses.dataclass(frozen=True)
    class WithPost:
        a: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError):
        fast_init(WithPost)


@pytest.mark.parametrize("value", [Beat("react", "filler"), Evidence(1, "greeting")])
def test_simkit_values_stay_frozen(value: object) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.turn = 3  # type: ignore[attr-defined]
