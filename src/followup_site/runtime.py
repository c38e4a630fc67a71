"""Self-hosted Pyodide runtime for the worksheet: fetch once, assemble offline into the site.

``prepare`` needs the network (npm and PyPI) and fills ``node_modules/`` and
``.followup-cache/wheels/``; ``assemble`` runs on every site build without it and writes the
folder that ``worker.mjs`` loads from: the Pyodide core, three wheels and a ``pyodide-lock.json``
that lists only those wheels. The wheels and the standard library ship bytecode, not sources
(Pyodide's npm package has the standard library as ``.py`` files, which the browser would
compile at every start): ``pycompile.cjs`` compiles them with Pyodide's own Python in Node, and
leaves out of the standard library what a drafting engine in a Web Worker never imports
(STDLIB_EXCLUDE), so the zip gets smaller, not larger. Results are cached by content in
``node_modules/.cache/followup-pyc/``. The engine wheel holds ``src/followup`` only: this
package (build-time code) never reaches the browser.

Usage: ``python -m followup_site prepare`` and ``python -m followup_site assemble OUTDIR``.
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

from . import BuildError

# The one place where the browser's Python dependencies are pinned. Pyodide itself is pinned in
# package.json / package-lock.json. The hash is PyPI's for the pure Jinja2 wheel.
JINJA2_VERSION = "3.1.6"
JINJA2_WHEEL = f"jinja2-{JINJA2_VERSION}-py3-none-any.whl"
JINJA2_SHA256 = "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67"
MARKUPSAFE_VERSION = "3.0.3"
MARKUPSAFE_WHEEL = f"markupsafe-{MARKUPSAFE_VERSION}-py3-none-any.whl"

# What worker.mjs loads; the lock is trimmed to these and their dependencies.
PACKAGES = ("jinja2", "markupsafe", "followup")
# The core files loadPyodide fetches from indexURL (pyodide.js, maps and .d.ts stay out); the
# standard library, python_stdlib.zip, is compiled (compile_stdlib).
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")

# The project's own cache, beside (never inside) any builder's: MkDocs and Zensical both own
# `.cache/`, and `zensical build --clean` empties it. Wheels live here, the assembled runtime too.
CACHE_DIR = ".followup-cache"

# Fixed zip timestamps make the engine wheel byte-identical for identical sources.
_EPOCH = (1980, 1, 1, 0, 0, 0)
# Compiles wheels and the standard library to bytecode inside Pyodide (Node); see _compile.
PYCOMPILE = Path(__file__).resolve().parent / "pycompile.cjs"
# Left out of the browser's standard library: development and test tools, servers and network
# clients, other processes, terminals and other file formats. Nothing the engine, Jinja2 or
# Pyodide's start-up imports (tests/test_pyodide.py runs every kind of request on the result).
STDLIB_EXCLUDE = (
    "__hello__", "__phello__", "_pyio", "_pyrepl", "antigravity", "argparse", "bdb", "cProfile",
    "cmd", "compileall", "configparser", "csv", "ctypes", "difflib", "doctest", "filecmp",
    "fileinput", "ftplib", "getopt", "getpass", "graphlib", "html", "http", "imaplib", "mailbox",
    "mimetypes", "modulefinder", "multiprocessing", "netrc", "optparse", "pdb", "pickletools",
    "plistlib", "poplib",
    "profile", "pstats", "pty", "py_compile", "pyclbr", "pydoc", "sched", "shelve", "smtplib",
    "socketserver", "sqlite3", "statistics", "symtable", "tabnanny", "this", "timeit", "trace",
    "tty", "unittest", "uuid", "wave", "webbrowser", "wsgiref", "xml", "xmlrpc", "zipapp",
    # Parts of packages that are kept: Windows, other processes and interpreters, a console,
    # network clients, logging configuration, and the pure-Python datetime (the C one is built in).
    "_pydatetime", "asyncio.__main__", "asyncio.proactor_events", "asyncio.tools",
    "asyncio.windows_events", "asyncio.windows_utils", "code", "concurrent.futures.interpreter",
    "concurrent.futures.process", "concurrent.interpreters", "json.tool", "logging.config",
    "logging.handlers", "platform", "pyodide.console", "rlcompleter", "sysconfig.__main__",
    "tracemalloc", "urllib.request", "urllib.robotparser",
)  # fmt: skip
# Compiled without docstrings and asserts (as `python -OO`, which CPython supports for its whole
# standard library): a smaller download. The engine keeps both, exactly as written.
OPTIMIZE_OTHERS = 2
# The codecs kept: Unicode, ASCII, Latin-1, the ones e-mail and zip files use. Text arrives
# as JSON; nothing decodes other 8-bit or East Asian encodings.
ENCODINGS_KEPT = (
    "__init__", "aliases", "ascii", "base64_codec", "charmap", "cp1252", "cp437", "hex_codec",
    "idna", "latin_1", "punycode", "quopri_codec", "raw_unicode_escape", "undefined",
    "unicode_escape", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
    "utf_7", "utf_8", "utf_8_sig", "zlib_codec",
)  # fmt: skip


class RuntimeNotPrepared(BuildError):
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

    wheels = wheels_dir(root)
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


def wheels_dir(root: Path) -> Path:
    """Where ``prepare`` keeps the Jinja2 and MarkupSafe wheels of the project at ``root``."""
    return root / CACHE_DIR / "wheels"


def runtime_dir(root: Path) -> Path:
    """Where site builds assemble the runtime before copying it into the site."""
    return root / CACHE_DIR / "runtime"


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def build_engine_wheel(root: Path, out: Path) -> Path:
    """Write the ``followup`` wheel from ``root/src`` into ``out``, compiled; return its path.

    The files are the package's modules plus its ``package-data`` patterns from pyproject.toml.
    Deterministic: same sources, same bytes, same sha256 in the lock.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source = build_engine_source_wheel(root, Path(tmp))
        compiled = _compile(root, [_wheel_job(source)])[0]
        shutil.copyfile(compiled, out / source.name)
        return out / source.name


