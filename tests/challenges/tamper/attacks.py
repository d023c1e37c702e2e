"""What a hostile submission starts with, and grading one against a challenge of the bank."""

from __future__ import annotations

from assessor.domain.grading import grade_submission

#: finds the run's root (the folder holding work/ and out/: /tmp in a container, the runner's own
#: temporary folder here), the topmost driver process above this one, if any (never pytest), and
#: the function driver's fork server (another child of the driver that runs the driver's code)
FIND_ROOT = (
    "import glob, os\n"
    "def run_root():\n"
    "    folder = os.getcwd()\n"
    "    for _ in range(4):\n"
    "        if os.path.isdir(os.path.join(folder, 'work')) and os.path.isdir("
    "os.path.join(folder, 'out')):\n"
    "            return folder\n"
    "        folder = os.path.dirname(folder)\n"
    "    return os.getcwd()\n"
    "def driver():\n"
    "    pid, found = os.getpid(), None\n"
    "    for _ in range(4):\n"
    "        try:\n"
    "            with open('/proc/%d/stat' % pid) as handle:\n"
    "                pid = int(handle.read().rsplit(')', 1)[1].split()[1])\n"
    "            with open('/proc/%d/cmdline' % pid, 'rb') as handle:\n"
    "                command = handle.read()\n"
    "        except OSError:\n"
    "            return found\n"
    "        if b'_kodprov_' not in command:\n"
    "            return found\n"
    "        found = pid\n"
    "    return found\n"
    "def fork_server():\n"
    "    for entry in filter(str.isdigit, os.listdir('/proc')):\n"
    "        try:\n"
    "            with open('/proc/%s/stat' % entry) as handle:\n"
    "                parent = int(handle.read().rsplit(')', 1)[1].split()[1])\n"
    "            with open('/proc/%s/cmdline' % entry, 'rb') as handle:\n"
    "                command = handle.read()\n"
    "        except OSError:\n"
    "            continue\n"
    "        if parent == driver() and int(entry) != os.getpid() and b'_kodprov_' in command:\n"
    "            return int(entry)\n"
    "    return None\n"
)


def grade(bank_challenge, slug: str, source: str, runner, **kwargs):
    challenge = bank_challenge(slug)
    return grade_submission(challenge, {challenge.files[0]: source}, runner=runner, **kwargs)
