"""Type checks shared by the validators: JSON numbers and integers as the platforms read them
(Python's bool is an int, and none of the platforms accepts true as a score)."""


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_text(value, allow_empty: bool = True) -> bool:
    return isinstance(value, str) and (allow_empty or value != "")
