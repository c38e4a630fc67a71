// Module Web Worker: runs the followup engine in the self-hosted Pyodide next to this file.
//
// Messages (see worksheet/README.md):
//   page → worker  {id, type, payload}
//   worker → page  {type: "status", stage, message}   stage: loading-runtime | loading-packages
//                                                            | ready | error
//                  {id, ok: true, result}  or  {id, ok: false, error}
// Start it with `new Worker(url, {type: "module"})`: Pyodide 314 refuses classic workers.

/** Folder written by worksheet/runtime.py `assemble()`; relative, so any sub-path works. */
const RUNTIME_URL = new URL("./pyodide/", import.meta.url);
/** Loaded while Pyodide boots, so their downloads overlap its start-up. */
const PACKAGES = ["jinja2", "markupsafe", "followup"];
/** Pyodide's stderr lines that mean the runtime itself failed to start. */
const FATAL_STDERR = /wasm instantiation failed|fetching of the wasm failed|^Aborted\(/;

/**
 * Post a loading stage for the page's status line.
 * @param {"loading-runtime" | "loading-packages" | "ready" | "error"} stage
 * @param {string} message
 */
function status(stage, message) {
  self.postMessage({ type: "status", stage, message });
}

/**
 * Load Pyodide, the three wheels and `followup.web`; resolve to its `handle` function.
 * @returns {Promise<(request: string) => string>}
 */
async function start() {
  status("loading-runtime", "Loading the Python runtime…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME_URL).href);
  let lastError = "";
  /** @type {(error: Error) => void} */
  let fail = () => {};
  // When the .wasm cannot be fetched or compiled, Pyodide only says so on stderr and its
  // promise never settles: treat those lines as fatal so the page can offer a retry at once.
  const fatal = new Promise((_, reject) => {
    fail = reject;
  });
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: RUNTIME_URL.href,
      lockFileURL: new URL("pyodide-lock.json", RUNTIME_URL).href,
      packages: PACKAGES,
      stdout: (/** @type {string} */ line) => console.debug(line),
      stderr: (/** @type {string} */ line) => {
        console.warn(line);
        lastError = line;
        if (FATAL_STDERR.test(line)) fail(new Error(line));
      },
    }),
    fatal,
  ]);
  // A package that fails to load is only reported on stderr; the import would fail later.
  const missing = PACKAGES.filter((name) => !(name in pyodide.loadedPackages));
  if (missing.length) {
    const reason = lastError ? ` (${lastError})` : "";
    throw new Error(`could not load ${missing.join(", ")}${reason}`);
  }
  status("loading-packages", "Loading the drafting engine…");
  const web = pyodide.pyimport("followup.web");
  if (typeof web.handle !== "function") throw new Error("followup.web has no handle()");
  status("ready", "The drafting engine is ready.");
  return web.handle;
}

/** Resolves once the engine is usable; requests that arrive earlier wait on it, in order. */
const engine = start();
engine.catch((error) => status("error", `The drafting engine could not load: ${describe(error)}`));

/**
 * A short, user-safe message: the last line of a Python traceback, never the whole of it.
 * @param {unknown} error
 * @returns {string}
 */
function describe(error) {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] || "unknown error";
}

/**
 * Send one request to Python's `followup.web.handle` (JSON text in, JSON text out).
 * @param {string} type
 * @param {object} payload
 * @returns {Promise<unknown>}
 */
async function callEngine(type, payload) {
  const handle = await engine;
  return JSON.parse(handle(JSON.stringify({ ...payload, type })));
}

/**
 * Answer one request by its type; an unknown type is an error.
 * @param {string} type
 * @param {object} payload
 * @returns {Promise<unknown>}
 */
async function handler(type, payload) {
  switch (type) {
    case "ping":
      return "pong";
    case "render": // drafts, plan and normalised answers
    case "validate": // normalised answers or field errors
    case "ics": // calendar file of the plan
    case "eml": // one draft as an email file
    case "schema": // form schema and review checks
    case "example": // the sample answers
      return callEngine(type, payload);
    default:
      throw new Error(`unknown request type: ${JSON.stringify(type)}`);
  }
}

self.onmessage = async (/** @type {MessageEvent} */ event) => {
  const { id, type, payload } = event.data ?? {};
  try {
    const result = await handler(type, payload ?? {});
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    console.error(error);
    self.postMessage({ id, ok: false, error: describe(error) });
    // After a fatal error the interpreter is unusable: crash so that the client restarts us.
    if (/** @type {{pyodide_fatal_error?: boolean}} */ (error)?.pyodide_fatal_error) {
      setTimeout(() => {
        throw error;
      });
    }
  }
};
