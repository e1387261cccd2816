"""Plain record classes: the bank, answers and result types that a short command works with.

Importing pydantic and building its models took most of a ``score``'s time (about 200 of 540
ms), although a bundled bank read from the cache, a well-formed answers file and a result drawn
as text need no validation at all. So the types the engine and the reports work with are
records: frozen classes with keyword ``__init__``, equality, hashing and ``repr``, built with
one ``exec`` per class (a ``dataclass`` costs ten times that to define). Each family of records
has a mirror of pydantic models (its ``schema`` module) that validates untrusted input, prints
the JSON Schema and writes JSON; ``model_validate``, ``model_dump`` and ``model_copy`` here mean
what they mean in pydantic and go through that mirror when they need it. A test keeps each
record's fields, order and defaults the same as its model's.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar, dataclass_transform

T = TypeVar("T")
R = TypeVar("R", bound="Record")

_NO_DEFAULT: Any = object()


class _Factory:
    """A default made afresh for each record (a list, say), as ``default_factory`` does."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is ``default_factory()``, made afresh for each record."""
    return _Factory(default_factory)  # type: ignore[return-value]


def _annotated(cls: type) -> list[tuple[type, str, str]]:
    """Each field's class, name and annotation, base classes first; the annotations of a mixin
    (a base that is not a record) and class variables are not fields."""
    found = []
    for klass in reversed(cls.__mro__):
        if issubclass(klass, Record):
            for name, annotation in inspect.get_annotations(klass).items():
                if not str(annotation).startswith("ClassVar"):
                    found.append((klass, name, str(annotation)))
    return found


def _frozen(self: object, name: str, value: object) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")


def _undeletable(self: object, name: str) -> None:
    raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: type[R]) -> type[R]:
    """Make ``cls`` (a :class:`Record` subclass with annotated fields) a frozen record."""
    names: list[str] = []
    defaults: dict[str, Any] = {}
    for klass, name, _ in _annotated(cls):
        if name not in names:
            names.append(name)
        if name in klass.__dict__:
            defaults[name] = klass.__dict__[name]
    params, body = [], []
    for name in names:
        default = defaults.get(name, _NO_DEFAULT)
        if default is _NO_DEFAULT:
            params.append(name)
        elif isinstance(default, _Factory):
            params.append(f"{name}=_MISSING")
            body.append(f"  if {name} is _MISSING: {name} = _defaults[{name!r}].make()")
        else:
            params.append(f"{name}=_defaults[{name!r}]")
        body.append(f"  _set(self, {name!r}, {name})")
    source = f"def __init__(self, *, {', '.join(params)}):\n" + "\n".join(body or ["  pass"])
    scope: dict[str, Any] = {"_defaults": defaults, "_MISSING": _NO_DEFAULT}
    scope["_set"] = object.__setattr__
    exec(source, scope)  # one function per class: the cheap part of what dataclasses does
    for name in names:  # class attributes holding defaults would hide nothing, but go
        if name in cls.__dict__:
            delattr(cls, name)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    cls.__record_fields__ = tuple(names)
    cls.__record_defaults__ = defaults
    return cls


