import { lowerKeys } from "./lower-keys";
import { ScimError } from "./scim-error";
import { coreSchemaPrefix } from "./scim-schema-ids";

export const patchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type PatchOperation = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

/** A PATCH path lower-cased, without the core schema's URN in front of it. */
export function patchPath(path: string): string {
  return path.trim().replace(coreSchemaPrefix, "").toLowerCase();
}

/**
 * The operations of a PatchOp body (RFC 7644 §3.5.2). `op` is read case-insensitively
 * ("Replace" is what Entra ID sends). An operation without a path carries an object whose
 * keys are paths: it becomes one operation per key, so both forms take the same road.
 */
export function patchOperations(body: Record<string, unknown>): PatchOperation[] {
  const source = lowerKeys(body);
  const operations = source.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ScimError(
      400,
      `Send { "schemas": ["${patchOpSchema}"], "Operations": [ … ] }.`,
      "invalidSyntax",
    );
  }
  if (operations.length > 1000) {
    throw new ScimError(400, "Send at most 1000 operations at a time.", "tooMany");
  }
  return operations.flatMap((raw): PatchOperation[] => {
    const operation = lowerKeys(raw);
    const op = typeof operation.op === "string" ? operation.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove") {
      throw new ScimError(
        400,
        `Each operation's op must be add, replace or remove.`,
        "invalidSyntax",
      );
    }
    const path = operation.path;
    if (path !== undefined && (typeof path !== "string" || path.trim() === "")) {
      throw new ScimError(400, "An operation's path must be text.", "invalidPath");
    }
    if (path !== undefined) return [{ op, path, value: operation.value }];
    if (op === "remove") {
      throw new ScimError(400, "A remove operation needs a path.", "noTarget");
    }
    const value = operation.value;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ScimError(
        400,
        "An operation without a path needs an object value.",
        "invalidValue",
      );
    }
    return Object.entries(value).map(([key, item]) => ({ op, path: key, value: item }));
  });
}
