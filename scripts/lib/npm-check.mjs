// Are the npm packages that DIR/package-lock.json pins installed in DIR/node_modules, each at its locked version?
//   node scripts/lib/npm-check.mjs DIR    silent and exit 0 when they are; else one line saying what is not, exit 1
// An optional package for another platform (a compiler binary for macOS, say) is not expected here.
// Used by scripts/ensure-tools (install only when needed) and compose/tests/lib.sh need_npm (fail, naming it).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const lockFile = join(dir, "package-lock.json");
if (!existsSync(lockFile)) {
  console.log(`${dir}: no package-lock.json`);
  process.exit(1);
}
const forHere = (entry) => (!entry.os || entry.os.includes(process.platform)) && (!entry.cpu || entry.cpu.includes(process.arch));
const wrong = [];
let locked = 0;
for (const [path, entry] of Object.entries(JSON.parse(readFileSync(lockFile, "utf8")).packages ?? {})) {
  if (!path || entry.link || (entry.optional && !forHere(entry))) continue;
  locked++;
  const manifest = join(dir, path, "package.json");
  const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version?.replace(/^v/, "") : null;
  if (version !== entry.version) wrong.push(`${path.replace(/^.*node_modules\//, "")} ${entry.version}` + (version ? ` (found ${version})` : ""));
}
if (wrong.length) {
  console.log(`${dir}/node_modules: ${wrong.length} of the ${locked} packages package-lock.json pins are missing or at ` +
    `another version: ${wrong.slice(0, 3).join(", ")}${wrong.length > 3 ? ", ..." : ""}`);
  process.exit(1);
}
