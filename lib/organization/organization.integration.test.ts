import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { accountActivity, accounts } from "../../db/schema";
import {
  actorFor,
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import type { Actor } from "../auth/actor";
import { loadSessionUser } from "../auth/load-session-user";
import { ForbiddenError, InvalidError } from "../errors";
import { organizationName } from "../users/email-recipient";
import { getOrganization } from "./get-organization";
import { organizationLogoUrl } from "./organization-logo-url";

/** What the top bar reads: the session query's organization name and logo version. */
async function topBar(actor: { id: string }) {
  const user = await loadSessionUser(actor.id, "00000000-0000-4000-8000-000000000000");
  return {
    name: user?.accountName,
    logoUrl:
      user?.accountLogoVersion == null ? undefined : organizationLogoUrl(user.accountLogoVersion),
  };
}

import { getOrganizationLogo } from "./get-organization-logo";
import { maxLogoBytes } from "./logo-image";
import { removeOrganizationLogo } from "./remove-organization-logo";
import { organizationSchema } from "./schemas";
import { setOrganizationLogo } from "./set-organization-logo";
import { updateOrganization } from "./update-organization";

withTestDatabase();

// A valid 1x1 transparent PNG.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let admin: Actor;
let otherAdmin: Actor;
let viewer: Actor;
let nobody: Actor;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
  ({ admin: otherAdmin } = await createTestAccount());
  const [viewerRow, nobodyRow] = await insertTestUsers(admin.accountId, [
    { userName: uniqueName("viewer") },
    { userName: uniqueName("nobody") },
  ]);
  viewer = {
    ...actorFor(viewerRow!),
    overrides: new Map([["organization:view", "allow"]]),
  };
  nobody = actorFor(nobodyRow!);
});

const formInput = (overrides: Record<string, string> = {}) =>
  organizationSchema.parse({
    name: uniqueName("Acme"),
    address: "1 Main Street\nSpringfield",
    contactEmail: "hello@acme.test",
    billingEmail: "billing@acme.test",
    phone: "212 555 0100",
    timeZone: "Europe/Paris",
    taxRate: "8.25",
    ...overrides,
  });

const fieldErrors = (values: Record<string, string>) => {
  const parsed = organizationSchema.safeParse({ name: "Acme", timeZone: "UTC", ...values });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
};

const accountRow = async (accountId: string) =>
  (await getDb().select().from(accounts).where(eq(accounts.id, accountId)))[0]!;

const lastActivity = async (accountId: string) =>
  (
    await getDb()
      .select()
      .from(accountActivity)
      .where(
        and(
          eq(accountActivity.accountId, accountId),
          eq(accountActivity.kind, "organization.updated"),
        ),
      )
      .orderBy(desc(accountActivity.id))
      .limit(1)
  )[0];

