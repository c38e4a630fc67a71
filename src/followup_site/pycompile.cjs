// Compile Python to bytecode with the Python that runs it: Pyodide's own, in Node.
//
// Usage: node pycompile.cjs PYODIDE_DIR JOBS.json   (run by followup_site/runtime.py, which
// caches the results by content). JOBS.json is a list of
//   {"kind": "wheel", "source": IN.whl, "target": OUT.whl}
//   {"kind": "stdlib", "source": python_stdlib.zip, "target": OUT.zip, "exclude": [names]}
//
// Each module `a/b.py` becomes `a/b.pyc` (sourceless, unchecked-hash: nothing to stat or compare
// at import) whose code names the path it has in the browser, so tracebacks point at the real
// location. The host's CPython cannot do this: its bytecode is for its own version. A stdlib job
// also leaves out the modules and packages named in `exclude` (dotted: "encodings.cp1250").
// Same input, same output: entry order and dates are kept.
"use strict";

const { readFileSync, writeFileSync } = require("node:fs");
const { resolve } = require("node:path");
const { pathToFileURL } = require("node:url");

const COMPILE = `
import base64, hashlib, importlib.util, json, posixpath, sys, sysconfig, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

SITE = posixpath.normpath(sysconfig.get_path("purelib"))
STDLIB = next(p for p in sys.path if p.endswith(".zip"))  # /lib/python3XX.zip
OPTIMIZE = 0

def pyc(name, data, where):
    code = compile(data, f"{where}/{name}", "exec", dont_inherit=True, optimize=OPTIMIZE)
    return name + "c", bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))

def excluded(name, exclude):
    parts = name.removesuffix(".py").strip("/").split("/")
    return any(".".join(parts[:i]) in exclude for i in range(1, len(parts) + 1))

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}\\n"

def run(job):
    global OPTIMIZE
    OPTIMIZE = job.get("optimize", 0)
    where = SITE if job["kind"] == "wheel" else STDLIB
    exclude = set(job.get("exclude", ()))
    files, record = [], None
    with zipfile.ZipFile("/tmp/in.zip") as source:
        for info in source.infolist():
            name = info.filename
            if name.endswith(".dist-info/RECORD"):
                record = info
                continue
            if excluded(name, exclude):
                continue
            data = source.read(info)
            if name.endswith(".py"):
                name, data = pyc(name, data, where)
            files.append((info, name, data))
    if record is not None:  # a wheel lists its files and their hashes
        lines = "".join(record_line(name, data) for _, name, data in files)
        files.append((record, record.filename, (lines + f"{record.filename},,\\n").encode()))
    with zipfile.ZipFile("/tmp/out.zip", "w") as target:
        for info, name, data in files:
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
            entry.external_attr = info.external_attr
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data, compresslevel=9)
`;

async function main() {
  const [pyodideDir, jobsFile] = process.argv.slice(2);
  if (!pyodideDir || !jobsFile) throw new Error("usage: node pycompile.cjs PYODIDE_DIR JOBS.json");
  const indexURL = `${resolve(pyodideDir)}/`; // a path: Node's Pyodide reads files, not URLs
  const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: (line) => console.error(line) });
  pyodide.runPython(COMPILE);
  for (const job of JSON.parse(readFileSync(jobsFile, "utf8"))) {
    pyodide.FS.writeFile("/tmp/in.zip", readFileSync(job.source));
    pyodide.globals.set("JOB", JSON.stringify(job));
    pyodide.runPython("run(json.loads(JOB))");
    writeFileSync(job.target, pyodide.FS.readFile("/tmp/out.zip"));
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
