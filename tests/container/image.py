#!/usr/bin/env python3
"""Build the service's image with podman, as the container test (and so `make test`) does.

    python3 tests/container/image.py build [--tag quotes:test]   # base image, then podman build
    python3 tests/container/image.py base                        # only make sure the base is there
    python3 tests/container/image.py flags                       # podman flags this machine needs

The Dockerfile's base (`FROM python:3.11-slim-bookworm`) is used when podman already has it or
can pull it. Where no container registry can be reached, a STAND-IN is made and imported under
that exact name, and the script says so: Debian bookworm from `debootstrap --variant=minbase`
with Debian's python3 (3.11, /usr/bin/python3 where the real image has /usr/local/bin/python3),
python3-venv, python3-pip and ca-certificates, the PEP 668 marker removed and this machine's CA
bundle copied in. The debootstrap tree is cached as a tarball in ~/.cache/quotes-container/
($QUOTES_CONTAINER_CACHE) and the imported image stays in podman's storage, so only the first
run on a machine pays for it.

Standard library only: runs with any python3 (>= 3.11).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DEFAULT_TAG = "localhost/quotes:test"
STAND_IN_LABEL = "org.quote-attribution.stand-in"
DEBIAN_MIRROR = os.environ.get("QUOTES_DEBIAN_MIRROR", "http://deb.debian.org/debian")
# What the stand-in holds: the real image's python (3.11, bookworm), venv, pip and CA roots.
DEBOOTSTRAP_ARGS = (
    "--variant=minbase",
    "--include=python3,python3-venv,python3-pip,ca-certificates",
    "bookworm",
)
HOST_CA_BUNDLE = Path(os.environ.get("SSL_CERT_FILE") or "/etc/ssl/certs/ca-certificates.crt")
CA_BUNDLE_IN_IMAGE = "etc/ssl/certs/ca-certificates.crt"
STAND_IN_CHANGES = (
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "ENV LANG=C.UTF-8",
    # The copied bundle may hold a TLS-inspecting proxy's root: point uv and pip at it.
    "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
    "ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt",
    'CMD ["python3"]',
)
# Limits the container may have: this machine only lets them be lowered, never raised.
ULIMIT_CEILING = 4096


def log(message: str) -> None:
    print(f"[container] {message}", file=sys.stderr, flush=True)


def cache_dir() -> Path:
    configured = os.environ.get("QUOTES_CONTAINER_CACHE")
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "quotes-container"


# -- podman and its flags --------------------------------------------------------------------------
def podman_flags() -> list[str]:
    """Global flags: runc and cgroupfs where cgroups are v1/hybrid (crun refuses those) or systemd
    is not running. $QUOTES_PODMAN_FLAGS replaces the guess."""
    configured = os.environ.get("QUOTES_PODMAN_FLAGS")
    if configured is not None:
        return shlex.split(configured)
    flags: list[str] = []
    unified = Path("/sys/fs/cgroup/cgroup.controllers").exists()
    if not unified and shutil.which("runc"):
        flags += ["--runtime", "runc"]
    if not unified or not Path("/run/systemd/system").is_dir():
        flags += ["--cgroup-manager=cgroupfs"]
    return flags


def ulimit_flags() -> list[str]:
    """nofile and nproc no higher than this process's hard limits (podman's defaults are higher
    than some machines allow, and there the container fails to start)."""
    flags: list[str] = []
    for name, limit in (("nofile", resource.RLIMIT_NOFILE), ("nproc", resource.RLIMIT_NPROC)):
        hard = resource.getrlimit(limit)[1]
        value = ULIMIT_CEILING if hard == resource.RLIM_INFINITY else min(ULIMIT_CEILING, hard)
        flags += ["--ulimit", f"{name}={value}:{value}"]
    return flags


BUILD_FLAGS = ["--isolation", "chroot", "--format", "docker", "--network", "host", "--pull=never"]


def podman(
    *args: str, check: bool = True, capture: bool = True, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    command = ["podman", *podman_flags(), *args]
    result = subprocess.run(
        command, capture_output=capture, text=True, check=False, timeout=timeout
    )
    if check and result.returncode != 0:
        detail = (result.stderr or "").strip() if capture else ""
        raise RuntimeError(f"{shlex.join(command)} failed ({result.returncode}): {detail}")
    return result


def usable() -> str | None:
    """None if podman can build and run here, else why not (the container test skips with it)."""
    if not shutil.which("podman"):
        return "podman is not installed (`make container-tools` installs it as root via apt-get)"
    try:
        result = podman("info", check=False, timeout=60)
    except subprocess.TimeoutExpired:
        return "`podman info` did not answer within 60 s"
    if result.returncode != 0:
        return f"podman cannot run here: {result.stderr.strip()[-400:]}"
    return None


# -- the base image --------------------------------------------------------------------------------
def base_images(dockerfile: Path = DOCKERFILE) -> list[str]:
    """The external images the Dockerfile builds FROM (stage names excluded), in order."""
    stages: set[str] = set()
    images: list[str] = []
    for line in dockerfile.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?", line, re.IGNORECASE)
        if not match:
            continue
        image, stage = match.group(1), match.group(2)
        if image.lower() not in stages and image not in images:
            images.append(image)
        if stage:
            stages.add(stage.lower())
    return images


def qualified(image: str) -> str:
    """`python:3.11` -> `docker.io/library/python:3.11`, the name podman resolves it to."""
    first, _, rest = image.partition("/")
    if not rest:
        return f"docker.io/library/{image}"
    if "." not in first and ":" not in first and first != "localhost":
        return f"docker.io/{image}"
    return image


def is_stand_in(image: str) -> bool:
    result = podman("image", "inspect", "--format", "{{json .Labels}}", image, check=False)
    return STAND_IN_LABEL in result.stdout


def ensure_base(image: str) -> str:
    """Make sure podman has `image`: already there, pulled, or a stand-in made here. Returns
    "present", "pulled" or "stand-in"."""
    name = qualified(image)
    if podman("image", "exists", name, check=False).returncode == 0:
        if is_stand_in(name):
            log(f"base {name}: using the STAND-IN imported earlier (not the registry's image)")
        else:
            log(f"base {name}: present")
        return "present"
    if not os.environ.get("QUOTES_CONTAINER_NO_PULL"):
        log(f"base {name}: pulling")
        pulled = podman("pull", "--quiet", name, check=False, timeout=900)
        if pulled.returncode == 0:
            return "pulled"
        reason = pulled.stderr.strip().splitlines()[-1:] or ["?"]
        log(f"cannot pull {name}: {reason[0]}")
    log(
        f"USING A STAND-IN for {name}: Debian bookworm from debootstrap with Debian's python3 "
        "(3.11) and this machine's CA bundle, imported under the Dockerfile's FROM name. It is "
        "not the registry's image; the Dockerfile is written to work with both."
    )
    import_stand_in(name, stand_in_tarball())
    return "stand-in"


def stand_in_tarball() -> Path:
    """The debootstrap tree as a tarball, made once per machine (and per recipe) and cached."""
    recipe = " ".join((*DEBOOTSTRAP_ARGS, DEBIAN_MIRROR))
    key = hashlib.sha256(recipe.encode()).hexdigest()[:12]
    directory = cache_dir()
    tarball = directory / f"bookworm-python3-{key}.tar"
    if tarball.is_file():
        log(f"stand-in tree: cached {tarball}")
        return tarball
    if not shutil.which("debootstrap"):
        raise RuntimeError(
            "the base image cannot be pulled and debootstrap is missing to make a stand-in "
            "(`make container-tools` installs podman, runc and debootstrap as root)"
        )
    directory.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=directory, prefix="debootstrap-") as work:
        tree = Path(work) / "rootfs"
        log(f"stand-in tree: debootstrap {' '.join(DEBOOTSTRAP_ARGS)} {DEBIAN_MIRROR}")
        result = subprocess.run(
            ["debootstrap", *DEBOOTSTRAP_ARGS, str(tree), DEBIAN_MIRROR],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"debootstrap failed: {(result.stdout + result.stderr)[-2000:]}")
        # As in the real image: pip may install into the system python (no PEP 668 marker);
        # and no package lists or downloaded .debs.
        for marker in tree.glob("usr/lib/python3*/EXTERNALLY-MANAGED"):
            marker.unlink()
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists"):
            for path in (tree / junk).glob("*"):
                if path.is_file():
                    path.unlink()
        partial = Path(work) / "rootfs.tar"
        subprocess.run(
            ["tar", "--numeric-owner", "--xattrs", "-C", str(tree), "-cf", str(partial), "."],
            check=True,
        )
        partial.replace(tarball)
    log(f"stand-in tree: made {tarball} in {time.monotonic() - started:.0f} s")
    return tarball


def import_stand_in(name: str, tarball: Path) -> None:
    """`podman import` the cached tree as `name`, with this machine's CA bundle swapped in."""
    ca_bundle = HOST_CA_BUNDLE.read_bytes() if HOST_CA_BUNDLE.is_file() else None
    with tempfile.TemporaryDirectory(dir=cache_dir(), prefix="import-") as work:
        patched = Path(work) / "rootfs.tar"
        with tarfile.open(tarball) as source, tarfile.open(patched, "w") as target:
            for member in source:
                if member.name.lstrip("./") == CA_BUNDLE_IN_IMAGE and ca_bundle is not None:
                    member.size, member.type = len(ca_bundle), tarfile.REGTYPE
                    target.addfile(member, io.BytesIO(ca_bundle))
                elif member.isfile():
                    target.addfile(member, source.extractfile(member))
                else:
                    target.addfile(member)
        changes = [*STAND_IN_CHANGES, f"LABEL {STAND_IN_LABEL}=debootstrap-bookworm"]
        args = [arg for change in changes for arg in ("--change", change)]
        podman("import", "--quiet", *args, "--message", "stand-in base", str(patched), name)
    log(f"stand-in imported as {name}")


