// `npm start`: the production server with plain node, built first when there is no current
// build. The compiled server runs in this very process (no child to pass signals to), so a
// process manager's SIGTERM reaches server.ts's graceful stop directly.
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
// `next start` forces production the same way; lib/env.ts reads it when the server loads.
process.env.NODE_ENV = "production";
await import("../dist/server.mjs");
