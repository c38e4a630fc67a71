// Bench baseline (copied by bench/run.py into its copy of the site, never part of the site): what
// Pyodide-in-docs pages do. After `load`, on the main thread: loadPyodide() from the runtime named
// in this script's URL (`baseline.mjs?runtime=../app/pyodide/`), then the packages from the same
// lock, then one render of the answers in the page's #bench-answers; the first draft is painted.
const RUNTIME = new URL(new URL(import.meta.url).searchParams.get("runtime"), import.meta.url);

async function main() {
  const answers = JSON.parse(document.getElementById("bench-answers").textContent);
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME).href);
  const pyodide = await loadPyodide({ indexURL: RUNTIME.href });
  await pyodide.loadPackage(["jinja2", "markupsafe", "followup"]);
  const handle = pyodide.pyimport("followup.web").handle;
  const result = JSON.parse(handle(JSON.stringify({ type: "render", answers })));
  const draft = result.drafts[0];
  const card = document.createElement("div");
  card.dataset.draftKind = draft.kind;
  const body = document.createElement("pre");
  body.dataset.draftPart = "body";
  body.textContent = draft.body;
  card.append(body);
  document.querySelector("article").prepend(card);
}

if (document.readyState === "complete") main();
else addEventListener("load", () => main(), { once: true });
