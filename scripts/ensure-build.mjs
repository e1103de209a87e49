// Runs `npm run build` unless a production build exists that is newer than every source
// file, so `npm start` (and `npm run bench`) work on a fresh clone, serve current code after
// a pull or an edit, and otherwise start at once.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// What the build reads: the app's code and its configuration (tests and docs do not count).
const sourceFolders = ["app", "components", "db", "lib", "public"];
const sourceFiles = [
  "server.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];

/** The build's two halves; next.config.mjs reads NEXT_DIST_DIR the same way. */
export function buildOutputs() {
  return [
    path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"),
    path.join(root, "dist", "server.mjs"),
  ];
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource() {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    } else if (!/\.(test|spec)\.[cm]?[jt]sx?$/.test(entry)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const name of [...sourceFolders, ...sourceFiles]) visit(path.join(root, name));
  return newest;
}

/** Why a build is needed, or undefined when the existing one is current. */
export function buildNeeded() {
  const times = buildOutputs().map(mtime);
  if (times.some((time) => time === undefined)) return "no production build yet";
  if (newestSource() > Math.min(...times)) return "sources changed since the last build";
  return undefined;
}

export function ensureBuild() {
  const reason = buildNeeded();
  if (!reason) return;
  console.log(`Building first (${reason}): npm run build`);
  const { status } = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureBuild();
}
