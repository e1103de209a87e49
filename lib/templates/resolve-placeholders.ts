// A placeholder is {{key}}, spaces inside the braces allowed, the key an identifier.
const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const wholePlaceholder = /^\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}$/;

/** The keys the text names, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(placeholder), (match) => match[1]!))];
}

/**
 * Replaces every {{key}} with its value, in one pass: a value that itself contains braces is
 * copied as it is, never expanded again. A key without a value becomes empty text, which is
 * what an optional attribute left empty means; templates are checked on save so that every
 * key they name exists.
 */
export function resolvePlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(placeholder, (_match, key: string) =>
    Object.hasOwn(values, key) ? (values[key] ?? "") : "",
  );
}

/** The key when the whole text is one placeholder ("{{ringSeconds}}"), else undefined. */
export function solePlaceholder(text: string): string | undefined {
  return wholePlaceholder.exec(text.trim())?.[1];
}

/**
 * Braces that do not form a placeholder ("{{first name}}", "{{email"), which would otherwise
 * be copied into the feature as typed; undefined when there are none.
 */
export function malformedPlaceholder(text: string): string | undefined {
  const rest = text.replace(placeholder, "");
  const at = rest.search(/\{\{|\}\}/);
  if (at === -1) return undefined;
  return rest.slice(Math.max(0, at - 10), at + 20).trim();
}