def build_engine_source_wheel(root: Path, out: Path) -> Path:
    """Write the ``followup`` wheel with its ``.py`` sources into ``out``; return its path."""
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
            b"Wheel-Version: 1.0\nGenerator: followup_site.runtime\n"
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


def _compile(root: Path, jobs: list[dict[str, Any]]) -> list[Path]:
    """Run ``pycompile.cjs`` on the jobs whose result is not cached; return each job's result.

    The cache key covers the input's bytes, the job's options, the compiler and the pinned
    Pyodide. It lives in ``node_modules/.cache/`` so that copies of the project that link
    ``node_modules`` (the update test's second build) share it.
    """
    core = root / "node_modules" / "pyodide"
    salt = PYCOMPILE.read_bytes() + (core / "package.json").read_bytes()
    cache = root / "node_modules" / ".cache" / "followup-pyc"
    cache.mkdir(parents=True, exist_ok=True)
    results = []
    for job in jobs:
        options = json.dumps({k: v for k, v in job.items() if k != "source"}, sort_keys=True)
        digest = hashlib.sha256(salt + options.encode() + Path(job["source"]).read_bytes())
        results.append(cache / f"{digest.hexdigest()[:32]}{Path(job['source']).suffix}")
    todo = [(job, result) for job, result in zip(jobs, results, strict=True) if not result.exists()]
    if todo:
        node = shutil.which("node")
        if node is None:
            raise RuntimeNotPrepared("Node.js is needed to compile the runtime: run `make setup`")
        with tempfile.TemporaryDirectory(dir=cache) as tmp:
            runs = [
                {**job, "source": str(job["source"]), "target": str(Path(tmp) / result.name)}
                for job, result in todo
            ]
            (Path(tmp) / "jobs.json").write_text(json.dumps(runs))
            _run([node, str(PYCOMPILE), str(core), str(Path(tmp) / "jobs.json")], cwd=root)
            for run, (_, result) in zip(runs, todo, strict=True):
                Path(run["target"]).replace(result)
    return results


def _wheel_job(wheel: Path) -> dict[str, Any]:
    engine = wheel.name.startswith("followup-")
    return {"kind": "wheel", "source": wheel, "optimize": 0 if engine else OPTIMIZE_OTHERS}


