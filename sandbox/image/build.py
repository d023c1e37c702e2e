"""Builds the sandbox image with no registry: debootstrap, ``docker import``, ``docker build``.

Idempotent: the base image is made once; the sandbox image is rebuilt only when it is missing or
its harness changed (its ``DIGEST_LABEL`` differs from the files here), or with ``force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import deque
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

BASE_IMAGE = "kodprov-base:bookworm"
DEFAULT_IMAGE = "kodprov-sandbox:latest"
SUITE = "bookworm"
PACKAGES = ("python3", "sqlite3")
MIRROR = os.environ.get("KODPROV_DEBIAN_MIRROR", "http://deb.debian.org/debian")
DIGEST_LABEL = "org.kodprov.sandbox.digest"
CONTEXT = Path(__file__).resolve().parent
HARNESS_FILES = ("__init__.py", "launcher.py", "outputs.py", "processes.py", "protocol.py",
                 "supervisor.py")
CONTEXT_FILES = ("Dockerfile", *(f"harness/{name}" for name in HARNESS_FILES))

Say = Callable[[str], None]


class BuildError(RuntimeError):
    """The image could not be built; the message says what to do."""


def harness_digest() -> str:
    """A digest of the Dockerfile and harness: an image with another digest is stale."""
    digest = hashlib.sha256()
    for name in CONTEXT_FILES:
        digest.update(name.encode() + b"\0" + (CONTEXT / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def image_state(client, tag: str = DEFAULT_IMAGE) -> str:
    """``missing``, ``stale`` (built from other harness files) or ``current``."""
    import docker.errors

    try:
        labels = client.api.inspect_image(tag)["Config"].get("Labels") or {}
    except docker.errors.ImageNotFound:
        return "missing"
    return "current" if labels.get(DIGEST_LABEL) == harness_digest() else "stale"


def build(client, tag: str = DEFAULT_IMAGE, force: bool = False, say: Say = print) -> None:
    """Make sure the base and sandbox images exist and are current, then smoke-test the result."""
    ensure_base(client, force, say)
    ensure_image(client, tag, force, say)
    smoke_test(tag, say)


def image_exists(client, tag: str) -> bool:
    import docker.errors

    try:
        client.api.inspect_image(tag)
    except docker.errors.ImageNotFound:
        return False
    return True


def ensure_base(client, force: bool, say: Say) -> None:
    """Create ``BASE_IMAGE`` from a debootstrap of Debian bookworm unless it exists."""
    old = client.api.inspect_image(BASE_IMAGE)["Id"] if image_exists(client, BASE_IMAGE) else None
    if old and not force:
        say(f"[1/3] base image {BASE_IMAGE}: present, kept")
        return
    if os.geteuid() != 0:
        raise BuildError(f"debootstrap needs root to build {BASE_IMAGE}: run this as root")
    with tempfile.TemporaryDirectory(prefix="kodprov-rootfs-", dir="/var/tmp") as scratch:
        rootfs, tarball = Path(scratch, "rootfs"), Path(scratch, "rootfs.tar")
        say(f"[1/3] base image {BASE_IMAGE}: debootstrap --variant=minbase "
            f"--include={','.join(PACKAGES)} {SUITE} from {MIRROR} (about a minute)")
        run_step(["debootstrap", "--variant=minbase", f"--include={','.join(PACKAGES)}",
                  SUITE, str(rootfs), MIRROR])
        run_step(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(tarball), "."])
        say(f"      docker import -> {BASE_IMAGE}")
        repository, _, tag = BASE_IMAGE.partition(":")
        client.api.import_image_from_file(str(tarball), repository=repository, tag=tag)
    drop_replaced(client, old, BASE_IMAGE)


def run_step(argv: list[str]) -> None:
    """Run a build command, logging its output; on failure raise with the last lines."""
    tail: deque[str] = deque(maxlen=20)
    try:
        with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace") as proc:
            for line in proc.stdout:
                log.debug("%s: %s", argv[0], line.rstrip())
                tail.append(line)
    except FileNotFoundError as exc:
        raise BuildError(f"{argv[0]} is not installed (apt-get install {argv[0]})") from exc
    if proc.returncode:
        raise BuildError(f"{argv[0]} failed ({proc.returncode}):\n{''.join(tail)}")


def ensure_image(client, tag: str, force: bool, say: Say) -> None:
    """Build ``tag`` from the Dockerfile here, offline, unless it is current."""
    state = image_state(client, tag)
    if state == "current" and not force:
        say(f"[2/3] sandbox image {tag}: current (harness {harness_digest()}), kept")
        return
    say(f"[2/3] sandbox image {tag}: {state}; docker build sandbox/image/Dockerfile "
        f"FROM {BASE_IMAGE} with network none, no pull")
    old = client.api.inspect_image(tag)["Id"] if state != "missing" else None
    stream = client.api.build(
        fileobj=build_context(), custom_context=True, tag=tag, network_mode="none", pull=False,
        rm=True, forcerm=True, labels={DIGEST_LABEL: harness_digest()},
        buildargs={"BASE": BASE_IMAGE}, decode=True,
    )
    for chunk in stream:
        if "error" in chunk:
            raise BuildError(f"docker build failed: {chunk['error'].strip()}")
        if chunk.get("stream", "").strip():
            log.debug("docker build: %s", chunk["stream"].rstrip())
    drop_replaced(client, old, tag)


def drop_replaced(client, old: str | None, tag: str) -> None:
    """Remove the image ``tag`` pointed to before a rebuild, unless something still uses it."""
    if old and old != client.api.inspect_image(tag)["Id"]:
        with contextlib.suppress(Exception):  # still used by a container or a child image
            client.api.remove_image(old)


def build_context() -> io.BytesIO:
    """A tar of exactly the files the Dockerfile needs (no caches, no tests)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name in CONTEXT_FILES:
            tar.add(CONTEXT / name, arcname=name)
    buffer.seek(0)
    return buffer


def smoke_test(tag: str, say: Say) -> None:
    """Run python3 (with its sqlite3 module) and the sqlite3 CLI in a hardened container."""
    from sandbox.docker_backend import DockerRunner
    from sandbox.spec import RunSpec, Status

    code = b"import sqlite3, subprocess\nsubprocess.run(['sqlite3', '-version'], check=True)\n"
    runner = DockerRunner(image=tag, pool_size=0)
    try:
        result = runner.run(RunSpec(files={"smoke.py": code}, argv=["python3", "smoke.py"]))
    finally:
        runner.close()
    if result.status != Status.OK:
        detail = result.error or result.stderr.decode(errors="replace")
        raise BuildError(f"smoke test failed ({result.status}): {detail}")
    say(f"[3/3] smoke test: python3 and sqlite3 {result.stdout.split()[0].decode()} "
        "run in a hardened container: ok")


def main(argv: list[str]) -> int:
    """``python -m sandbox.image [--force]``."""
    import docker

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        client = docker.from_env(timeout=600)
        client.ping()
    except Exception as exc:
        print(f"sandbox image: no Docker engine answers ({exc}); start dockerd first",
              file=sys.stderr)
        return 1
    try:
        build(client, force="--force" in argv)
    except BuildError as exc:
        print(f"sandbox image: {exc}", file=sys.stderr)
        return 1
    return 0
