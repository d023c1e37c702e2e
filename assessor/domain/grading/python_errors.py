"""Python's own error messages in the candidate's language.

Python speaks English ("expected ':'", "name 'x' is not defined"); a candidate reads "det
saknas ett kolon". Each known message is a pattern here and a text in ``messages.python``
(codes ``py_*``); a message no pattern knows keeps Python's own words. Only the words change:
the exception's name stays in front of a runtime error, so ``messages.hidden.problem_of``
still reads the kind of a crash, and nothing here decides whether a test passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessor.domain.grading.messages import CATALOGUE, sentence, text

SYNTAX = ("SyntaxError", "IndentationError", "TabError")
#: Python 3.10+ adds a hint to NameError and AttributeError in the traceback it prints
DID_YOU_MEAN = re.compile(r"^(?P<message>.*?)\.? Did you mean:? '?(?P<name>[^'?]+)'?\?$")
#: the last line of a traceback: ``Kind: message`` (a kind may be dotted: ``json.JSONDecodeError``)
ERROR_LINE = re.compile(r"^(?P<kind>[A-Za-z_][\w.]*(?:Error|Exception|Exit|Warning|Iteration|"
                        r"Interrupt))(?::\s?(?P<message>.*))?$")
#: Python's type names as a reader knows them; others are shown as they are
TYPES = ("int", "float", "str", "list", "dict", "tuple", "set", "bool", "NoneType")
TYPE_PARAMS = ("type", "left", "right", "other")


@dataclass(frozen=True)
class Known:
    """One message Python gives: the exception kinds it comes with, its pattern (named
    groups become the text's parameters) and the catalogue code of the translation."""

    kinds: tuple[str, ...]
    pattern: re.Pattern[str]
    code: str


def _known(kinds: str | tuple[str, ...], pattern: str, code: str) -> Known:
    return Known((kinds,) if isinstance(kinds, str) else kinds, re.compile(pattern), code)


KNOWN: tuple[Known, ...] = (
    # syntax, as ast.parse and compile() word it in Python 3.11
    _known(SYNTAX, r"expected ':'", "py_expected_colon"),
    _known(SYNTAX, r"invalid syntax\. Perhaps you forgot a comma\?", "py_forgot_comma"),
    _known(SYNTAX, r"invalid syntax\. Maybe you meant '==' or ':=' instead of '='\?",
           "py_meant_equals"),
    _known(SYNTAX, r"cannot assign to .+? here\. Maybe you meant '==' instead of '='\?",
           "py_meant_equals"),
    _known(SYNTAX, r"cannot assign to (?P<what>.+)", "py_cannot_assign"),
    _known(SYNTAX, r"invalid syntax", "py_invalid_syntax"),
    _known(SYNTAX, r"'(?P<bracket>[(\[{])' was never closed", "py_never_closed"),
    _known(SYNTAX, r"unmatched '(?P<bracket>[)\]}])'", "py_unmatched"),
    _known(SYNTAX, r"closing parenthesis '(?P<closing>.)' does not match opening parenthesis "
                   r"'(?P<opening>.)'.*", "py_bracket_mismatch"),
    _known(SYNTAX, r"unterminated string literal.*|EOL while scanning string literal",
           "py_unterminated_string"),
    _known(SYNTAX, r"unterminated triple-quoted string literal.*|EOF while scanning "
                   r"triple-quoted string literal", "py_unterminated_triple"),
    _known(SYNTAX, r"Missing parentheses in call to '(?P<name>\w+)'.*", "py_missing_parentheses"),
    _known(SYNTAX, r"expected an indented block after .+? on line (?P<line>\d+)",
           "py_expected_block"),
    _known(SYNTAX, r"expected an indented block", "py_expected_block_any"),
    _known(SYNTAX, r"unexpected indent", "py_unexpected_indent"),
    _known(SYNTAX, r"unindent does not match any outer indentation level", "py_unindent"),
    _known(SYNTAX, r"inconsistent use of tabs and spaces in indentation", "py_tabs_spaces"),
    _known(SYNTAX, r"invalid character '(?P<char>.)' \(U\+[0-9A-Fa-f]+\)",
           "py_invalid_character"),
    _known(SYNTAX, r"invalid non-printable character U\+(?P<code>[0-9A-Fa-f]+)",
           "py_invisible_character"),
    _known(SYNTAX, r"invalid (?:decimal|hexadecimal|octal|binary) literal|leading zeros in "
                   r"decimal integer literals.*", "py_invalid_number"),
    _known(SYNTAX, r"'(?P<word>return|yield|await)' outside (?:async )?function",
           "py_outside_function"),
    _known(SYNTAX, r"'(?P<word>break|continue)' (?:not properly in|outside) loop",
           "py_outside_loop"),
    _known(SYNTAX, r"expected 'except' or 'finally' block", "py_expected_except"),
    _known(SYNTAX, r"unexpected EOF while parsing", "py_unexpected_end"),
    _known(SYNTAX, r"non-default argument follows default argument", "py_default_order"),
    # runtime
    _known("NameError", r"name '(?P<name>[^']+)' is not defined", "py_name"),
    _known("UnboundLocalError", r"cannot access local variable '(?P<name>[^']+)' where it is "
                                r"not associated with a value|local variable '(?P<old>[^']+)' "
                                r"referenced before assignment", "py_unbound"),
    _known("TypeError", r"can only concatenate str \(not \"(?P<other>\w+)\"\) to str",
           "py_concatenate"),
    _known("TypeError", r"unsupported operand type\(s\) for (?P<op>.+?): '(?P<left>\w+)' and "
                        r"'(?P<right>\w+)'", "py_operand"),
    _known("TypeError", r"'(?P<op>[^']+)' not supported between instances of '(?P<left>\w+)' "
                        r"and '(?P<right>\w+)'", "py_compare"),
    _known("TypeError", r"'(?P<type>\w+)' object is not subscriptable", "py_not_subscriptable"),
    _known("TypeError", r"'(?P<type>\w+)' object is not iterable", "py_not_iterable"),
    _known("TypeError", r"'(?P<type>\w+)' object is not callable", "py_not_callable"),
    _known("TypeError", r"object of type '(?P<type>\w+)' has no len\(\)", "py_no_len"),
    _known("TypeError", r"(?P<name>[\w.]+)\(\) takes (?P<takes>\d+) positional arguments? but "
                        r"(?P<given>\d+) (?:was|were) given", "py_too_many_args"),
    _known("TypeError", r"(?P<name>[\w.]+)\(\) missing \d+ required (?:positional |keyword-only )?"
                        r"arguments?: (?P<names>.+)", "py_missing_args"),
    _known("TypeError", r"(?P<type>\w+) indices must be integers or slices, not (?P<other>\w+)",
           "py_indices"),
    _known("TypeError", r"can't multiply sequence by non-int of type '(?P<other>\w+)'",
           "py_multiply"),
    _known("TypeError", r"unhashable type: '(?P<type>\w+)'", "py_unhashable"),
    _known("IndexError", r"(?P<what>list|string|tuple|range object) index out of range",
           "py_index"),
    _known("IndexError", r"pop from empty list", "py_pop_empty"),
    _known("KeyError", r"(?P<key>.+)", "py_key"),
    _known("ZeroDivisionError", r".*", "py_zero_division"),
    _known("ValueError", r"invalid literal for int\(\) with base \d+: (?P<value>.+)",
           "py_int_literal"),
    _known("ValueError", r"could not convert string to float: (?P<value>.+)", "py_float_literal"),
    _known("ValueError", r"not enough values to unpack \(expected (?P<expected>\d+), got "
                         r"(?P<got>\d+)\)", "py_unpack_few"),
    _known("ValueError", r"too many values to unpack \(expected (?P<expected>\d+)\)",
           "py_unpack_many"),
    _known("ValueError", r"(?P<value>.+) is not in list", "py_not_in_list"),
    _known("ValueError", r"math domain error", "py_math_domain"),
    _known("ValueError", r"(?P<name>max|min)\(\) (?:arg is an|iterable argument is) empty "
                         r"sequence", "py_empty_max"),
    _known("RecursionError", r"maximum recursion depth exceeded.*", "py_recursion"),
    _known("EOFError", r"(?:EOF when reading a line)?", "py_eof"),
    _known("AttributeError", r"'(?P<type>\w+)' object has no attribute '(?P<name>\w+)'",
           "py_no_attribute"),
    _known("AttributeError", r"module '(?P<module>[\w.]+)' has no attribute '(?P<name>\w+)'",
           "py_module_attribute"),
    _known(("ModuleNotFoundError", "ImportError"), r"No module named '(?P<module>[\w.]+)'",
           "py_no_module"),
    _known("FileNotFoundError", r"\[Errno 2\] No such file or directory: (?P<file>.+)",
           "py_no_file"),
    _known(("OSError", "IOError"), r"\[Errno 27\] File too large.*", "py_file_too_large"),
    _known("MemoryError", r".*", "py_memory"),
    _known("OverflowError", r".*", "py_overflow"),
)
assert all(known.code in CATALOGUE for known in KNOWN), "every pattern needs its texts"


def translate(kind: str, message: str, locale: str = "sv") -> str | None:
    """Python's ``message`` for an exception ``kind`` in plain words, or None when unknown."""
    message = message.strip()
    hint = DID_YOU_MEAN.match(message)
    if hint:
        message = hint["message"]
    for known in KNOWN:
        match = known.pattern.fullmatch(message) if kind in known.kinds else None
        if match:
            params = {key: _param(key, value, locale)
                      for key, value in match.groupdict().items() if value is not None}
            if "old" in params:  # the older wording of the same message
                params["name"] = params.pop("old")
            words = str(text(known.code, locale, **params))
            return f"{sentence(words)} {text('py_did_you_mean', locale, name=hint['name'])}" \
                if hint else words
    return None


def syntax_detail(message: str, locale: str = "sv", kind: str = "SyntaxError") -> str:
    """A syntax error's message (``SyntaxError.msg``) in plain words; Python's when unknown."""
    return translate(kind, message, locale) or message


def error_line(line: str, locale: str = "sv") -> str:
    """The last line of a traceback (``NameError: name 'x' is not defined``) in plain words,
    the exception's name kept in front; a line that is not an error, or an unknown message,
    is returned as it is."""
    match = ERROR_LINE.match(line.strip())
    if not match:
        return line
    kind, message = match["kind"], match["message"] or ""
    words = translate(kind.rsplit(".", 1)[-1], message, locale)
    return f"{kind}: {words}" if words else line


def _param(key: str, value: str, locale: str) -> str:
    """A parameter as the reader sees it: Python's type names get their plain name too."""
    if key in TYPE_PARAMS and value in TYPES:
        return str(text(f"py_type_{value}", locale))
    return value
