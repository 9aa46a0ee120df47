"""Building the pipeline's own output values without validating them a second time.

Inputs are validated once, at the boundary. The quote lines, VAT lines and quotes the pipeline
then computes from them are built with :func:`trusted`, which fills a frozen model directly:
pydantic's validation (or even ``model_construct``, a Python loop over the fields) would cost
several times the arithmetic. Values read back from JSON are validated as usual, and the test
suite checks that every trusted value survives a validating round trip unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["trusted"]

Model = TypeVar("Model", bound=BaseModel)


@cache
def _shape(cls: type[BaseModel]) -> tuple[tuple[str, ...], frozenset[str], dict[str, Any]]:
    fields = cls.model_fields
    defaults = {name: f.default for name, f in fields.items() if not f.is_required()}
    return tuple(fields), frozenset(fields), defaults


_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[Model], /, **values: Any) -> Model:
    """An instance of ``cls`` holding ``values`` (plus field defaults), not validated again.

    Every value must already be of its field's type; an unknown or missing field is an error.
    """
    order, names, defaults = _shape(cls)
    try:
        if len(values) == len(order):  # every field given: the usual case
            data = {name: values[name] for name in order}
        else:
            data = {name: values[name] if name in values else defaults[name] for name in order}
            if not values.keys() <= names:
                raise KeyError(sorted(values.keys() - names))
    except KeyError as error:
        raise TypeError(f"{cls.__name__}: field {error} unknown or missing") from None
    instance = cls.__new__(cls)
    object.__setattr__(instance, "__dict__", data)
    _FIELDS_SET(instance, set(values))
    _EXTRA(instance, None)
    _PRIVATE(instance, None)
    return instance