# -- the build -------------------------------------------------------------------------------------
# Build context files get this mtime and plain modes: podman's layer cache keys COPY on them too,
# so a fresh clone (new times; another umask) would otherwise rebuild every layer from the first
# COPY on, and leave another copy of the 360 MB venv layer behind.
CONTEXT_MTIME = 946684800  # 2000-01-01
BUILD_STAGE_TAG = "localhost/quotes-build:cache"
PROJECT_LABEL = "org.quote-attribution.project"


def stage_context(target: Path) -> Path:
    """Copy what .dockerignore lets in (its `!` lines after `*`) into `target`, with one mtime
    and modes 644/755."""
    ignore = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    allowed = [line.strip()[1:] for line in ignore if line.strip().startswith("!")]
    junk = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in allowed:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=junk, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, target / name)
    shutil.copy2(ROOT / ".dockerignore", target / ".dockerignore")
    for path in [target, *target.rglob("*")]:
        if not path.is_symlink():
            executable = path.is_dir() or path.stat().st_mode & 0o100
            path.chmod(0o755 if executable else 0o644)
        os.utime(path, (CONTEXT_MTIME, CONTEXT_MTIME), follow_symlinks=False)
    return target


def build(tag: str = DEFAULT_TAG, *, quiet: bool = False) -> float:
    """Base image(s), then `podman build` of the Dockerfile as `tag`; returns its seconds.

    The build stage is tagged too, so that removing this project's dangling images afterwards
    (older builds') keeps every layer the next build can reuse."""
    for image in base_images():
        ensure_base(image)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="quotes-context-") as work:
        context = stage_context(Path(work))
        for target, name in (("build", BUILD_STAGE_TAG), (None, tag)):
            command = ["build", *BUILD_FLAGS, "--tag", name, "--file", str(DOCKERFILE)]
            command += ["--target", target] if target else []
            log(f"podman {shlex.join([*podman_flags(), *command, str(context)])}")
            result = subprocess.run(
                ["podman", *podman_flags(), *command, str(context)],
                stdout=subprocess.PIPE if quiet else None,
                stderr=subprocess.STDOUT if quiet else None,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                tail = (result.stdout or "")[-4000:]
                raise RuntimeError(f"podman build failed ({result.returncode})\n{tail}")
    seconds = time.monotonic() - started
    podman("image", "prune", "--force", "--filter", f"label={PROJECT_LABEL}", check=False)
    log(f"built {tag} in {seconds:.1f} s")
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build", help="base image (pulled or stand-in), then the image")
    build_parser.add_argument("--tag", default=DEFAULT_TAG)
    sub.add_parser("base", help="only make sure the Dockerfile's base image is in podman")
    sub.add_parser("flags", help="print the podman global, build and run flags for this machine")
    args = parser.parse_args(argv)
    if args.command == "flags":
        print("global:", shlex.join(podman_flags()))
        print("build: ", shlex.join(BUILD_FLAGS))
        print("run:   ", shlex.join(ulimit_flags()))
        return 0
    reason = usable()
    if reason:
        log(reason)
        return 2
    if args.command == "base":
        for image in base_images():
            ensure_base(image)
        return 0
    build(args.tag)
    return 0


if __name__ == "__main__":
    sys.exit(main())
