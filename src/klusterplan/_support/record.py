"""The ``repr``, ``==`` and ``hash`` shared by klusterplan's attrs classes.

attrs writes and compiles a ``__repr__``, an ``__eq__`` and a ``__hash__`` for
every class it makes: half the cost of making the class, paid by every
command at start-up for the fifty classes of the model, the rules and the
plugins. Those classes are declared with ``repr=False, eq=False`` on this
base instead, whose methods behave as attrs' own: ``Name(field=value, ...)``
without the fields declared ``repr=False``; equal when of the same class
with equal fields (those with ``eq=True``); a hash from the same fields.
Reading the fields goes through one :func:`operator.attrgetter` a class,
made when first needed, so comparing stays about as fast as attrs' code.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["Record", "getter"]

_Values = Callable[[object], tuple[Any, ...]]
_VALUES: dict[type, tuple[_Values, _Values]] = {}


def getter(names: tuple[str, ...]) -> _Values:
    """A function giving the tuple of an object's attributes ``names``, by one ``attrgetter``.

    For walks that visit every field of every object: one call costs less
    than a ``getattr`` a field.
    """
    if len(names) == 1:
        single = operator.attrgetter(names[0])
        return lambda item: (single(item),)
    if not names:
        return lambda item: ()
    return operator.attrgetter(*names)  # gives a tuple for two names or more


def _values(cls: type) -> tuple[_Values, _Values]:
    found = _VALUES.get(cls)
    if found is None:
        fields = attrs.fields(cls)
        compared = tuple(f.name for f in fields if f.eq)
        hashed = tuple(f.name for f in fields if f.hash or (f.hash is None and f.eq))
        if any(f.eq_key is not None for f in fields):
            raise TypeError(f"{cls.__qualname__}: a Record compares fields as they are")
        found = _VALUES[cls] = (getter(compared), getter(hashed))
    return found


class Record:
    """Base of an attrs class declared ``repr=False, eq=False``: attrs' methods, shared."""

    __slots__ = ()

    def __repr__(self) -> str:
        cls: Any = type(self)  # an attrs class: only they derive from Record
        parts = []
        for field in attrs.fields(cls):
            if field.repr is False:
                continue
            value = getattr(self, field.name, attrs.NOTHING)
            text = field.repr(value) if callable(field.repr) else repr(value)
            parts.append(f"{field.name}={text}")
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values(self.__class__)[0]
        return values(self) == values(other)

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash((self.__class__.__qualname__, *_values(self.__class__)[1](self)))
