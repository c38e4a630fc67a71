"""Self-hosted Pyodide runtime for the worksheet: fetch once, assemble offline into the site.

``prepare`` needs the network (npm and PyPI) and fills ``node_modules/`` and ``.cache/wheels/``;
``assemble`` runs on every site build without it and writes the folder that ``worker.mjs`` loads
from: the Pyodide core, three wheels and a ``pyodide-lock.json`` that lists only those wheels.

Usage: ``python worksheet/runtime.py prepare`` and ``python worksheet/runtime.py assemble OUTDIR``.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

# The one place where the browser's Python dependencies are pinned. Pyodide itself is pinned in
# package.json / package-lock.json. The hash is PyPI's for the pure Jinja2 wheel.
JINJA2_VERSION = "3.1.6"
JINJA2_WHEEL = f"jinja2-{JINJA2_VERSION}-py3-none-any.whl"
JINJA2_SHA256 = "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67"
MARKUPSAFE_VERSION = "3.0.3"
MARKUPSAFE_WHEEL = f"markupsafe-{MARKUPSAFE_VERSION}-py3-none-any.whl"

# What worker.mjs loads; the lock is trimmed to these and their dependencies.
PACKAGES = ("jinja2", "markupsafe", "followup")
# The core files loadPyodide fetches from indexURL (pyodide.js, maps and .d.ts stay out).
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

# Fixed zip timestamps make the engine wheel byte-identical for identical sources.
_EPOCH = (1980, 1, 1, 0, 0, 0)


class RuntimeNotPrepared(RuntimeError):
    """Raised by ``assemble`` when a file that ``prepare`` downloads or builds is missing."""


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    subprocess.run(args, cwd=cwd, env=env, check=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pyodide_version(root: Path) -> str:
    """The exact Pyodide version pinned in package.json."""
    return str(json.loads((root / "package.json").read_text())["dependencies"]["pyodide"])


def _check_pure(wheel: Path) -> None:
    """Fail unless ``wheel`` is a pure-Python wheel: Pyodide cannot load host binaries."""
    with zipfile.ZipFile(wheel) as archive:
        binaries = [n for n in archive.namelist() if n.endswith((".so", ".pyd", ".dylib"))]
    if not wheel.name.endswith("-py3-none-any.whl") or binaries:
        raise RuntimeError(f"{wheel.name} is not a pure wheel (binaries: {binaries})")


def prepare(root: Path) -> None:
    """Install the pinned Pyodide from npm and fetch or build the two pure wheels it needs.

    Idempotent: each step is skipped when its result is already in place.
    """
    core = root / "node_modules" / "pyodide"
    package_json = core / "package.json"
    installed = json.loads(package_json.read_text())["version"] if package_json.exists() else None
    if installed != _pyodide_version(root):
        _run(["npm", "ci", "--no-audit", "--no-fund"], cwd=root)

    wheels = root / ".cache" / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    jinja2 = wheels / JINJA2_WHEEL
    if not jinja2.exists() or _sha256(jinja2) != JINJA2_SHA256:
        jinja2.unlink(missing_ok=True)
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
        _run([*pip, "--dest", str(wheels), f"jinja2=={JINJA2_VERSION}"], cwd=root)
        if _sha256(jinja2) != JINJA2_SHA256:
            raise RuntimeError(f"{jinja2} does not match the pinned sha256")

    markupsafe = wheels / MARKUPSAFE_WHEEL
    if not markupsafe.exists():
        # No C compiler: MarkupSafe's build falls back to its pure-Python implementation, which
        # is documented, supported behaviour. Pyodide has no wheel of it that we can self-host.
        env = {**os.environ, "CC": "/bin/false"}
        pip = [sys.executable, "-m", "pip", "wheel", "--no-binary=:all:", "--no-deps"]
        with tempfile.TemporaryDirectory() as tmp:
            _run([*pip, "--wheel-dir", tmp, f"markupsafe=={MARKUPSAFE_VERSION}"], root, env)
            _check_pure(Path(tmp) / MARKUPSAFE_WHEEL)
            shutil.copyfile(Path(tmp) / MARKUPSAFE_WHEEL, markupsafe)
    _check_pure(markupsafe)


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def build_engine_wheel(root: Path, out: Path) -> Path:
    """Write the ``followup`` wheel from ``root/src`` into ``out``; return its path.

    The files are the package's ``.py`` modules plus its ``package-data`` patterns from
    pyproject.toml. Deterministic: same sources, same bytes, same sha256 in the lock.
    """
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    project = pyproject["project"]
    name, version = project["name"], project["version"]
    package = root / "src" / name
    package_data = pyproject.get("tool", {}).get("setuptools", {}).get("package-data", {})
    patterns = ["*.py", *package_data.get(name, [])]
    sources = sorted(
        p
        for p in package.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and any(fnmatch.fnmatch(p.relative_to(package).as_posix(), pat) for pat in patterns)
    )
    dist_info = f"{name}-{version}.dist-info"
    metadata = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '>=3')}",
        *(f"Requires-Dist: {dep}" for dep in project.get("dependencies", [])),
    ]
    files: list[tuple[str, bytes]] = [
        (f"{name}/{p.relative_to(package).as_posix()}", p.read_bytes()) for p in sources
    ]
    files += [
        (f"{dist_info}/METADATA", ("\n".join(metadata) + "\n").encode()),
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: worksheet/runtime.py\n"
            b"Root-Is-Purelib: true\nTag: py3-none-any\n",
        ),
        (f"{dist_info}/top_level.txt", f"{name}\n".encode()),
    ]
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files)
    files.append((f"{dist_info}/RECORD", (record + f"{dist_info}/RECORD,,\n").encode()))

    wheel = out / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return wheel


def _copy_if_changed(source: Path, target: Path) -> None:
    """Copy with metadata, skipping the copy when size and mtime already match (fast rebuilds)."""
    if target.exists():
        src, dst = source.stat(), target.stat()
        if (src.st_size, src.st_mtime_ns) == (dst.st_size, dst.st_mtime_ns):
            return
    shutil.copy2(source, target)


def trim_lock(lock: dict[str, Any], roots: tuple[str, ...] = PACKAGES) -> dict[str, Any]:
    """Keep only the lock entries for ``roots`` and their dependencies, so the browser never
    sees a package we do not ship."""
    packages = lock["packages"]
    keep: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        if name not in packages:
            raise RuntimeError(f"pyodide-lock.json has no package {name!r}")
        keep.add(name)
        todo += packages[name]["depends"]
    return {**lock, "packages": {name: packages[name] for name in sorted(keep)}}


def write_lock(core_lock: Path, wheels: list[Path], out: Path) -> Path:
    """Write ``out/pyodide-lock.json`` for ``wheels`` (already in ``out``) with pyodide-build's
    ``add-wheels``, trimmed to what we load; every ``file_name`` is a bare name in ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "pyodide-lock.json"
        add_wheels = [sys.executable, "-m", "pyodide_cli", "lockfile", "add-wheels"]
        options = ["--input", str(core_lock), "--output", str(full), "--base-path", str(out)]
        _run([*add_wheels, *options, *map(str, wheels)], cwd=out)
        lock = trim_lock(json.loads(full.read_text()))
    shipped = {wheel.name for wheel in wheels}
    for entry in lock["packages"].values():
        if entry["file_name"] not in shipped:
            raise RuntimeError(f"lock entry {entry['name']} points at {entry['file_name']}")
    path = out / "pyodide-lock.json"
    path.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    return path


