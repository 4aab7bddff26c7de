// Checks JSON values against TypeScript types with the TypeScript compiler. Each value is written out as an object
// literal, laid out one property a line, and every value in it is followed by `satisfies TYPE`: the type
// `rootType` names for it, or else its place inside the nearest such root (At<ROOT, PATH>, types/json.ts).
// TypeScript then reports a property the type does not have (it checks excess properties only in object literals,
// hence the literal), a value of the wrong type, a missing required property. It reports one error per checked
// expression, hence a check at every value, each followed by `as any` so that its parent does not check it again:
// a wrong value never hides another, though an object still shows only its first unknown property. Each error is
// traced back from its line to the JSON path of the node there; an error repeated below its node (every value of a
// panel of an unknown type fails alike) is reported once, at the node.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HOME = dirname(dirname(fileURLToPath(import.meta.url)));
const TSC = join(HOME, "node_modules", "typescript", "bin", "tsc");

/** A JSON path as one reads it: spec.containers[0].ports, metadata.labels["app.kubernetes.io/name"]. */
export function pathText(path) {
  return path.map((k, i) => typeof k === "number" ? `[${k}]`
    : /^[A-Za-z_$][\w$]*$/.test(k) ? (i ? "." : "") + k : `[${JSON.stringify(k)}]`).join("") || "(top level)";
}

/** The literal of `value` as lines of TypeScript, and the JSON path of the node each line belongs to. */
export function literal(value, rootType) {
  const lines = [], paths = [];
  const put = (text, path) => { lines.push(text); paths.push(path); };
  (function node(v, path, indent, key, comma, root) {
    const own = rootType(path, v);
    if (own) root = { type: own, depth: path.length };
    const type = own ?? (root ? `At<${root.type}, ${JSON.stringify(path.slice(root.depth))}>` : null);
    // `as any`: the value is checked here; its parent must not check it again (its error would repeat there)
    const after = (type ? ` satisfies ${type}` + (path.length ? " as any" : "") : "") + comma;
    if (v === null || typeof v !== "object") return put(indent + key + JSON.stringify(v) + after, path);
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    const [open, close] = Array.isArray(v) ? "[]" : "{}";
    if (entries.length === 0) return put(indent + key + open + close + after, path);
    put(indent + key + open, path);
    entries.forEach(([k, x], i) => node(x, [...path, k], indent + "  ", typeof k === "number" ? "" : JSON.stringify(k) + ": ",
      i < entries.length - 1 ? "," : "", root));
    put(indent + close + after, path);
  })(value, [], "", "", "", null);
  return { lines, paths };
}

/**
 * units: [{origin, value, rootType(path, value) -> type expression or null, imports: [import lines]}]
 *   -> [{origin, path, message}], one per TypeScript error.
 * The files are written to a scratch folder inside this project, where the packages resolve.
 */
export function typecheck(units) {
  const dir = mkdtempSync(join(HOME, ".check-"));
  try {
    const maps = units.map((u, i) => {
      const { lines, paths } = literal(u.value, u.rootType);
      const head = [`import type { At } from "../types/json.js";`, ...u.imports, `export const value${i} =`];
      writeFileSync(join(dir, `unit${i}.ts`), [...head, ...lines, ";", ""].join("\n"));
      return { unit: u, offset: head.length, paths };
    });
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      extends: "../tsconfig.base.json", files: maps.map((_, i) => `unit${i}.ts`),
    }));
    const tsc = spawnSync(process.execPath, [TSC, "-p", dir, "--pretty", "false"], { encoding: "utf8" });
    if (tsc.error) throw tsc.error;
    return parse(tsc.stdout + tsc.stderr, maps, tsc.status);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// "unit3.ts(41,9): error TS2353: message", then the message's indented continuation lines.
function parse(output, maps, status) {
  const findings = [];
  for (const line of output.split("\n")) {
    const m = /^.*?unit(\d+)\.ts\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (m) {
      const { unit, offset, paths } = maps[Number(m[1])];
      const path = paths[Number(m[2]) - 1 - offset];
      findings.push({ origin: unit.origin, path: path ?? [], message: m[5] });
    } else if (line.trim() && findings.length && /^\s/.test(line)) {
      findings.at(-1).message += " " + line.trim();
    } else if (line.trim()) {
      findings.push({ origin: "typescript", path: [], message: line });  // a setup error: no unit to blame
    }
  }
  if (status !== 0 && findings.length === 0) findings.push({ origin: "typescript", path: [], message: `tsc exited ${status}` });
  // the same message at an ancestor is the same finding
  const under = (f, g) => g !== f && g.origin === f.origin && g.message === f.message && g.path.length < f.path.length &&
    g.path.every((k, i) => f.path[i] === k);
  return findings.filter((f) => !findings.some((g) => under(f, g)));
}
