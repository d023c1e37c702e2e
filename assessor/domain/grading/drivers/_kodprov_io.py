"""Input/output driver: runs the candidate's program once per test with that test's stdin.

Each run gets a fresh folder with the candidate's files (as handed in, read before any run)
and that test's data files, and sees nothing of the other tests: the plan stays in this
driver's memory, and everything a run started is killed before the next one.
"""

import shutil
import sys

import _kodprov_observe as obs


def run_test(plan, program, test):
    """Run the program once in a fresh folder and describe what it did."""
    data = {name: text.encode("utf-8") for name, text in test.get("files", {}).items()}
    folder = obs.fresh_folder({**program, **data})
    argv = [sys.executable, plan["entry"], *test.get("args", [])]
    record = {"id": test["id"]}
    record.update(obs.run_program(argv, test.get("stdin", ""), plan["timeout"], cwd=folder))
    shutil.rmtree(folder, ignore_errors=True)
    return record


def main():
    plan = obs.start()
    program = obs.submitted_files()
    for test in plan["tests"]:
        obs.emit(run_test(plan, program, test))


if __name__ == "__main__":
    main()
