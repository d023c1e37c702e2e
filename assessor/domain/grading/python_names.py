"""Whether a rule about names holds on submitted Python, judged from the source alone.

``forbid call:NAME`` and ``require recursion:F`` are judged here on the host, from the text the
candidate handed in, which no run can change. That is sound only when the names the code uses
are written out. ``hidden_lookup`` finds code that reaches names another way (``getattr`` with a
computed name, ``eval``, ``__builtins__``, ``globals()``, ``importlib``, frames ...): a rule
about names cannot be checked on such code. ``reach`` is the code a function can run: itself,
the module's functions and classes it names, and the module-level statements that bind the
names it uses, to a fixed point. ``unknown_globals`` are names that code uses although nothing
in the module (and no builtin) binds them: they can only have been put there by reflection.
"""

from __future__ import annotations

import ast
import builtins
import symtable
from collections.abc import Iterable, Iterator

#: calls that fetch or set an attribute by a name given as data; fine with a literal name
COMPUTED = frozenset({"getattr", "setattr", "delattr", "attrgetter", "methodcaller"})
#: names that evaluate code or hand out namespaces
REFLECTION_NAMES = frozenset({"eval", "exec", "compile", "__import__", "globals", "vars",
                              "locals", "breakpoint"})
#: modules that find objects by name, load code, or look into frames and memory
REFLECTION_MODULES = frozenset({"builtins", "importlib", "imp", "pickle", "_pickle", "marshal",
                                "copyreg", "shelve", "ctypes", "gc", "inspect", "code",
                                "codeop", "runpy", "pkgutil", "__main__", "dill"})
#: attributes that lead to modules, frames or namespaces (besides unusual dunders)
REFLECTION_ATTRIBUTES = frozenset({"modules", "_getframe", "_current_frames", "f_globals",
                                   "f_locals", "f_builtins", "f_back", "f_code", "gi_frame",
                                   "cr_frame", "ag_frame", "tb_frame", "mro"})
#: dunder names everyday code reads; any other dunder (``__dict__``, ``__globals__``,
#: ``__subclasses__``, ``__builtins__`` ...) is reflection
PLAIN_DUNDERS = frozenset(f"__{name}__" for name in [
    "init", "new", "del", "repr", "str", "format", "bytes", "hash", "bool", "len", "iter", "next",
    "reversed", "contains", "getitem", "setitem", "delitem", "missing", "call", "enter", "exit",
    "eq", "ne", "lt", "le", "gt", "ge", "add", "radd", "iadd", "sub", "rsub", "isub", "mul",
    "rmul", "imul", "truediv", "rtruediv", "floordiv", "rfloordiv", "mod", "rmod", "pow", "rpow",
    "neg", "pos", "abs", "round", "floor", "ceil", "int", "float", "index", "and", "or", "xor",
    "setattr", "delattr", "post_init", "name", "qualname", "doc", "class", "module", "file"])
#: dunder names a module may set (``__name__ = "__main__"`` would run a main block on import)
SETTABLE_DUNDERS = frozenset({"__all__", "__slots__", "__version__", "__doc__", "__author__"})
KNOWN = frozenset(dir(builtins)) | {"__name__", "__file__", "__doc__"}
DEFINITIONS = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def hidden_lookup(tree: ast.AST) -> tuple[str, str] | None:
    """The first construct that reaches a name without writing it, as ``(kind, what)``:
    ``("computed", "getattr")`` for a computed name, ``("reflection", "eval")`` otherwise."""
    literal = {id(call.func) for call in ast.walk(tree)
               if isinstance(call, ast.Call) and literal_names(call) is not None}
    for node in ast.walk(tree):
        name = _name_of(node)
        if name in COMPUTED and id(node) not in literal:
            return "computed", name
        found = _reflection(node, name)
        if found:
            return "reflection", found
    return None


def _name_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _reflection(node: ast.AST, name: str | None) -> str | None:
    if isinstance(node, ast.Import | ast.ImportFrom):
        modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
        for module in modules:
            root = (module or "").split(".")[0]
            if root in REFLECTION_MODULES or root.startswith("_kodprov"):
                return f"import {module}"
        imported = [a.name for a in node.names] if isinstance(node, ast.ImportFrom) else []
        return next((n for n in imported if _reflective(n, attribute=True)), None)
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
        return name if _dunder(node.id) and name not in SETTABLE_DUNDERS else None
    if name is not None and _reflective(name, attribute=isinstance(node, ast.Attribute)):
        return name
    return None


