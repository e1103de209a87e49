// Compiles server.ts (and what it imports from db/ and lib/) into dist/server.mjs, so
// production runs it with plain node: no TypeScript loader at run time. Run by `npm run build`
// after `next build`; packages stay in node_modules and are imported from there.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "dist", "server.mjs");

// Bundled code runs from dist/, but db/migrate.ts finds its migrations folder (and tells
// whether it was started as a script) by its own import.meta.url. Each project file keeps
// the URL of its source, relative to the bundle, so the checkout can move as a whole.
const sourceImportMetaUrl = {
  name: "source-import-meta-url",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const relative = path.relative(path.dirname(outfile), args.path).split(path.sep).join("/");
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ["server.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // next, pg, PGlite (WASM files), argon2 (native), drizzle-orm, server-only…: resolved
  // from node_modules at run time, exactly as under tsx.
  packages: "external",
  tsconfig: "tsconfig.json",
  plugins: [sourceImportMetaUrl],
  outfile,
  write: false,
  logLevel: "warning",
});

// Written aside and renamed into place: two builds at once (browser tests on two ports)
// never leave a half-written server for a start that reads it meanwhile.
await fs.mkdir(path.dirname(outfile), { recursive: true });
for (const file of result.outputFiles) {
  const pending = `${file.path}.${process.pid}.tmp`;
  await fs.writeFile(pending, file.contents);
  await fs.rename(pending, file.path);
  console.log(
    `Compiled ${path.relative(root, file.path)} (${Math.round(file.contents.length / 1024)} kB)`,
  );
}
