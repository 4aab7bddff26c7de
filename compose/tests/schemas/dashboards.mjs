#!/usr/bin/env node
// Every provisioned Grafana dashboard against Grafana's own types, offline:
//   node dashboards.mjs [NAME=]FILE...    exit 1 when any dashboard breaks them, naming the field
// FILE: a dashboard (.json), or YAML (e.g. kubectl kustomize output) whose ConfigMaps labelled grafana_dashboard
// (the label kube-prometheus-stack's Grafana sidecar loads) hold dashboards under keys ending in .json.
// The types (types/grafana.ts): the v1 Dashboard model of @grafana/schema; for each panel, the options and custom
// field config of its panel type; for each query, the query model of its datasource type. Each dashboard is
// checked by tsc as a literal (lib/typecheck.mjs), so a misspelled option fails as well as a wrong type.
import { readFileSync } from "node:fs";
import { installed, namedFile, report, yamlDocuments } from "./lib/files.mjs";
import { typecheck } from "./lib/typecheck.mjs";

const SIDECAR_LABEL = "grafana_dashboard";

/** [{origin, text}] for every dashboard a file holds. */
function dashboards(name, file) {
  if (file.endsWith(".json")) return [{ origin: name, text: readFileSync(file, "utf8") }];
  return yamlDocuments(file)
    .filter(({ value }) => value.kind === "ConfigMap" && value.metadata?.labels?.[SIDECAR_LABEL] !== undefined)
    .flatMap(({ value }) => Object.entries(value.data ?? {}).filter(([key]) => key.endsWith(".json"))
      .map(([key, text]) => ({ origin: `${name}: ConfigMap/${value.metadata.name} ${key}`, text })));
}

// A panel sits at panels[i], or inside a row at panels[i].panels[j].
const isPanel = (p) => (p.length === 2 && p[0] === "panels") || (p.length === 4 && p[0] === "panels" && p[2] === "panels");
const get = (value, path) => path.reduce((v, k) => v?.[k], value);

function rootType(board) {
  return (path, value) => {
    if (path.length === 0) return "G.Dashboard";
    if (isPanel(path)) return value?.type === "row" ? "G.Row" : `G.PanelTypesWithSchema[${JSON.stringify(String(value?.type))}]`;
    if (path.length >= 2 && path.at(-2) === "targets" && isPanel(path.slice(0, -2))) {
      const datasource = value?.datasource?.type ?? get(board, path.slice(0, -2))?.datasource?.type;
      return `G.QueryTypesWithSchema[${JSON.stringify(String(datasource))}]`;
    }
    return null;
  };
}

// A panel type or datasource type the maps of types/grafana.ts lack, said as such.
const noSchema = (message) => message.replace(/^Property '(.*)' does not exist on type '(PanelTypes|QueryTypes)WithSchema'\.$/,
  (_, name, map) => `${map === "PanelTypes" ? "panel" : "datasource"} type "${name}" has no schema here ` +
    `(${map}WithSchema in types/grafana.ts maps the types that have one in the pinned packages)`);

function main(args) {
  if (!args.length) throw new Error("usage: node dashboards.mjs [NAME=]FILE...");
  const byText = new Map();  // the same dashboard in several files (the JSON and its ConfigMap) is checked once
  for (const { name, file } of args.map(namedFile)) {
    for (const d of dashboards(name, file)) byText.set(d.text, [...(byText.get(d.text) ?? []), d.origin]);
  }
  if (byText.size === 0) throw new Error(`no dashboards in ${args.join(" ")}`);
  const findings = [], units = [];
  for (const [text, origins] of byText) {
    const origin = origins[0] + (origins.length > 1 ? ` (and ${origins.length - 1} identical cop${origins.length > 2 ? "ies" : "y"})` : "");
    let board;
    try {
      board = JSON.parse(text);
    } catch (e) {
      findings.push({ origin, path: [], message: `not JSON: ${e.message}` });
      continue;
    }
    units.push({ origin, value: board, rootType: rootType(board), imports: ['import type * as G from "../types/grafana.js";'] });
  }
  findings.push(...(units.length ? typecheck(units) : []).map(({ message, ...f }) => ({ ...f, message: noSchema(message) })));
  const copies = [...byText.values()].flat().length;
  return report("dashboard-schemas", `${byText.size} dashboards (${copies} copies) checked ` +
    `(${installed("@grafana/schema")}, ${installed("@grafana/grafana-foundation-sdk")})`, findings);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`dashboards.mjs: ${e.message}`);
  process.exitCode = 2;
}