def assemble(root: Path, out: Path) -> list[Path]:
    """Write the worksheet runtime into ``out`` from local files only; return the files written.

    Every reference in the lock is a bare file name, resolved next to the lock, so the site works
    under any sub-path.
    """
    core = root / "node_modules" / "pyodide"
    wheels = root / ".cache" / "wheels"
    copied = [core / name for name in CORE_FILES]
    copied += [wheels / JINJA2_WHEEL, wheels / MARKUPSAFE_WHEEL]
    missing = [p for p in [*copied, core / "pyodide-lock.json"] if not p.exists()]
    if missing:
        names = [str(path.relative_to(root)) for path in missing]
        raise RuntimeNotPrepared(
            f"the worksheet runtime is not prepared: {', '.join(names)} missing. "
            "Run `make setup` (or `python worksheet/runtime.py prepare`) once with network access."
        )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in copied:
        _copy_if_changed(source, out / source.name)
        written.append(out / source.name)
    engine = build_engine_wheel(root, out)
    lock = write_lock(core / "pyodide-lock.json", [*written[-2:], engine], out)
    return [*written, engine, lock]


def main(argv: list[str]) -> int:
    """Command line: ``prepare`` or ``assemble OUTDIR``."""
    root = Path(__file__).resolve().parent.parent
    if argv[:1] == ["prepare"] and len(argv) == 1:
        prepare(root)
        return 0
    if argv[:1] == ["assemble"] and len(argv) == 2:
        try:
            files = assemble(root, Path(argv[1]))
        except RuntimeNotPrepared as error:
            print(error, file=sys.stderr)
            return 1
        for path in files:
            print(path)
        return 0
    print("usage: runtime.py prepare | runtime.py assemble OUTDIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
