import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { formDataObject } from "@/lib/form-values";
import { changePasswordSchema, createUserSchema, profileSchema, updateUserSchema } from "./schemas";

// What the User Details form posts for a valid new user.
function userForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    userName: "ada.lovelace",
    newPassword: "correct horse battery",
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    role: "user",
    ...overrides,
  };
}

/** The message of each issue, keyed by the field it belongs to. */
function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.join(".");
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

function parseUser(overrides: Record<string, unknown> = {}) {
  return createUserSchema.safeParse(userForm(overrides));
}

describe("createUserSchema: user name", () => {
  it("accepts a valid user name and trims surrounding spaces", () => {
    const result = parseUser({ userName: "  ada.lovelace_1815-x  " });
    expect(result.success).toBe(true);
    expect(result.data?.userName).toBe("ada.lovelace_1815-x");
  });

  it("requires a user name", () => {
    expect(fieldErrors(parseUser({ userName: "   " }))).toEqual({
      userName: ["Enter a user name."],
    });
  });

  it("refuses fewer than 3 or more than 64 characters", () => {
    expect(fieldErrors(parseUser({ userName: "ab" })).userName).toEqual([
      "Use 3 to 64 characters.",
    ]);
    expect(fieldErrors(parseUser({ userName: "a".repeat(65) })).userName).toEqual([
      "Use 3 to 64 characters.",
    ]);
    expect(parseUser({ userName: "a".repeat(64) }).success).toBe(true);
  });

  it("refuses spaces, @ and letters outside ASCII", () => {
    for (const userName of ["ada lovelace", "ada@example.com", "adá"]) {
      expect(fieldErrors(parseUser({ userName })).userName).toEqual([
        "Use only letters, digits, dots, underscores and hyphens.",
      ]);
    }
  });
});

