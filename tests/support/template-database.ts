import os from "node:os";
import path from "node:path";

/** Where global-setup keeps the migrated PGlite image for this run (read in global-setup only; workers get it from SWITCHBOARD_TEMPLATE). */
export const pgliteTemplateFile = path.join(
  os.tmpdir(),
  `switchboard-template-${process.pid}.tar.gz`,
);
export const postgresTemplateName = "switchboard_test_template";

export function postgresUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${database}`;
  return url.toString();
}
