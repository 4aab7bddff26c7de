// Reading the files under check, and reporting what the checks find.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { pathText } from "./typecheck.mjs";

// YAML as the Kubernetes API reads a manifest (YAML 1.1, as go-yaml v2 behind sigs.k8s.io/yaml: unquoted yes/on
// are booleans, 0777 is octal), timestamps kept as strings as go-yaml does for untyped values.
const YAML_1_1 = { version: "1.1", customTags: (tags) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp") };

const HOME = dirname(dirname(fileURLToPath(import.meta.url)));

/** The installed version of an npm package of this project ("kubernetes-models 5.1.0"). */
export function installed(pkg) {
  const { version } = JSON.parse(readFileSync(join(HOME, "node_modules", pkg, "package.json"), "utf8"));
  return `${pkg} ${version.replace(/^v/, "")}`;
}

/** The documents of a (multi-document) YAML file: [{index, value}] for the non-empty ones; throws on a syntax error. */
export function yamlDocuments(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"), YAML_1_1);
  const out = [];
  (Array.isArray(docs) ? docs : [docs]).forEach((doc, index) => {
    if (doc.errors.length) throw new Error(`${file}: document ${index + 1}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push({ index, value });
  });
  return out;
}

/** "NAME=FILE" (the name a finding carries) or FILE alone. */
export function namedFile(arg) {
  const i = arg.indexOf("=");
  return i > 0 ? { name: arg.slice(0, i), file: arg.slice(i + 1) } : { name: arg, file: arg };
}

// TypeScript prints a type in full ('{ a?: string | undefined; b: ... }', thousands of characters for a panel's
// options); a finding needs only its property names, which also show the right spelling next to a wrong one.
function shortTypes(message) {
  return message.replace(/'(\{.*?\})'/g, (whole) => {
    const inner = whole.slice(2, -2);
    if (inner.length < 80) return whole;
    const names = [];
    let depth = 0, start = 0;
    for (let i = 0; i <= inner.length; i++) {
      const c = inner[i];
      if (c === "{" || c === "(" || c === "[" || c === "<") depth++;
      else if (c === "}" || c === ")" || c === "]" || c === ">") depth--;
      else if ((c === ";" || i === inner.length) && depth === 0) {
        const m = /^\s*("[^"]*"|[\w$]+)(\??):/.exec(inner.slice(start, i));
        if (m) names.push(m[1] + m[2]);
        start = i + 1;
      }
    }
    return `'{ ${names.join(", ")} }'`;
  });
}

// TypeScript's words for a property the type does not have, said the way a reader of a JSON or YAML file needs it.
const unknownProperty = (message) => message.replace(
  /^Object literal may only specify known properties, and '"(.*)"' does not exist in type '\{ (.*) \}'\.$/,
  (_, name, known) => `unknown property "${name}" (the schema has: ${known})`);

/** Prints the findings (name: path: message), then "LABEL: N items checked, M findings"; returns the exit status. */
export function report(label, checked, findings) {
  const seen = new Set();
  for (const f of findings) {
    const line = `${f.origin}: ${pathText(f.path)}: ${unknownProperty(shortTypes(f.message))}`;
    if (!seen.has(line)) console.log(line);
    seen.add(line);
  }
  console.log(`${label}: ${checked}, ${seen.size} finding(s)`);
  return seen.size ? 1 : 0;
}
