import type { z } from "zod";
import { InvalidError } from "@/lib/errors";

/**
 * Parses a JSON body or query against its zod schema. Problems become field errors named by
 * their path ("groupIds.2"); unknown fields are named and refused (schemas are strict), so
 * nothing reaches a service through a side door.
 */
export function parseApiInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  // Every body and query is an object: refinements that run whatever failed (`when`) read
  // its fields, and would throw on null, an array or a string and answer 500.
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidError("Send a JSON object.", { body: "Send a JSON object." });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        fieldErrors[[...issue.path, key].join(".")] = `Unknown field "${key}".`;
      }
      continue;
    }
    const field = issue.path.join(".") || "body";
    fieldErrors[field] ??= issue.message;
  }
  throw new InvalidError("Check the fields named in errors.", fieldErrors);
}