describe("createUserSchema: email", () => {
  it("requires an email address", () => {
    expect(fieldErrors(parseUser({ email: "" })).email).toEqual(["Enter an email address."]);
  });

  it("refuses text that is not an email address", () => {
    for (const email of ["ada", "ada@", "ada@example", "ada @example.com"]) {
      expect(fieldErrors(parseUser({ email })).email).toEqual(["Enter a valid email address."]);
    }
  });

  it("trims an email address and refuses one longer than 254 characters", () => {
    expect(parseUser({ email: "  ada@example.com " }).data?.email).toBe("ada@example.com");
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}.com`;
    expect(long.length).toBeGreaterThan(254);
    expect(fieldErrors(parseUser({ email: long })).email).toContain(
      "Email must be at most 254 characters.",
    );
  });
});

describe("createUserSchema and updateUserSchema: password", () => {
  it("requires a password for a new user", () => {
    expect(fieldErrors(parseUser({ newPassword: "" }))).toEqual({
      newPassword: ["Enter a password."],
    });
    expect(fieldErrors(parseUser({ newPassword: undefined }))).toEqual({
      newPassword: ["Enter a password."],
    });
  });

  it("treats a blank password as unchanged for an existing user", () => {
    const blank = updateUserSchema.safeParse(userForm({ newPassword: "" }));
    expect(blank.success).toBe(true);
    expect(blank.data?.newPassword).toBe("");
    expect(updateUserSchema.safeParse(userForm({ newPassword: undefined })).success).toBe(true);
  });

  it("accepts 12 to 256 characters, counting an emoji as one", () => {
    for (const schema of [createUserSchema, updateUserSchema]) {
      expect(schema.safeParse(userForm({ newPassword: "x7#kq9!mz2@w" })).success).toBe(true);
      expect(schema.safeParse(userForm({ newPassword: `${"p".repeat(255)}q` })).success).toBe(true);
      expect(schema.safeParse(userForm({ newPassword: "🔑".repeat(12) })).success).toBe(true);
    }
  });

  it("refuses fewer than 12 or more than 256 characters, also when updating", () => {
    for (const schema of [createUserSchema, updateUserSchema]) {
      expect(fieldErrors(schema.safeParse(userForm({ newPassword: "x7#kq9!mz2@" })))).toEqual({
        newPassword: ["Use at least 12 characters."],
      });
      expect(fieldErrors(schema.safeParse(userForm({ newPassword: "🔑".repeat(11) })))).toEqual({
        newPassword: ["Use at least 12 characters."],
      });
      expect(fieldErrors(schema.safeParse(userForm({ newPassword: "p".repeat(257) })))).toEqual({
        newPassword: ["Use at most 256 characters."],
      });
    }
  });

  it("refuses a common password in any letter case", () => {
    for (const newPassword of ["qwerty123456", "QWERTY123456", "1qaz2wsx3edc"]) {
      expect(fieldErrors(parseUser({ newPassword }))).toEqual({
        newPassword: ["This password is too common. Choose another."],
      });
      expect(fieldErrors(updateUserSchema.safeParse(userForm({ newPassword })))).toEqual({
        newPassword: ["This password is too common. Choose another."],
      });
    }
  });

  it("refuses a password equal to the user name or the email, ignoring case", () => {
    const message = "The password must not be your user name or email.";
    const byName = parseUser({ userName: "ada.lovelace.1815", newPassword: "ADA.Lovelace.1815" });
    expect(fieldErrors(byName)).toEqual({ newPassword: [message] });
    const byEmail = updateUserSchema.safeParse(
      userForm({ email: "ada@example.com", newPassword: "Ada@Example.com" }),
    );
    expect(fieldErrors(byEmail)).toEqual({ newPassword: [message] });
  });
});

describe("createUserSchema: contact fields", () => {
  it("parses From Emails, dropping blanks and repeats in any case", () => {
    const result = parseUser({
      fromEmails: " Sales@Example.com ; support@example.com\nsales@example.COM,, ",
    });
    expect(result.data?.fromEmails).toEqual(["Sales@Example.com", "support@example.com"]);
    expect(parseUser({ fromEmails: "" }).data?.fromEmails).toEqual([]);
    expect(parseUser({ fromEmails: undefined }).data?.fromEmails).toEqual([]);
  });

  it("names the From Email that is not an address", () => {
    expect(fieldErrors(parseUser({ fromEmails: "sales@example.com, nope" }))).toEqual({
      fromEmails: ['"nope" is not a valid email address.'],
    });
  });

  it("stores a phone number in E.164, reading national numbers as US", () => {
    expect(parseUser({ phone: "(212) 555-0100" }).data?.phone).toBe("+12125550100");
    expect(parseUser({ phone: "+44 20 7946 0958" }).data?.phone).toBe("+442079460958");
    expect(parseUser({ phone: "" }).data?.phone).toBe("");
  });

  it("refuses an invalid phone number or one with an extension", () => {
    expect(fieldErrors(parseUser({ phone: "12" }))).toEqual({
      phone: ["Enter a valid phone number, such as +1 212 555 0100."],
    });
    expect(fieldErrors(parseUser({ phone: "212 555 0100 ext. 12" }))).toEqual({
      phone: ["Enter the phone number without an extension."],
    });
  });

  it("accepts an extension of 1 to 8 digits and refuses anything else", () => {
    expect(parseUser({ extension: " 0042 " }).data?.extension).toBe("0042");
    expect(parseUser({ extension: "12345678" }).success).toBe(true);
    for (const extension of ["123456789", "12a", "+12"]) {
      expect(fieldErrors(parseUser({ extension }))).toEqual({
        extension: ["Use 1 to 8 digits."],
      });
    }
  });

  it("normalizes a colour to lower-case #rrggbb and refuses other values", () => {
    expect(parseUser({ color: " #F0A " }).data?.color).toBe("#ff00aa");
    expect(parseUser({ color: "#1A2B3C" }).data?.color).toBe("#1a2b3c");
    expect(parseUser({ color: "" }).data?.color).toBe("");
    for (const color of ["red", "#abcd", "336699"]) {
      expect(fieldErrors(parseUser({ color }))).toEqual({
        color: ["Choose a colour like #3366cc."],
      });
    }
  });
});

describe("createUserSchema: Click To Dial", () => {
  it("accepts https, http, tel, sip and callto templates with known placeholders", () => {
    for (const clickToDial of [
      "https://crm.example.com/dial?to=[Field:PhoneNumber]&key=s3cret",
      "http://pbx.local/call/[Field:Ext]",
      "tel:[Field:PhoneNumber]",
      "sip:[Field:PhoneNumber]@pbx.example.com",
      "callto:[Field:PhoneNumber]",
    ]) {
      expect(parseUser({ clickToDial }).data?.clickToDial).toBe(clickToDial);
    }
  });

  it("refuses other schemes and relative links", () => {
    const message = "Start the link with https:, http:, tel:, sip: or callto:.";
    for (const clickToDial of [
      "javascript:alert([Field:PhoneNumber])",
      "data:text/html,hi",
      "/dial/[Field:PhoneNumber]",
      "[Field:Title]:alert(1)",
    ]) {
      expect(fieldErrors(parseUser({ clickToDial }))).toEqual({ clickToDial: [message] });
    }
  });

  it("refuses an unknown or unclosed placeholder", () => {
    expect(
      fieldErrors(parseUser({ clickToDial: "https://x.example/?to=[Field:Mobile]" }))
        .clickToDial?.[0],
    ).toMatch(/^Unknown placeholder \[Field:Mobile\]\. Known fields: PhoneNumber, /);
    expect(
      fieldErrors(parseUser({ clickToDial: "https://x.example/?to=[Field:PhoneNumber" })),
    ).toEqual({ clickToDial: ['A placeholder starting with "[Field:" has no closing "]".'] });
  });

  it("refuses a template longer than 2000 characters", () => {
    const clickToDial = `https://x.example/?q=${"a".repeat(2000)}`;
    expect(fieldErrors(parseUser({ clickToDial }))).toEqual({
      clickToDial: ["Use at most 2000 characters."],
    });
  });
});

