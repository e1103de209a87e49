import { hasNoControlCharacters } from "@/lib/form-values";
import { ScimError } from "./scim-error";
import { coreSchemaPrefix } from "./scim-schema-ids";

export type ScimComparison = {
  /** The attribute as the filter named it, lower-cased (SCIM attribute names are case-insensitive). */
  attribute: string;
  operator: "eq" | "ne" | "co" | "sw" | "ew";
  value: string | boolean;
};

const operators = new Set(["eq", "ne", "co", "sw", "ew"]);

/** A comparison's value: a JSON string literal of one line of text, or true or false. */
function filterValue(literal: string, filter: string): string | boolean {
  if (!literal.startsWith('"')) return literal.toLowerCase() === "true";
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    throw new ScimError(400, `Cannot read the string in the filter "${filter}".`, "invalidFilter");
  }
  if (typeof value !== "string" || !hasNoControlCharacters(value)) {
    throw new ScimError(
      400,
      "A filter's value cannot contain control characters.",
      "invalidFilter",
    );
  }
  return value;
}

/**
 * Reads the filters identity providers send (RFC 7644 §3.4.2.2): comparisons of one
 * attribute with a string or boolean, joined by `and` — `userName eq "ada"`,
 * `externalId eq "00u1"`, `emails[type eq "work"].value eq "a@b.c"` (the bracket is read
 * as the attribute it selects from). Anything else (or, not, parentheses, other operators,
 * attributes outside `allowed`) is refused with `invalidFilter`, never guessed at.
 */
export function parseScimFilter(
  filter: string | null,
  allowed: readonly string[],
): ScimComparison[] {
  if (filter === null || filter.trim() === "") return [];
  if (filter.length > 1000) throw new ScimError(400, "The filter is too long.", "invalidFilter");
  const comparisons: ScimComparison[] = [];
  let rest = filter.trim();
  for (;;) {
    const match =
      /^([A-Za-z][\w.:-]*?)(?:\[[^\]]*\])?(\.[A-Za-z]\w*)?\s+([A-Za-z]{2})\s+("(?:[^"\\]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"|true|false)\s*/i.exec(
        rest,
      );
    if (!match) {
      throw new ScimError(
        400,
        `Cannot read the filter "${filter}": send comparisons such as userName eq "ada", joined by and.`,
        "invalidFilter",
      );
    }
    // A fully qualified name (urn:…:core:2.0:User:userName) is the attribute it ends with.
    const attribute = `${match[1]}${match[2] ?? ""}`.toLowerCase().replace(coreSchemaPrefix, "");
    const operator = match[3]!.toLowerCase();
    if (!operators.has(operator)) {
      throw new ScimError(
        400,
        `The filter operator "${match[3]}" is not supported.`,
        "invalidFilter",
      );
    }
    if (!allowed.includes(attribute)) {
      throw new ScimError(
        400,
        `Filtering by "${match[1]}${match[2] ?? ""}" is not supported; use one of ${allowed.join(", ")}.`,
        "invalidFilter",
      );
    }
    const value = filterValue(match[4]!, filter);
    comparisons.push({ attribute, operator: operator as ScimComparison["operator"], value });
    rest = rest.slice(match[0].length);
    if (rest === "") return comparisons;
    const and = /^and\s+/i.exec(rest);
    if (!and) {
      throw new ScimError(
        400,
        `Cannot read the filter "${filter}": only "and" may join comparisons.`,
        "invalidFilter",
      );
    }
    rest = rest.slice(and[0].length);
  }
}

/** SCIM paging (RFC 7644 §3.4.2.4): startIndex is 1-based; count is capped, never refused. */
export function scimPage(query: URLSearchParams, maxCount = 200) {
  const number = (name: string, fallback: number) => {
    const raw = query.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value)) {
      throw new ScimError(400, `${name} must be a whole number.`, "invalidValue");
    }
    return value;
  };
  // Past 2^31 there is nothing to find; capping keeps the database's OFFSET in range.
  const startIndex = Math.min(2 ** 31, Math.max(1, number("startIndex", 1)));
  const count = Math.min(maxCount, Math.max(0, number("count", 100)));
  return { startIndex, count, offset: startIndex - 1 };
}
