// The page ⇄ worker protocol, declared once: the message type names (read by worker.mjs and
// checked against the engine by tests/test_web.py) and the shapes of every message, as JSDoc
// types that client.mjs, worker.mjs and the page's modules import. The engine's side is
// src/followup/web.py (one JSON-in, JSON-out `handle`); worksheet/README.md describes the flow.
//
// Page → worker:  {id, type, payload}            Request
// Worker → page:  {type: "status", stage, message}  Status (loading stages, in order)
//                 {id, ok: true, result}  or  {id, ok: false, error}  Reply
//
// `ping` is answered by the worker itself, even while the engine loads; every ENGINE_REQUESTS
// type goes to Python as `{...payload, type}`. Any other type is an error. Invalid answers are
// a result (`result.ok === false`, `result.errors`), not an error: an error means the request
// could not be answered at all (unknown type, engine not loaded, a crash).

/** Answered by the worker without the engine. */
export const PING = "ping";

/** The engine's request types (followup.web.HANDLERS), each with its result type in Results. */
export const ENGINE_REQUESTS = /** @type {const} */ ([
  "render", // drafts, plan and normalised answers for {answers, edits}
  "validate", // normalised answers, or field errors, for {answers}
  "ics", // the plan as a calendar file, for {answers, edits}
  "eml", // one draft as an email file, for {answers, edits, id}
  "remove_item", // the edits once entry `index` of the list at `path` is removed
  "schema", // the answers schema and the review checks
  "example", // the sample answers
  "due", // what is due today and this week, for {interviews: [{id, answers}]}
  "read_file", // an imported file's interviews for the form, or why it is not an answers file
  "export", // the answers as typed as a file, for {answers}
  "backup", // every interview as one backup file, for {interviews: [{answers, edits, archived}]}
]);

/** The backup's format and version (followup.files; docs/answers-files.md describes it). */
export const BACKUP_FORMAT = "followup-backup";
export const BACKUP_VERSION = 1;

/**
 * The control characters the engine removes from every file it writes (followup.model.CONTROL,
 * used by followup.files.clean), for the files the page writes while the engine is not running.
 */