def _reflective(name: str, *, attribute: bool) -> bool:
    if name in REFLECTION_NAMES or (attribute and name in REFLECTION_ATTRIBUTES):
        return True
    return _dunder(name) and name not in PLAIN_DUNDERS


def _dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def literal_names(call: ast.Call) -> list[str] | None:
    """The attribute names a getattr-like call names literally; None when it computes them."""
    name = _name_of(call.func)
    if name not in COMPUTED:
        return None
    if name == "attrgetter":
        texts = call.args
    elif name == "methodcaller":
        texts = call.args[:1]
    else:
        texts = call.args[1:2]
    if not texts or not all(isinstance(t, ast.Constant) and isinstance(t.value, str)
                            for t in texts):
        return None
    return [part for t in texts for part in t.value.split(".")]


def uses_name(nodes: Iterable[ast.AST], name: str) -> bool:
    """Whether ``nodes`` use ``name`` in any way: as a variable, an attribute, an imported
    name or a literal getattr-style name (so ``f = sorted`` and ``lista.sort`` both count)."""
    return any(name in _names_used(node) for top in nodes for node in ast.walk(top))


def _names_used(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name | ast.Attribute):
        return [_name_of(node) or ""]
    if isinstance(node, ast.ImportFrom):
        return [a.name for a in node.names]
    if isinstance(node, ast.Call):
        return literal_names(node) or []
    return []


def reach(tree: ast.Module, name: str) -> list[ast.AST]:
    """The top-level statements that function or class ``name`` can run (itself first); the
    whole module when there is no such definition. ``if __name__ == "__main__":`` blocks never
    run when the module is imported, so they are left out."""
    top = [node for node in tree.body if not _main_guard(node)]
    start = next((n for n in top if isinstance(n, DEFINITIONS) and n.name == name), None)
    if start is None:
        return [tree]
    included, names = [start], _names_in(start)
    grown = True
    while grown:
        grown = False
        for node in top:
            if node not in included and _needed(node, names):
                included.append(node)
                names |= _names_in(node)
                grown = True
    return included


def _needed(node: ast.AST, names: set[str]) -> bool:
    if isinstance(node, DEFINITIONS):
        declared = {n for g in ast.walk(node) if isinstance(g, ast.Global) for n in g.names}
        return node.name in names or bool(declared & names)
    return bool(_names_in(node) & names)


def _names_in(node: ast.AST) -> set[str]:
    found = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name):
            found.add(inner.id)
        elif isinstance(inner, ast.Import | ast.ImportFrom):
            found.update((a.asname or a.name).split(".")[0] for a in inner.names)
        elif isinstance(inner, DEFINITIONS) and inner is not node:
            found.add(inner.name)
    return found


def _main_guard(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == "__name__" and len(test.comparators) == 1
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def unknown_globals(source: str, tree: ast.Module, nodes: list[ast.AST]) -> list[str]:
    """Global names ``nodes`` use that nothing in the module, and no builtin, binds."""
    module = symtable.symtable(source, "<submission>", "exec")
    bound = _bound(tree)
    used = set()
    for table in _tables_of(module, nodes):
        used.update(s.get_name() for s in table.get_symbols()
                    if s.is_global() and s.is_referenced())
    loose = [n for n in nodes if not isinstance(n, DEFINITIONS | ast.Module)]
    used.update(n.id for top in loose for n in ast.walk(top)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))
    return sorted(used - bound - KNOWN)


def _bound(tree: ast.Module) -> set[str]:
    """Every name bound at module level, or declared global and assigned in a function."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            bound.update(node.names)
    for node in _module_level(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            bound.add(node.id)
        elif isinstance(node, DEFINITIONS):
            bound.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
    return bound


def _module_level(tree: ast.Module) -> Iterator[ast.AST]:
    """The nodes that run in the module's own scope (not inside functions or classes)."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, DEFINITIONS | ast.Lambda):
            todo.extend(ast.iter_child_nodes(node))


def _tables_of(module: symtable.SymbolTable,
               nodes: list[ast.AST]) -> Iterator[symtable.SymbolTable]:
    """The symbol tables of the definitions among ``nodes`` and of everything inside them."""
    wanted = {(n.name, n.lineno) for n in nodes if isinstance(n, DEFINITIONS)}
    todo = [t for t in module.get_children() if (t.get_name(), t.get_lineno()) in wanted]
    while todo:
        table = todo.pop()
        yield table
        todo.extend(table.get_children())
