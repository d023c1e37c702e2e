"""Self-checks that need no engine: hardening of a container, runc, stale owners."""

from __future__ import annotations

import os
import socket
import subprocess

import pytest

from sandbox import janitor
from sandbox.containers import COMMAND, USER, Profile, hardening_problems, host_config_options
from sandbox.engine import ALLOW_OLD_RUNC, runc_problem
from sandbox.spec import Limits


def inspected(**host) -> dict:
    """What ``docker inspect`` shows for a container made with our settings."""
    base = {"Privileged": False, "ReadonlyRootfs": True, "NetworkMode": "none",
            "CapDrop": ["ALL"], "CapAdd": None, "PidsLimit": 66, "Memory": 1 << 28,
            "MemorySwap": 1 << 28, "SecurityOpt": ["no-new-privileges"], "Init": False,
            "Binds": None, "Mounts": None, "LogConfig": {"Type": "none", "Config": {}},
            "IpcMode": "none", "NanoCpus": 10**9,
            "Ulimits": [{"Name": "nofile", "Soft": 256, "Hard": 256},
                        {"Name": "fsize", "Soft": 1 << 22, "Hard": 1 << 22},
                        {"Name": "core", "Soft": 0, "Hard": 0}],
            "Tmpfs": {"/tmp": "rw,nosuid,nodev,size=40m,nr_inodes=8192,mode=1777",
                      "/dev/shm": "rw,nosuid,nodev,noexec,size=8m,nr_inodes=1024,mode=1777"}}
    return {"HostConfig": {**base, **host}, "Config": {"User": USER, "Cmd": COMMAND}}


def test_our_settings_pass_the_self_check():
    assert hardening_problems(inspected()) == []


@pytest.mark.parametrize(("setting", "problem"), [
    ({"Privileged": True}, "privileged"),
    ({"ReadonlyRootfs": False}, "read-only root"),
    ({"NetworkMode": "bridge"}, "network none"),
    ({"CapAdd": ["NET_RAW"]}, "all capabilities dropped"),
    ({"PidsLimit": None}, "pids limit"),
    ({"Memory": 0}, "memory limit"),
    ({"MemorySwap": -1}, "swap equal to memory"),
    ({"SecurityOpt": ["seccomp=unconfined", "no-new-privileges"]}, "default seccomp"),
    ({"Binds": ["/:/host:rw"]}, "no host mounts"),
    ({"LogConfig": {"Type": "json-file", "Config": {}}}, "bounded logs"),
    ({"SecurityOpt": ["no-new-privileges", "seccomp=/tmp/allow-all.json"]}, "default seccomp"),
    ({"SecurityOpt": ["no-new-privileges", "apparmor=unconfined"]}, "default seccomp"),
    ({"IpcMode": "host"}, "private IPC"),
    ({"NanoCpus": 0}, "one CPU quota"),
    ({"Ulimits": None}, "ulimits nofile, fsize and core 0"),
    ({"Ulimits": [{"Name": "nofile", "Soft": 256, "Hard": 256},
                  {"Name": "fsize", "Soft": 1, "Hard": 1},
                  {"Name": "core", "Soft": 0, "Hard": -1}]}, "ulimits nofile, fsize and core 0"),
    ({"Tmpfs": {"/tmp": "rw,size=40m,nr_inodes=8192"}}, "/tmp and /dev/shm bounded"),
    ({"Tmpfs": {"/tmp": "rw,nosuid,nodev,size=40m,nr_inodes=8192"}},
     "/tmp and /dev/shm bounded"),
])
def test_a_missing_setting_is_named(setting, problem):
    assert problem in hardening_problems(inspected(**setting))


def test_the_options_we_create_with_are_the_hardened_ones():
    options = host_config_options(Profile.of(Limits()), runtime="runsc")
    assert options["network_mode"] == "none" and options["read_only"] is True
    assert options["cap_drop"] == ["ALL"] and options["security_opt"] == ["no-new-privileges"]
    assert options["mem_limit"] == options["memswap_limit"]
    assert options["pids_limit"] == Limits().processes + 2  # the init and the launcher
    assert "nosuid" in options["tmpfs"]["/tmp"] and "nodev" in options["tmpfs"]["/tmp"]
    assert options["runtime"] == "runsc" and not options["privileged"]


@pytest.mark.parametrize(("version", "commit", "safe"), [
    ("1.1.12", "v1.1.12-0-g51d5e94", True),
    ("1.2.8", "", True),
    ("1.1.5+ds1", "1.1.5+ds1-1+deb12u1", True),  # Debian's backport of the fix
    ("1.1.5", "v1.1.5-0-gf19387a", False),
    ("1.0.0-rc6", "", False),
    ("", "", True),  # a runtime that does not report runc (e.g. runsc) is judged elsewhere
])
def test_runc_without_the_cve_2024_21626_fix_is_refused(version, commit, safe):
    assert (runc_problem(version, commit) is None) == safe


def test_an_old_runc_can_be_allowed_on_a_test_machine():
    assert ALLOW_OLD_RUNC in runc_problem("1.1.5", "")  # the refusal says how
    assert runc_problem("1.1.5", "", allow_old=True) is None


def test_containers_of_live_processes_are_never_stale():
    assert not janitor.is_stale(janitor.owner_id())
    assert not janitor.is_stale(janitor.owner_id(os.getppid()))


def test_containers_of_a_dead_process_are_stale():
    child = subprocess.Popen(["sleep", "0"])
    owner = janitor.owner_id(child.pid)
    child.wait()
    assert janitor.is_stale(owner)


def test_containers_of_other_hosts_or_odd_labels_are_left_alone():
    assert not janitor.is_stale(f"not-{socket.gethostname()}:1:1")
    assert not janitor.is_stale("garbage")
    assert not janitor.is_stale("")


class FlakyEngine:
    """An engine API whose first removals fail, as a busy or restarting engine's do."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures, self.error, self.calls = failures, error, 0
        self.api = self

    def remove_container(self, container_id: str, force: bool) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error


def bare_reaper(client) -> janitor.Reaper:
    """A reaper without its background threads, to call ``remove`` directly."""
    reaper = janitor.Reaper.__new__(janitor.Reaper)
    reaper.client = client
    return reaper


def test_the_reaper_tries_again_when_the_engine_is_busy(monkeypatch):
    import docker.errors

    monkeypatch.setattr(janitor, "RETRY_PAUSES", (0.0, 0.0, 0.0))
    busy = FlakyEngine(2, docker.errors.APIError("409 removal in progress"))
    bare_reaper(busy).remove("abc")
    assert busy.calls == 3
    gone = FlakyEngine(1, docker.errors.NotFound("no such container"))
    bare_reaper(gone).remove("abc")
    assert gone.calls == 1  # already removed: nothing more to do
    down = FlakyEngine(99, ConnectionError("engine down"))
    bare_reaper(down).remove("abc")
    assert down.calls == 4  # gives up after the retries; the next runner's start-up cleans up