class Record:
    """Base of every record: equality, hashing, ``repr`` and pydantic's copying and dumping.

    ``__schema__`` names the module holding the pydantic mirror of a family of records; its
    model for a record has the record's class name.
    """

    __record_fields__: ClassVar[tuple[str, ...]] = ()
    __record_defaults__: ClassVar[dict[str, Any]] = {}
    __schema__: ClassVar[str] = ""

    __setattr__ = _frozen
    __delattr__ = _undeletable

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__record_fields__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (type(self), dict(zip(self.__record_fields__, self._values(), strict=True))),
        )

    def model_copy(self: R, *, update: Mapping[str, Any] | None = None) -> R:
        """A copy with the fields in ``update`` changed, not validated (as in pydantic)."""
        values = dict(zip(self.__record_fields__, self._values(), strict=True))
        if update:
            unknown = set(update) - set(values)
            if unknown:
                raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
            values.update(update)
        return type(self)(**values)

    @classmethod
    def schema_model(cls) -> Any:
        """The pydantic model this record mirrors (imports pydantic)."""
        return getattr(importlib.import_module(cls.__schema__), cls.__name__)

    @classmethod
    def model_validate(cls: type[R], data: Any, *, strict: bool | None = None) -> R:
        """``data`` validated by the pydantic mirror (its errors are pydantic's), as a record."""
        return cls.from_schema(cls.schema_model().model_validate(data, strict=strict))

    @classmethod
    def model_validate_json(cls: type[R], text: str | bytes) -> R:
        """JSON text validated by the pydantic mirror, as a record."""
        return cls.from_schema(cls.schema_model().model_validate_json(text))

    @classmethod
    def from_schema(cls: type[R], model: Any) -> R:
        """A validated instance of the pydantic mirror (and the models inside it) as records."""
        found = from_model(model, cls)
        if not isinstance(found, cls):
            raise TypeError(f"{cls.__name__} from {type(model).__name__}: not its mirror")
        return found

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """What the pydantic mirror's ``model_dump_json`` gives for this record."""
        text: str = self.as_model().model_dump_json(indent=indent)
        return text

    def as_model(self) -> Any:
        """This record as its pydantic mirror, validated (so JSON output is checked too)."""
        return self.schema_model().model_validate(plain(self))

    def model_dump(self, *, mode: str = "python", exclude_none: bool = False) -> dict[str, Any]:
        """What the pydantic mirror's ``model_dump`` gives for this record."""
        dumped: dict[str, Any] = self.as_model().model_dump(mode=mode, exclude_none=exclude_none)
        return dumped


def _rebuild(cls: type[R], values: dict[str, Any]) -> R:
    return cls(**values)


def plain(value: Any) -> Any:
    """Records as dicts of their fields, recursively (lists and dicts too); other values as is."""
    if isinstance(value, Record):
        return {name: plain(getattr(value, name)) for name in value.__record_fields__}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def from_model(value: Any, family: type[Record]) -> Any:
    """A validated pydantic model (and the models inside it) as the records of ``family``'s
    module, which has a record of the same name for each model."""
    module = importlib.import_module(family.__module__)
    return _convert(value, vars(module))


def _convert(value: Any, names: Mapping[str, Any]) -> Any:
    fields = getattr(type(value), "__pydantic_fields__", None)
    if fields is not None:
        kind = names[type(value).__name__]
        return kind(**{name: _convert(getattr(value, name), names) for name in fields})
    if isinstance(value, list):
        return [_convert(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _convert(item, names) for key, item in value.items()}
    return value


def from_data(cls: type[R], data: Mapping[str, Any]) -> R:
    """A record from plain data (such as JSON) already known to be valid: the nested mappings
    become the records the field annotations name; missing fields take their defaults."""
    nested = _nested(cls)
    values: dict[str, Any] = {}
    for name, value in data.items():
        kind = nested.get(name)
        if kind is None or value is None:
            values[name] = value
        elif isinstance(value, list):
            values[name] = [from_data(kind, item) for item in value]
        else:
            values[name] = from_data(kind, value)
    return cls(**values)


_NESTED: dict[type[Record], dict[str, type[Record]]] = {}


def _nested(cls: type[Record]) -> dict[str, type[Record]]:
    """Which fields of ``cls`` hold records (or lists of them), read from the annotations."""
    found = _NESTED.get(cls)
    if found is None:
        import re

        names = vars(importlib.import_module(cls.__module__))
        found = {}
        for _, name, annotation in _annotated(cls):
            kinds = [
                names[word]
                for word in re.findall(r"[A-Za-z_]\w*", annotation)
                if isinstance(names.get(word), type) and issubclass(names[word], Record)
            ]
            if len(kinds) > 1 or annotation.startswith("dict["):
                raise TypeError(f"{cls.__name__}.{name}: from_data cannot build {annotation}")
            if kinds:
                found[name] = kinds[0]
        _NESTED[cls] = found
    return found
