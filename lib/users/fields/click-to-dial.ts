// Click To Dial URL templates: a user's CRM or softphone link, with [Field:NAME] placeholders
// filled in when someone clicks a phone number. Templates often embed API keys, so they are only
// ever shown redacted outside the edit form.

export const clickToDialFields = [
  "PhoneNumber",
  "Ext",
  "UserName",
  "FirstName",
  "LastName",
  "Alias",
  "Title",
  "Email",
  "Phone",
  "Extension",
] as const;

export type ClickToDialField = (typeof clickToDialFields)[number];

export const CLICK_TO_DIAL_MAX_LENGTH = 2000;

const allowedSchemes = ["https:", "http:", "tel:", "sip:", "callto:"];

// "Field:" in any case counts as a placeholder so a mistyped one is reported, not sent literally.
const placeholderPattern = /\[Field:([^[\]]*)\]/gi;
const placeholderStart = "[field:";

function isClickToDialField(name: string): name is ClickToDialField {
  return (clickToDialFields as readonly string[]).includes(name);
}

/** Why a template is refused, or undefined. An empty template means the user has none. */
export function validateClickToDialTemplate(template: string): string | undefined {
  if (template === "") return undefined;
  if ([...template].length > CLICK_TO_DIAL_MAX_LENGTH) {
    return `Use at most ${CLICK_TO_DIAL_MAX_LENGTH} characters.`;
  }
  for (const [placeholder, name] of template.matchAll(placeholderPattern)) {
    if (!isClickToDialField(name ?? "")) {
      return `Unknown placeholder ${placeholder}. Known fields: ${clickToDialFields.join(", ")}.`;
    }
  }
  if (template.replace(placeholderPattern, "").toLowerCase().includes(placeholderStart)) {
    return 'A placeholder starting with "[Field:" has no closing "]".';
  }
  // Checked the way a browser will read the link. The dummy value is a digit so that a placeholder
  // inside the scheme (where a value such as "javascript" could pick the scheme) never passes:
  // no allowed scheme contains a digit, and a scheme cannot start with one.
  if (!allowedSchemes.includes(schemeOf(template.replace(placeholderPattern, "0")))) {
    return `Start the link with ${allowedSchemes.slice(0, -1).join(", ")} or ${allowedSchemes.at(-1)}.`;
  }
  return undefined;
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}

/**
 * The link for one click, each placeholder replaced by its percent-encoded value (missing values
 * become empty). Undefined when there is no template or it is invalid.
 */
export function expandClickToDial(
  template: string,
  values: Partial<Record<ClickToDialField, string>>,
): string | undefined {
  if (template === "" || validateClickToDialTemplate(template) !== undefined) return undefined;
  return template.replace(placeholderPattern, (_placeholder, name: string) =>
    encodeURIComponent(toWellFormed(isClickToDialField(name) ? (values[name] ?? "") : "")),
  );
}

// encodeURIComponent throws on a lone surrogate; String.prototype.toWellFormed is ES2024, newer
// than the TypeScript lib this project targets.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function toWellFormed(value: string): string {
  return value.replace(loneSurrogate, "\uFFFD");
}

/** What lists, exports and account activity show instead of a template, which may hold secrets. */
export function redactClickToDial(template: string): string {
  return template === "" ? "" : "[redacted]";
}