describe("createUserSchema: form posts", () => {
  function form(entries: [string, string][]) {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return formDataObject(data);
  }

  const fields: [string, string][] = [
    ["userName", "grace.hopper"],
    ["newPassword", "correct horse battery"],
    ["email", "grace@example.com"],
    ["role", "administrator"],
  ];

  it('reads a ticked check box ("on") as true', () => {
    const result = createUserSchema.safeParse(form([...fields, ["active", "on"]]));
    expect(result.success).toBe(true);
    expect(result.data?.active).toBe(true);
    expect(result.data?.role).toBe("administrator");
  });

  it("reads an absent check box as false", () => {
    const result = createUserSchema.safeParse(form(fields));
    expect(result.success).toBe(true);
    expect(result.data?.active).toBe(false);
  });

  it("fills absent optional text fields with empty strings", () => {
    const result = createUserSchema.safeParse(form(fields));
    expect(result.data).toMatchObject({
      firstName: "",
      lastName: "",
      alias: "",
      title: "",
      fromEmails: [],
      phone: "",
      extension: "",
      address: "",
      color: "",
      clickToDial: "",
    });
  });

  it("refuses an unknown role", () => {
    const result = createUserSchema.safeParse(form([...fields.slice(0, 3), ["role", "root"]]));
    expect(fieldErrors(result)).toEqual({ role: ["Choose User or Administrator."] });
  });

  it("ignores Next.js action fields", () => {
    const result = createUserSchema.safeParse(form([...fields, ["$ACTION_ID_abc", "x"]]));
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("$ACTION_ID_abc");
  });

  it("refuses over-long optional text", () => {
    expect(fieldErrors(parseUser({ firstName: "a".repeat(101) }))).toEqual({
      firstName: ["First Name must be at most 100 characters."],
    });
    expect(fieldErrors(parseUser({ address: "a".repeat(501) }))).toEqual({
      address: ["Address must be at most 500 characters."],
    });
  });
});

describe("profileSchema", () => {
  it("parses the profile fields like the User Details form", () => {
    const result = profileSchema.safeParse({
      email: " ada@example.com ",
      phone: "212 555 0100",
      fromEmails: "a@example.com; A@example.com",
      color: "#ABC",
    });
    expect(result.data).toMatchObject({
      email: "ada@example.com",
      phone: "+12125550100",
      fromEmails: ["a@example.com"],
      color: "#aabbcc",
    });
  });

  it("cannot set the role, active state, user name or password", () => {
    const result = profileSchema.safeParse({
      email: "ada@example.com",
      role: "administrator",
      active: "on",
      userName: "root",
      newPassword: "correct horse battery",
    });
    expect(result.success).toBe(true);
    for (const key of ["role", "active", "userName", "newPassword"]) {
      expect(result.data).not.toHaveProperty(key);
    }
  });

  it("refuses an invalid email, extension or Click To Dial template", () => {
    const result = profileSchema.safeParse({
      email: "nope",
      extension: "12a",
      clickToDial: "javascript:alert(1)",
    });
    expect(Object.keys(fieldErrors(result)).sort()).toEqual(["clickToDial", "email", "extension"]);
  });
});

describe("changePasswordSchema", () => {
  const valid = {
    currentPassword: "old passphrase",
    newPassword: "correct horse battery",
    confirmPassword: "correct horse battery",
  };

  it("accepts a good new password typed twice", () => {
    expect(changePasswordSchema.safeParse(valid).success).toBe(true);
  });

  it("requires the current password", () => {
    expect(fieldErrors(changePasswordSchema.safeParse({ ...valid, currentPassword: "" }))).toEqual({
      currentPassword: ["Enter your current password."],
    });
  });

  it("refuses a confirmation that does not match", () => {
    expect(
      fieldErrors(changePasswordSchema.safeParse({ ...valid, confirmPassword: "correct horse" })),
    ).toEqual({ confirmPassword: ["The passwords do not match."] });
  });

  it("applies the password policy to the new password", () => {
    const short = { ...valid, newPassword: "short", confirmPassword: "short" };
    expect(fieldErrors(changePasswordSchema.safeParse(short))).toEqual({
      newPassword: ["Use at least 12 characters."],
    });
    const common = { ...valid, newPassword: "qwerty123456", confirmPassword: "qwerty123456" };
    expect(fieldErrors(changePasswordSchema.safeParse(common))).toEqual({
      newPassword: ["This password is too common. Choose another."],
    });
    const long = "p".repeat(257);
    expect(
      fieldErrors(
        changePasswordSchema.safeParse({ ...valid, newPassword: long, confirmPassword: long }),
      ),
    ).toEqual({ newPassword: ["Use at most 256 characters."] });
  });
});

describe("one Save reports every problem", () => {
  it("checks the password even when other fields are wrong", () => {
    const result = createUserSchema.safeParse({
      userName: "x",
      newPassword: "short",
      email: "not an email",
      phone: "12",
      extension: "12ab",
      role: "user",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => issue.path[0]));
    expect([...fields].sort()).toEqual(["email", "extension", "newPassword", "phone", "userName"]);
  });
});