describe("organization profile", () => {
  it("saves every field, the tax rate in basis points and the phone in E.164, and records the changes", async () => {
    const before = await getOrganization({ actor: admin });
    const input = formInput();
    const saved = await updateOrganization({ actor: admin, input });
    expect(saved).toMatchObject({
      name: input.name,
      address: "1 Main Street\nSpringfield",
      contactEmail: "hello@acme.test",
      billingEmail: "billing@acme.test",
      phone: "+12125550100",
      timeZone: "Europe/Paris",
      taxRateBasisPoints: 825,
      hasLogo: false,
    });
    expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    const row = await lastActivity(admin.accountId);
    expect(row).toMatchObject({
      actorUserId: admin.id,
      targetLabel: input.name,
    });
    expect(row!.details.changes).toEqual([
      { field: "name", before: before.name, after: input.name },
      { field: "address", before: "", after: "1 Main Street\nSpringfield" },
      { field: "contactEmail", before: "", after: "hello@acme.test" },
      { field: "billingEmail", before: "", after: "billing@acme.test" },
      { field: "phone", before: "", after: "+12125550100" },
      { field: "timeZone", before: "UTC", after: "Europe/Paris" },
      { field: "taxRate", before: "0 %", after: "8.25 %" },
    ]);
  });

  it("records nothing when nothing changed", async () => {
    const input = formInput();
    await updateOrganization({ actor: admin, input });
    const first = await lastActivity(admin.accountId);
    await updateOrganization({ actor: admin, input });
    expect((await lastActivity(admin.accountId))!.id).toBe(first!.id);
  });

  it("lets two organizations share a name", async () => {
    const name = uniqueName("Twin");
    await updateOrganization({ actor: admin, input: formInput({ name }) });
    await updateOrganization({ actor: otherAdmin, input: formInput({ name }) });
    expect((await getOrganization({ actor: otherAdmin })).name).toBe(name);
  });

  it("is what emails and the top bar name the organization by after a rename", async () => {
    const name = uniqueName("Renamed");
    await updateOrganization({ actor: admin, input: formInput({ name }) });
    expect(await organizationName(getDb(), admin.accountId)).toBe(name);
    expect((await topBar(admin)).name).toBe(name);
  });

  it("shows the profile to a User with Organization: View but refuses their edit", async () => {
    const before = await accountRow(admin.accountId);
    await expect(getOrganization({ actor: viewer })).resolves.toMatchObject({
      id: admin.accountId,
      name: before.name,
    });
    const error = await rejectionOf(updateOrganization({ actor: viewer, input: formInput() }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("You need Organization: Edit.");
    expect(await rejectionOf(setOrganizationLogo({ actor: viewer, bytes: png }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejectionOf(removeOrganizationLogo({ actor: viewer }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await accountRow(admin.accountId)).toEqual(before);
  });

  it("refuses the profile to a User without Organization: View", async () => {
    const error = await rejectionOf(getOrganization({ actor: nobody }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("You need Organization: View.");
  });

  it("changes only the actor's own organization", async () => {
    const other = await accountRow(otherAdmin.accountId);
    await updateOrganization({ actor: admin, input: formInput() });
    await setOrganizationLogo({ actor: admin, bytes: png });
    await removeOrganizationLogo({ actor: admin });
    expect(await accountRow(otherAdmin.accountId)).toEqual(other);
    expect((await getOrganization({ actor: admin })).id).toBe(admin.accountId);
  });
});

describe("organization form validation", () => {
  it("requires a name of at most 100 characters", () => {
    expect(fieldErrors({ name: "  " })).toEqual({ name: "Enter the organization's name." });
    expect(fieldErrors({ name: "x".repeat(101) })).toEqual({
      name: "Name must be at most 100 characters.",
    });
    expect(fieldErrors({ name: "x".repeat(100) })).toEqual({});
  });

  it("limits the address to 500 characters", () => {
    expect(fieldErrors({ address: "x".repeat(501) })).toEqual({
      address: "Address must be at most 500 characters.",
    });
  });

  it("takes the emails as optional but valid", () => {
    expect(fieldErrors({ contactEmail: "", billingEmail: "" })).toEqual({});
    expect(fieldErrors({ contactEmail: "not an email", billingEmail: "billing@" })).toEqual({
      contactEmail: "Enter a valid contact email.",
      billingEmail: "Enter a valid billing email.",
    });
  });

  it("refuses a phone number that is not one", () => {
    expect(fieldErrors({ phone: "12" })).toEqual({
      phone: "Enter a valid phone number, such as +1 212 555 0100.",
    });
  });

  it("takes a time zone from the list, UTC included", () => {
    expect(fieldErrors({ timeZone: "UTC" })).toEqual({});
    expect(fieldErrors({ timeZone: "America/New_York" })).toEqual({});
    expect(fieldErrors({ timeZone: "Mars/Olympus_Mons" })).toEqual({
      timeZone: "Choose a time zone from the list.",
    });
  });

  it("reads the tax rate as a percent with at most 2 decimals between 0 and 100", () => {
    expect(organizationSchema.parse({ name: "A", timeZone: "UTC", taxRate: "8.25" }).taxRate).toBe(
      825,
    );
    expect(organizationSchema.parse({ name: "A", timeZone: "UTC", taxRate: "100" }).taxRate).toBe(
      10_000,
    );
    expect(fieldErrors({ taxRate: "8.255" })).toEqual({
      taxRate: "Enter the tax rate with at most 2 decimals, such as 8.25.",
    });
    expect(fieldErrors({ taxRate: "-1" })).toEqual({
      taxRate: "Enter the tax rate as a percent between 0 and 100, such as 8.25.",
    });
  });
});

describe("organization logo", () => {
  it("stores a PNG, serves it to members, and records the change", async () => {
    const saved = await setOrganizationLogo({ actor: admin, bytes: png });
    expect(saved.hasLogo).toBe(true);
    const logo = await getOrganizationLogo({ actor: nobody });
    expect(logo?.type).toBe("image/png");
    expect(Buffer.compare(logo!.bytes, png)).toBe(0);
    expect(logo!.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
    const branding = await topBar(nobody);
    expect(branding.logoUrl).toBe(`/organization/logo?v=${saved.updatedAt.getTime()}`);
    const row = await lastActivity(admin.accountId);
    expect(row!.details.changes).toEqual([
      { field: "logo", before: "", after: `PNG image, ${png.length} bytes` },
    ]);
  });

  it("never serves another organization's logo", async () => {
    await setOrganizationLogo({ actor: admin, bytes: png });
    await removeOrganizationLogo({ actor: otherAdmin });
    expect(await getOrganizationLogo({ actor: otherAdmin })).toBeUndefined();
    expect((await topBar(otherAdmin)).logoUrl).toBeUndefined();
  });

  it("detects JPEG, GIF and WebP by their bytes", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00", "latin1");
    const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]);
    for (const [bytes, type] of [
      [jpeg, "image/jpeg"],
      [gif, "image/gif"],
      [webp, "image/webp"],
    ] as const) {
      await setOrganizationLogo({ actor: admin, bytes });
      expect((await getOrganizationLogo({ actor: admin }))?.type).toBe(type);
    }
  });

  it("refuses a text file, whatever it is named, and SVG", async () => {
    const message = "The logo must be a PNG, JPEG, GIF or WebP image (SVG is not accepted).";
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    for (const bytes of [Buffer.from("just some text, named logo.png"), svg]) {
      const error = await rejectionOf(setOrganizationLogo({ actor: otherAdmin, bytes }));
      expect(error).toBeInstanceOf(InvalidError);
      expect(error.message).toBe(message);
      expect((error as InvalidError).fieldErrors).toEqual({ logo: message });
    }
    expect(await getOrganizationLogo({ actor: otherAdmin })).toBeUndefined();
  });

  it("refuses an image over 256 KB and an empty file", async () => {
    const big = Buffer.concat([png, Buffer.alloc(maxLogoBytes + 1 - png.length)]);
    const error = await rejectionOf(setOrganizationLogo({ actor: otherAdmin, bytes: big }));
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.message).toBe("The logo is 257 KB: it may be at most 256 KB.");
    const exact = Buffer.concat([png, Buffer.alloc(maxLogoBytes - png.length)]);
    await expect(setOrganizationLogo({ actor: otherAdmin, bytes: exact })).resolves.toMatchObject({
      hasLogo: true,
    });
    const empty = await rejectionOf(
      setOrganizationLogo({ actor: otherAdmin, bytes: new Uint8Array() }),
    );
    expect(empty.message).toBe("Choose an image file for the logo.");
    await removeOrganizationLogo({ actor: otherAdmin });
  });

  it("removes the logo, recording it once", async () => {
    await setOrganizationLogo({ actor: admin, bytes: png });
    const removed = await removeOrganizationLogo({ actor: admin });
    expect(removed.hasLogo).toBe(false);
    expect(await getOrganizationLogo({ actor: admin })).toBeUndefined();
    const row = await lastActivity(admin.accountId);
    expect(row!.details.changes).toEqual([
      { field: "logo", before: `PNG image, ${png.length} bytes`, after: "" },
    ]);
    await removeOrganizationLogo({ actor: admin });
    expect((await lastActivity(admin.accountId))!.id).toBe(row!.id);
  });

  it("never returns the logo's bytes in the profile read", async () => {
    await setOrganizationLogo({ actor: admin, bytes: png });
    const organization = await getOrganization({ actor: admin });
    expect(Object.keys(organization).sort()).toEqual(
      [
        "address",
        "billingEmail",
        "contactEmail",
        "hasLogo",
        "id",
        "name",
        "phone",
        "taxRateBasisPoints",
        "timeZone",
        "updatedAt",
      ].sort(),
    );
  });
});
