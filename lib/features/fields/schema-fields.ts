import { z } from "zod";
import { extensionProblem } from "@/lib/users/fields/extension";
import { parsePhone } from "@/lib/users/fields/phone";
import { isUuid } from "@/lib/uuid";
import { parseMacAddress } from "./mac-address";

// The building blocks of the feature kinds' schemas. Values arrive as FormData strings, as
// react-hook-form strings or as a template's resolved text, so every field reads text (a
// number is accepted where one is meant) and a missing field reads as empty.

const text = z
  .union([z.string(), z.number()], { error: "Enter text." })
  .optional()
  .transform((value) => String(value ?? "").trim());

/** A required name, such as "Board room". */
export const requiredName = (what: string) =>
  text.pipe(z.string().min(1, `Enter ${what}.`).max(80, "Use at most 80 characters."));

export const optionalText = (max: number) =>
  text.pipe(z.string().max(max, `Use at most ${max} characters.`));

/** An E.164 phone number; `empty` is the message for no number at all. */
export const phoneNumber = (empty: string) =>
  text.transform((value, ctx) => {
    const parsed = parsePhone(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    if (parsed.e164 === "") {
      ctx.addIssue({ code: "custom", message: empty });
      return z.NEVER;
    }
    return parsed.e164;
  });

/** An extension of the instance: required, 1 to 8 digits. */
export const extension = text.superRefine((value, ctx) => {
  const problem = value === "" ? "Enter an extension." : extensionProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A PIN typed on a phone's keypad; `required: false` lets it be left empty. */
export const pin = ({ required }: { required: boolean }) =>
  text.superRefine((value, ctx) => {
    if (value === "" && !required) return;
    if (value === "") ctx.addIssue({ code: "custom", message: "Enter a PIN of 4 to 8 digits." });
    else if (!/^[0-9]{4,8}$/.test(value)) {
      ctx.addIssue({ code: "custom", message: "Use 4 to 8 digits." });
    }
  });

/** A whole number from min to max (both included), e.g. seconds or participants. */
export const wholeNumber = (min: number, max: number, what: string) =>
  text.transform((value, ctx) => {
    const range = `from ${min} to ${max}`;
    if (value === "") {
      ctx.addIssue({ code: "custom", message: `Enter ${what}, ${range}.` });
      return z.NEVER;
    }
    const number = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      ctx.addIssue({ code: "custom", message: `Enter a whole number ${range}.` });
      return z.NEVER;
    }
    return number;
  });

/** An optional email address; empty means none. */
export const optionalEmail = text.pipe(
  z.union([
    z.literal(""),
    z
      .string()
      .max(254, "Use at most 254 characters.")
      .pipe(z.email("Enter a valid email address.")),
  ]),
);

/** One of a fixed list, chosen in a select. */
export const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) => z.enum(values, { error: message });

/** A MAC address as stored ("AA:BB:CC:DD:EE:FF"), or "" when none was entered. */
export const macAddress = text.transform((value, ctx) => {
  if (value === "") return "";
  const parsed = parseMacAddress(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.mac;
});

/** Check boxes of ids: FormData sends one, many or none. */
export const idList = (max: number, what: string) =>
  z.preprocess(
    (value) =>
      value === undefined || value === null || value === false
        ? []
        : Array.isArray(value)
          ? value
          : [value],
    z
      .array(z.string(), { error: `Choose ${what}.` })
      .transform((values) => [...new Set(values.filter((value) => value !== ""))])
      .refine((values) => values.every(isUuid), `Choose ${what} from the list.`)
      .refine((values) => values.length <= max, `Choose at most ${max}.`),
  );
