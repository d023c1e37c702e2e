"""Host-side checks of submitted Python that never run it: syntax, names, constructs."""

from __future__ import annotations

import ast
import threading

from assessor.domain.grading.base import Context, NotGradable
from assessor.domain.grading.messages import sentence
from assessor.domain.grading.python_errors import syntax_detail

#: constructs a challenge may require or forbid, and how an author names them
CONSTRUCTS: dict[str, tuple[type[ast.AST], ...]] = {
    "for": (ast.For, ast.comprehension),
    "while": (ast.While,),
    "loop": (ast.For, ast.While, ast.comprehension),
    "import": (ast.Import, ast.ImportFrom),
    "class": (ast.ClassDef,),
    "lambda": (ast.Lambda,),
    "try": (ast.Try,),
}


#: CPython 3.11 keeps the AST builder's recursion count per interpreter, not per thread, so two
#: parses at once in the grading pool can fail with "AST constructor recursion depth mismatch"
#: (python/cpython#106905)
_PARSING = threading.Lock()


def parse(ctx: Context, name: str, source: str | None = None) -> ast.Module:
    """The syntax tree of file ``name``; a syntax error is not gradable, with its line."""
    source = ctx.source(name) if source is None else source
    try:
        with _PARSING:
            return ast.parse(source, filename=name)
    except SyntaxError as error:  # IndentationError and TabError too
        detail = syntax_detail(error.msg or "invalid syntax", ctx.locale, type(error).__name__)
        raise NotGradable(ctx.msg("syntax_error", name=name, line=error.lineno or "?",
                                  detail=sentence(detail))) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise NotGradable(ctx.msg("syntax_error", name=name, line="?",
                                  detail=sentence(type(error).__name__))) from None


def top_level_names(tree: ast.Module) -> set[str]:
    """Names a module binds at top level: functions, classes, assignments and imports."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def require_names(ctx: Context, tree: ast.Module, file: str, names: list[str]) -> None:
    """Not gradable when the module lacks a name the tests call."""
    present = top_level_names(tree)
    for name in names:
        if name not in present:
            raise NotGradable(ctx.msg("missing_name", name=name, file=file))


def function_node(tree: ast.Module, name: str) -> ast.AST:
    """The top-level function or class ``name`` (the whole module when absent)."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name:
            return node
    return tree


def _calls(node: ast.AST, name: str, *, methods: bool) -> bool:
    for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
        if isinstance(call.func, ast.Name) and call.func.id == name:
            return True
        if methods and isinstance(call.func, ast.Attribute) and call.func.attr == name:
            return True
    return False


def known_construct(construct: str) -> bool:
    """Whether ``construct`` is a name ``uses`` understands."""
    return construct in CONSTRUCTS or construct.startswith(("recursion:", "call:"))


def uses(node: ast.AST, construct: str) -> bool:
    """Whether ``construct`` occurs in ``node``: a key of ``CONSTRUCTS``, ``recursion:<f>`` (f
    calls itself by name) or ``call:<name>`` (a call of a function or method of that name)."""
    if construct.startswith("recursion:"):
        return _calls(node, construct.split(":", 1)[1], methods=False)
    if construct.startswith("call:"):
        return _calls(node, construct.split(":", 1)[1], methods=True)
    return any(isinstance(n, CONSTRUCTS[construct]) for n in ast.walk(node))
