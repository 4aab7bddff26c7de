#!/usr/bin/env node
// Every object of rendered Kubernetes manifests (kubectl kustomize output) against the Kubernetes API schema
// (npm kubernetes-models) and the prometheus-operator CRDs (npm @kubernetes-models/prometheus-operator), offline:
//   node k8s.mjs [NAME=]FILE...        exit 1 when any object breaks its schema, naming object, field and rule
// Three readings of the same schema, because none alone catches everything the API server refuses:
// * the packages' validators (JSON schema, compiled): required fields, types, enums, formats (int32, patterns);
// * their TypeScript types, checked by tsc on each object written out as a literal (lib/typecheck.mjs): fields
//   the schema does not have, e.g. a misspelled one (the validators let unknown fields pass; kubectl refuses them);
// * the versions the packages know of each kind: kubernetes-models keeps API versions that clusters stopped
//   serving (extensions/v1beta1, policy/v1beta1, ...), so a kind in an alpha or beta version fails where a GA
//   version of it exists.
// An apiVersion or kind without models fails too: add its @kubernetes-models package, then its group to MODELS.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installed, namedFile, report, yamlDocuments } from "./lib/files.mjs";
import { typecheck } from "./lib/typecheck.mjs";

// API group -> npm package with its models; every other group is looked up in kubernetes-models.
const MODELS = { "monitoring.coreos.com": "@kubernetes-models/prometheus-operator" };
const PACKAGES = ["kubernetes-models", ...Object.values(MODELS)];
const HOME = dirname(fileURLToPath(import.meta.url));
const packageOf = (apiVersion) => MODELS[apiVersion.includes("/") ? apiVersion.split("/")[0] : ""] ?? "kubernetes-models";
const modulePath = (apiVersion) => `${packageOf(apiVersion)}/${apiVersion}`;

/** kind -> the GA apiVersions the packages have models of (read from the packages' group/version folders). */
function gaVersions() {
  const ga = new Map();
  for (const pkg of PACKAGES) {
    const root = join(HOME, "node_modules", pkg);
    for (const entry of Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).exports)) {
      const folder = /^\.\/((?:[^/]+\/)?v\d+)$/.exec(entry)?.[1];  // GA versions only: v1, apps/v1, autoscaling/v2
      if (!folder) continue;
      for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith(".js"))) {
        const kind = /static\{this\.kind="([^"]+)"\}/.exec(readFileSync(join(root, folder, file), "utf8"))?.[1];
        if (kind) ga.set(kind, [...(ga.get(kind) ?? []), folder]);
      }
    }
  }
  return ga;
}

async function model(apiVersion, kind) {
  let mod;
  try {
    mod = await import(modulePath(apiVersion));
  } catch {
    return { problem: `no models for apiVersion ${apiVersion} (${installed("kubernetes-models")} has the Kubernetes ` +
      `API; a CRD needs its @kubernetes-models package, added to package.json and to MODELS in k8s.mjs)` };
  }
  return typeof mod[kind]?.prototype?.validate === "function"
    ? { Model: mod[kind] }
    : { problem: `no kind ${kind} in apiVersion ${apiVersion} (${installed(packageOf(apiVersion))})` };
}

// ajv's instancePath "/spec/template/spec/containers/0/ports/0" -> ["spec", "template", ..., 0]
const pointer = (p) => p.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
  .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const allowed = (e) => (e.params?.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : "");

async function check(origin, value, ga) {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return { findings: [{ origin, path: [], message: "no apiVersion and kind" }] };
  const { Model, problem } = await model(apiVersion, kind);
  if (problem) return { findings: [{ origin, path: [], message: problem }] };
  const findings = [];
  if (/^(.+\/)?v\d+(alpha|beta)\d+$/.test(apiVersion) && ga.has(kind)) {
    findings.push({ origin, path: ["apiVersion"], message: `${apiVersion} is a pre-release version of ${kind}, which ` +
      `has a GA one: use ${ga.get(kind).join(" or ")} (pre-release versions are deprecated once there is a GA one, ` +
      `then no longer served)` });
  }
  try {
    new Model(value).validate();
  } catch (e) {
    if (!e.errors) throw e;
    for (const err of e.errors) findings.push({ origin, path: pointer(err.instancePath), message: err.message + allowed(err) });
  }
  const unit = {
    origin, value, imports: [`import type * as M from "${modulePath(apiVersion)}";`, `import type { Exact } from "../types/json.js";`],
    rootType: (path) => (path.length === 0 ? `Exact<M.I${kind}>` : null),
  };
  return { findings, unit };
}

async function main(args) {
  if (!args.length) throw new Error("usage: node k8s.mjs [NAME=]FILE...   (kubectl kustomize output)");
  const ga = gaVersions(), findings = [], units = [];
  let objects = 0;
  for (const { name, file } of args.map(namedFile)) {
    for (const { index, value } of yamlDocuments(file)) {
      objects++;
      const r = await check(`${name}: ${value.kind ?? "?"}/${value.metadata?.name ?? `(document ${index + 1})`}`, value, ga);
      findings.push(...r.findings);
      if (r.unit) units.push(r.unit);
    }
  }
  // a field the validators already named is not named again by tsc
  const named = new Set(findings.map((f) => `${f.origin}\0${f.path.join("\0")}`));
  findings.push(...typecheck(units).filter((f) => !named.has(`${f.origin}\0${f.path.join("\0")}`)));
  return report("kubernetes-schemas", `${objects} objects in ${args.length} file(s) checked (${PACKAGES.map(installed).join(", ")})`, findings);
}

process.exitCode = await main(process.argv.slice(2)).catch((e) => { console.error(`k8s.mjs: ${e.message}`); return 2; });