export const CONTROL_CHARACTERS = String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]`;

/**
 * Text as the engine's followup.files.clean leaves it: line breaks as newlines, no other
 * control characters.
 * @param {string} text
 * @returns {string}
 */
export function cleanText(text) {
  return text.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(new RegExp(CONTROL_CHARACTERS, "g"), "");
}

/**
 * An error's short technical detail for people: one line (a Python traceback's last), never
 * "[object Object]", at most 200 characters.
 * @param {unknown} error
 * @returns {string}
 */
export function describeError(error) {
  /** @type {any} */
  const value = error;
  let text = "";
  if (typeof value === "string") text = value;
  else if (value && typeof value.message === "string" && value.message) text = value.message;
  else if (value instanceof Error) text = value.name;
  else if (value && typeof value.type === "string") text = `${value.type} event`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  const lines = text.trim().split("\n").map((line) => line.trim()).filter(Boolean);
  const last = lines[lines.length - 1] ?? "";
  if (!last || last === "{}" || last.startsWith("[object ")) return "no detail was given";
  return last.length > 200 ? `${last.slice(0, 199)}…` : last;
}

/** Loading stages, in the order they are reported; "error" ends loading for good. */
export const STAGES = /** @type {const} */ ([
  "loading-runtime", "loading-packages", "ready", "error",
]);

/**
 * @typedef {typeof ENGINE_REQUESTS[number]} EngineRequest
 * @typedef {typeof PING | EngineRequest} RequestType
 * @typedef {typeof STAGES[number]} Stage
 *
 * @typedef {{id: number, type: RequestType, payload: Record<string, unknown>}} Request
 * A loading stage; an error's `message` is one plain sentence and `detail` its short
 * technical reason (describeError).
 * @typedef {{type: "status", stage: Stage, message: string, detail?: string}} Status
 * @typedef {{id: number, ok: true, result: unknown} | {id: number, ok: false, error: string}} Reply
 */

/**
 * A person's edits, by draft id: what replaces the generated subject and body.
 * @typedef {Record<string, {subject: string, body: string}>} Edits
 */

/**
 * One problem with the answers (or the request), ready to show: `label` names the field as the
 * form does ("Interviewer 2 › Email"), `text` is the sentence for beside it, `missing` says a
 * required field is empty.
 * @typedef {{path: string, message: string, label: string, text: string, missing: boolean}} FieldError
 */

/**
 * What every engine reply carries; `errors` is empty exactly when `ok`.
 * @typedef {{ok: boolean, errors: FieldError[]}} Envelope
 */

/**
 * @typedef {{code: string, severity: string, message: string, guide: string}} Finding
 *
 * One draft, ready to paint: the drafts contract (kind, to, subject, body, send_on, findings),
 * its id (`kind.index`), `label` (its step in the plan), `to_text` and `when_text` for the card,
 * `text` and `text_filename` for "Download .txt", `mailto` (null: no mail link), and the
 * generated text under any edits.
 * @typedef {{id: string, kind: string, label: string, channel: string,
 *            to: {name: string, email: string}, subject: string, body: string,
 *            send_on: string | null, findings: Finding[], edited: boolean,
 *            generated: {subject: string, body: string}, to_text: string, when_text: string,
 *            text: string, text_filename: string, mailto: string | null}} Draft
 */

/**
 * The plan as a timeline: the interview first (`start`), then each send date; `gap` is the wait
 * in days since the previous date (at most 30), for spacing.
 * @typedef {{id: string, kind: string, label: string}} PlanStep
 * @typedef {{date: string, date_text: string, when_text: string, start: boolean, gap: number,
 *            steps: PlanStep[]}} PlanDay
 * @typedef {{days: PlanDay[], undated: PlanStep[]}} Plan
 */

/**
 * A step of the plan due today (`today`, also when it is late) or within the week after.
 * @typedef {{id: string, kind: string, label: string, send_on: string, today: boolean,
 *            when_text: string}} DueStep
 * @typedef {DueStep & {interview: string}} InterviewDueStep
 *
 * Advice on the answers, shown beside the field it names; a person's greeting in the drafts.
 * @typedef {{path: string, code: string, message: string, guide: string}} Advice
 * @typedef {{path: string, greeting: string}} Person
 *
 * One interview of an imported file: values for the form, its problems (shown beside the
 * fields once loaded), and what the form could not hold (`dropped`).
 * @typedef {{answers: Record<string, any>, edits: Edits, archived: boolean,
 *            problems: FieldError[], dropped: FieldError[]}} FileInterview
 *
 * Each engine request's result, by type (`drafts` and the rest are there when `ok`).
 * @typedef {Envelope & {drafts?: Draft[], plan?: Plan, answers?: Record<string, unknown>,
 *                       answers_filename?: string, advice?: Advice[], people?: Person[],
 *                       due?: DueStep[]}} RenderResult
 * @typedef {Envelope & {answers?: Record<string, unknown>}} AnswersResult
 * @typedef {Envelope & {filename?: string, text?: string, events?: number}} FileResult
 * @typedef {Envelope & {edits?: Edits}} EditsResult
 * @typedef {Envelope & {schema?: Record<string, unknown>,
 *                       checks?: Record<string, Record<string, string>>}} SchemaResult
 * @typedef {Envelope & {due?: InterviewDueStep[]}} DueResult
 * @typedef {Envelope & {kind?: "answers" | "backup", interviews?: FileInterview[]}} ReadResult
 * @typedef {{render: RenderResult, validate: AnswersResult, ics: FileResult, eml: FileResult,
 *            remove_item: EditsResult, schema: SchemaResult, example: AnswersResult,
 *            due: DueResult, read_file: ReadResult, export: FileResult, backup: FileResult,
 *            ping: "pong"}} Results
 */
