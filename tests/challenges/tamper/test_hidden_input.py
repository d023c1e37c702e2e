"""A program or a server cannot see another test's input, nor carry a hidden test's input on to
a visible one."""

from __future__ import annotations

from assessor.domain.challenge_bank import load_challenge
from assessor.domain.grading import grade_submission
from tests.challenges.conftest import wrongs_for
from tests.challenges.tamper.attacks import FIND_ROOT, grade


def test_a_program_cannot_read_other_tests_input(bank_challenge, runner):
    snoop = FIND_ROOT + (
        "found = []\n"
        "proc = ['/proc/%d/%s' % (driver(), n) for n in ('cmdline', 'environ', 'fd/0', 'mem')]\n"
        "paths = glob.glob(run_root() + '/**/*', recursive=True) + (proc if driver() else [])\n"
        "for path in paths:\n"
        "    try:\n"
        "        with open(path, 'rb') as handle:\n"
        "            found.append(handle.read(100000).decode('utf-8', 'replace'))\n"
        "    except OSError:\n"
        "        pass\n"
        "print(input(), ' '.join(found).replace('\\n', ' '))\n"
    )
    result = grade(bank_challenge, "p1-biljettpris", snoop, runner)
    visible = [t for t in result.tests if t.visibility == "candidate"]
    assert visible and all("65" not in t.got and "90" not in t.got for t in visible)


def test_a_program_cannot_pass_hidden_input_on_to_a_visible_test(make_challenge, runner):
    folder = make_challenge("""
        [io]
        entry = "main.py"

        [[tests]]
        name = "dold"
        visibility = "staff"
        stdin = "HEMLIG-INDATA\\n"
        stdout = "?"

        [[tests]]
        name = "synlig"
        stdin = "hej\\n"
        stdout = "hej"
    """, extra={"solution/main.py": "print(input())\n",
                **wrongs_for("main.py", ["dold", "synlig"])})
    stash = FIND_ROOT + (
        "line = input()\n"
        "for folder in (run_root(), os.environ.get('TMPDIR', '.'), os.path.expanduser('~'), '.'):\n"
        "    try:\n"
        "        with open(os.path.join(folder, 'gomme.txt'), 'a') as handle:\n"
        "            handle.write(line + ' ')\n"
        "    except OSError:\n"
        "        pass\n"
        "seen = set()\n"
        "for path in glob.glob(run_root() + '/**/gomme.txt', recursive=True):\n"
        "    try:\n"
        "        seen.add(open(path).read())\n"
        "    except OSError:\n"
        "        pass\n"
        "print(line, *sorted(seen))\n"
    )
    result = grade_submission(load_challenge(folder), {"main.py": stash}, runner=runner)
    visible = next(t for t in result.tests if t.name == "synlig")
    assert "HEMLIG" not in visible.got


ECHO_SERVER = (
    "import socket, sys, threading\n"
    "seen = []\n"
    "server = socket.create_server(('127.0.0.1', int(sys.argv[1])))\n"
    "def handle(conn):\n"
    "    with conn, conn.makefile('rw') as stream:\n"
    "        for line in stream:\n"
    "            seen.append(line.strip())\n"
    "            stream.write({reply} + '\\n')\n"
    "            stream.flush()\n"
    "while True:\n"
    "    conn, _ = server.accept()\n"
    "    threading.Thread(target=handle, args=(conn,), daemon=True).start()\n"
)


def test_a_server_cannot_pass_hidden_lines_on_to_a_visible_test(make_challenge, runner):
    folder = make_challenge("""
        [network]
        mode = "server"
        startup_seconds = 5

        [[tests]]
        name = "dold"
        visibility = "staff"
        send = ["HEMLIG"]
        replies = ["HEMLIG"]

        [[tests]]
        name = "synlig"
        send = ["PING"]
        replies = ["PING"]
    """, grader="network", files='["server.py"]', extra={
        "solution/server.py": ECHO_SERVER.replace("{reply}", "seen[-1]"),
        **wrongs_for("server.py", ["dold", "synlig"])})
    history = ECHO_SERVER.replace("{reply}", "' '.join(seen)")
    result = grade_submission(load_challenge(folder), {"server.py": history}, runner=runner)
    visible = next(t for t in result.tests if t.name == "synlig")
    assert visible.passed and "HEMLIG" not in visible.got
