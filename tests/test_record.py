"""The repr, == and hash klusterplan's classes share behave as attrs' own."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import klusterplan
from klusterplan import model
from klusterplan._support.record import Record


@attrs.frozen
class Written:
    name: str
    items: tuple[int, ...] = ()
    secret: bytes = attrs.field(default=b"", repr=False)
    shown: str = attrs.field(default="x", repr=lambda value: f"<{value}>")
    ignored: int = attrs.field(default=0, eq=False)


@attrs.frozen(repr=False, eq=False)
class Shared(Record):
    name: str
    items: tuple[int, ...] = ()
    secret: bytes = attrs.field(default=b"", repr=False)
    shown: str = attrs.field(default="x", repr=lambda value: f"<{value}>")
    ignored: int = attrs.field(default=0, eq=False)


CASES: list[tuple[Any, ...]] = [
    ("a",),
    ("l'été\n", (1, 2), b"hidden", "y", 3),
    ("a", (), b"", "x", 9),
    ("b", (1,)),
]


@pytest.mark.parametrize("args", CASES)
def test_repr_as_attrs_writes_it(args: tuple[Any, ...]) -> None:
    assert repr(Shared(*args)).replace("Shared", "Written", 1) == repr(Written(*args))


def test_equality_and_hash_as_attrs_has_them() -> None:
    for left in CASES:
        for right in CASES:
            same = Written(*left) == Written(*right)
            assert (Shared(*left) == Shared(*right)) is same
            assert (Shared(*left) != Shared(*right)) is (not same)
            if same:
                assert hash(Shared(*left)) == hash(Shared(*right))
    assert Shared("a") != Written("a")  # another class is never equal
    assert Shared("a").__eq__("a") is NotImplemented


def test_the_model_shares_them_and_plans_compare_by_value() -> None:
    classes = [getattr(model, name) for name in model.__all__]
    records = [c for c in classes if isinstance(c, type) and attrs.has(c)]
    assert len(records) > 25
    assert all(issubclass(c, Record) and "__eq__" not in c.__dict__ for c in records)
    plan = klusterplan.example()
    again = klusterplan.loads(klusterplan.dumps(plan))
    assert plan == again and hash(plan) == hash(again) and (plan != again) is False
    renamed = attrs.evolve(plan, library=attrs.evolve(plan.library, name="Annat"))
    assert plan != renamed and len({plan, again, renamed}) == 2
    assert repr(plan.library).startswith("Library(name='Byköpings bibliotek', ")


def test_a_mutable_class_stays_unhashable() -> None:
    options = klusterplan.ExportOptions()
    context = klusterplan.ExportContext(plan=klusterplan.example(), options=options, format="pdf")
    with pytest.raises(TypeError):
        hash(context)