def compile_wheels(root: Path, wheels: list[Path], out: Path) -> list[Path]:
    """Write each wheel into ``out`` under its own name with ``.pyc`` modules instead of ``.py``;
    return their paths."""
    compiled = _compile(root, [_wheel_job(wheel) for wheel in wheels])
    for wheel, result in zip(wheels, compiled, strict=True):
        shutil.copyfile(result, out / wheel.name)
    return [out / wheel.name for wheel in wheels]


def stdlib_exclude(stdlib: Path) -> list[str]:
    """STDLIB_EXCLUDE, plus every codec module not in ENCODINGS_KEPT."""
    with zipfile.ZipFile(stdlib) as archive:
        codecs = {
            name.removeprefix("encodings/").removesuffix(".py")
            for name in archive.namelist()
            if name.startswith("encodings/") and name.endswith(".py")
        }
    return [*STDLIB_EXCLUDE, *(f"encodings.{c}" for c in sorted(codecs - set(ENCODINGS_KEPT)))]


def compile_stdlib(root: Path, out: Path) -> Path:
    """Write ``python_stdlib.zip`` into ``out``: compiled, without STDLIB_EXCLUDE."""
    source = root / "node_modules" / "pyodide" / "python_stdlib.zip"
    exclude = stdlib_exclude(source)
    job = {"kind": "stdlib", "source": source, "exclude": exclude, "optimize": OPTIMIZE_OTHERS}
    _copy_if_changed(_compile(root, [job])[0], out / source.name)
    return out / source.name


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


def write_lock(core_lock: Path, sources: list[Path], out: Path) -> Path:
    """Write ``out/pyodide-lock.json`` with pyodide-build's ``add-wheels``, trimmed to what we
    load; every ``file_name`` is a bare name in ``out``.

    ``add-wheels`` reads the source wheels (it finds a wheel's import names in its ``.py``
    files); the sha256 is then that of the compiled wheel of the same name in ``out``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "wheels"
        base.mkdir()
        for wheel in sources:
            shutil.copyfile(wheel, base / wheel.name)
        full = Path(tmp) / "pyodide-lock.json"
        add_wheels = [sys.executable, "-m", "pyodide_cli", "lockfile", "add-wheels"]
        options = ["--input", str(core_lock), "--output", str(full), "--base-path", str(base)]
        _run([*add_wheels, *options, *(str(base / w.name) for w in sources)], cwd=base)
        lock = trim_lock(json.loads(full.read_text()))
    shipped = {wheel.name for wheel in sources}
    for entry in lock["packages"].values():
        if entry["file_name"] not in shipped:
            raise RuntimeError(f"lock entry {entry['name']} points at {entry['file_name']}")
        entry["sha256"] = _sha256(out / entry["file_name"])
    path = out / "pyodide-lock.json"
    path.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    return path


def assemble(root: Path, out: Path) -> list[Path]:
    """Write the worksheet runtime into ``out`` from local files only; return the files written.

    Every reference in the lock is a bare file name, resolved next to the lock, so the site works
    under any sub-path.
    """
    core = root / "node_modules" / "pyodide"
    cached = wheels_dir(root)
    copied = [core / name for name in CORE_FILES]
    copied += [cached / JINJA2_WHEEL, cached / MARKUPSAFE_WHEEL]
    needed = [*copied, core / "python_stdlib.zip", core / "pyodide-lock.json"]
    missing = [p for p in needed if not p.exists()]
    if missing:
        names = [str(path.relative_to(root)) for path in missing]
        raise RuntimeNotPrepared(
            f"the worksheet runtime is not prepared: {', '.join(names)} missing. "
            "Run `make setup` (or `python -m followup_site prepare`) once with network access."
        )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in copied[: len(CORE_FILES)]:
        _copy_if_changed(source, out / source.name)
        written.append(out / source.name)
    written.append(compile_stdlib(root, out))
    with tempfile.TemporaryDirectory() as tmp:
        sources = [*copied[len(CORE_FILES) :], build_engine_source_wheel(root, Path(tmp))]
        wheels = compile_wheels(root, sources, out)
        lock = write_lock(core / "pyodide-lock.json", sources, out)
    return [*written, *wheels, lock]
