"""The two errors of the engine: a rule the author must correct, an answer to re-enter."""

from __future__ import annotations


class RuleError(ValueError):
    """A rule, item or template setting the author must correct.

    ``field`` names the offending key (``op``, ``value``, ``low``, ``high``, ``unit``,
    ``choices``, ``parts``, ``grade_bands`` …); ``message`` says in Chinese what to change.
    """

    def __init__(self, field: str, message: str, item_id: int | str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.item_id = item_id


class AnswerError(ValueError):
    """An answer the inspector must re-enter; ``message`` says in Chinese what to enter.

    Codes: not_a_number, too_many_digits, not_whole, negative, bad_unit, unknown_choice,
    unknown_part, bad_date, date_order (a date_pair's second date before its first),
    too_long (a barcode's code over its length), na_not_allowed, bad_value, unknown_item.
    ``item_id`` is set by ``score``.
    """

    def __init__(self, code: str, message: str, item_id: int | str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.item_id = item_id
