// The bench floor's worker: Pyodide from the site's own runtime, nothing else.
const RUNTIME = new URL("../app/pyodide/", import.meta.url);
const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME).href);
await loadPyodide({ indexURL: RUNTIME.href });
self.postMessage("ready");
