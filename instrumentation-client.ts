import { config } from "zod/v4/core";

// Runs in the browser before the app's own scripts. The forms validate with zod, which by
// default probes `new Function` to compile faster parsers; the pages' CSP forbids eval, so
// the probe would be reported as a violation on every page with a form. Zod's plain
// parsers are fast enough for a form.
config({ jitless: true });
