// Loads the gallery page in headless Chromium over the DevTools protocol (Node's built-in WebSocket, no npm
// packages), reports what the page shows and saves a screenshot.
//   node [--experimental-websocket] gallery-page.mjs URL SCREENSHOT.png
// Prints one JSON line {img, complete, naturalWidth, naturalHeight, caption, copyright, note, src};
// exit 0 when the page loaded, 1 on a protocol/browser failure (the caller judges the content).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, shot] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "lucid-chromium-"));
const browser = spawn(chromium, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--hide-scrollbars", "--window-size=1100,900", `--user-data-dir=${profile}`,
  "--remote-debugging-port=0", "about:blank",
], { stdio: ["ignore", "ignore", "pipe"] });
let stderr = "";
browser.stderr.on("data", (d) => { stderr += d; });

const deadline = Date.now() + 30000;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
function fail(msg) {
  console.error(`gallery-page: ${msg}`);
  if (stderr) console.error(stderr.split("\n").slice(-10).join("\n"));
  browser.kill("SIGKILL");
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}

// Chromium writes the port it picked into <profile>/DevToolsActivePort.
let port;
while (!port) {
  const f = join(profile, "DevToolsActivePort");
  if (existsSync(f)) port = readFileSync(f, "utf8").split("\n")[0];
  else if (Date.now() > deadline) fail("Chromium did not open its DevTools port within 30 s");
  else await pause(100);
}
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = targets.find((t) => t.type === "page");
if (!page) fail("no page target");

const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((ok, ko) => { ws.onopen = ok; ws.onerror = () => ko(new Error("websocket error")); });
let nextId = 1;
const pending = new Map();
const waiters = [];
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    const { ok, ko } = pending.get(msg.id);
    pending.delete(msg.id);
    msg.error ? ko(new Error(JSON.stringify(msg.error))) : ok(msg.result);
  } else if (msg.method) {
    for (const w of waiters.filter((w) => w.method === msg.method)) w.ok(msg.params);
  }
};
const send = (method, params = {}) => new Promise((ok, ko) => {
  const id = nextId++;
  pending.set(id, { ok, ko });
  ws.send(JSON.stringify({ id, method, params }));
});
const event = (method, ms) => new Promise((ok, ko) => {
  waiters.push({ method, ok });
  setTimeout(() => ko(new Error(`no ${method} within ${ms} ms`)), ms);
});

try {
  await send("Page.enable");
  const loaded = event("Page.loadEventFired", 20000);
  await send("Page.navigate", { url });
  await loaded;
  const { result } = await send("Runtime.evaluate", {
    awaitPromise: true, returnByValue: true,
    expression: `(async () => {
      const img = document.querySelector("figure img");
      if (img && !img.complete) await new Promise((r) => { img.onload = img.onerror = r; });
      return { img: !!img, complete: img ? img.complete : false, naturalWidth: img ? img.naturalWidth : 0,
               naturalHeight: img ? img.naturalHeight : 0, src: img ? img.currentSrc : null,
               caption: document.querySelector("figcaption h2")?.textContent ?? null,
               copyright: document.querySelector("figcaption small")?.textContent ?? null,
               note: document.querySelector(".note")?.textContent ?? null };
    })()`,
  });
  const png = await send("Page.captureScreenshot", { format: "png" });
  writeFileSync(shot, Buffer.from(png.data, "base64"));
  console.log(JSON.stringify(result.value));
} catch (e) {
  fail(e.message);
}
ws.close();
browser.kill("SIGTERM");
await pause(300);
try { rmSync(profile, { recursive: true, force: true }); } catch { /* Chromium still closing: left in tmp */ }
process.exit(0);
