// Runs the real Pyodide in Node against an assembled worksheet runtime (see worksheet/runtime.py).
//
// Usage: node tests/pyodide_render.mjs RUNTIME_DIR < requests.json
//
// stdin holds a JSON array of request strings for `followup.web.handle`; stdout gets one JSON
// object: {"responses": [<handle()'s JSON text>, ...], "timings": {...milliseconds}}. Pyodide
// loads from RUNTIME_DIR with its trimmed pyodide-lock.json, exactly the files the site serves.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PACKAGES = ["jinja2", "markupsafe", "followup"];

/**
 * Load Pyodide and the engine from `runtimeDir`, then answer each request in order.
 * @param {string} runtimeDir folder written by `assemble()`
 * @param {string[]} requests JSON request texts
 * @returns {Promise<{responses: string[], timings: Record<string, number>}>}
 */
async function main(runtimeDir, requests) {
  const started = performance.now();
  const { loadPyodide } = await import(pathToFileURL(join(runtimeDir, "pyodide.mjs")).href);
  const errors = [];
  const pyodide = await loadPyodide({
    indexURL: runtimeDir + "/",
    lockFileURL: join(runtimeDir, "pyodide-lock.json"),
    packages: PACKAGES,
    stdout: () => {},
    stderr: (line) => errors.push(line),
  });
  const loaded = performance.now();
  // loadPackage reports a failed package on stderr instead of throwing: check explicitly.
  const missing = PACKAGES.filter((name) => !(name in pyodide.loadedPackages));
  if (missing.length) {
    throw new Error(`packages not loaded: ${missing.join(", ")}\n${errors.join("\n")}`);
  }
  const handle = pyodide.pyimport("followup.web").handle;
  const imported = performance.now();
  const responses = [];
  let firstHandle = 0;
  for (const request of requests) {
    responses.push(handle(request));
    if (!firstHandle) firstHandle = performance.now();
  }
  const done = performance.now();
  return {
    responses,
    timings: {
      load_pyodide_and_packages: loaded - started,
      import_engine: imported - loaded,
      first_handle: firstHandle ? firstHandle - imported : 0,
      all_handles: done - imported,
      total: done - started,
    },
  };
}

const runtimeDir = resolve(process.argv[2] ?? "");
const requests = JSON.parse(readFileSync(0, "utf8"));
try {
  process.stdout.write(JSON.stringify(await main(runtimeDir, requests)));
} catch (error) {
  // The message alone: a stack through pyodide.asm.mjs prints megabytes of minified source.
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exitCode = 1;
}
