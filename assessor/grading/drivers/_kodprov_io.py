"""Input/output driver: runs the candidate's program once per test with that test's stdin.

Each run gets a fresh folder under /tmp with the candidate's files and the test's data files.
"""

import os
import shutil
import sys
import tempfile

import _kodprov_observe as obs

SKIP = ("_kodprov_",)


def _prepare(test):
    folder = tempfile.mkdtemp(prefix="run-")
    for name in os.listdir("."):
        if not name.startswith(SKIP) and os.path.isfile(name):
            shutil.copyfile(name, os.path.join(folder, name))
    for name, content in test.get("files", {}).items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(content)
    return folder


def run_test(plan, test):
    """Run the program once in a fresh folder and describe what it did."""
    folder = _prepare(test)
    argv = [sys.executable, plan["entry"], *test.get("args", [])]
    record = {"id": test["id"]}
    record.update(obs.run_program(argv, test.get("stdin", ""), plan["timeout"], cwd=folder))
    shutil.rmtree(folder, ignore_errors=True)
    return record


def main():
    plan = obs.load_plan()
    for test in plan["tests"]:
        obs.emit(run_test(plan, test))


if __name__ == "__main__":
    main()
