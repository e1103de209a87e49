import { describe, expect, it } from "vitest";
import { refusalMessage } from "@/lib/actions/form-action";
import { ForbiddenError } from "@/lib/errors";
import { assertCan } from "./permissions";

const plainUser = { role: "user" as const };

function refusalOf(run: () => void): ForbiddenError {
  try {
    run();
  } catch (error) {
    if (error instanceof ForbiddenError) return error;
    throw error;
  }
  throw new Error("Expected a refusal, but it was allowed.");
}

describe("assertCan", () => {
  it("names the missing permission in its refusal", () => {
    const refusal = refusalOf(() => assertCan(plainUser, "users", "delete"));
    expect(refusal.message).toBe("You need Users: Delete.");
    expect(refusal.permission).toBe("users:delete");
    expect(refusalOf(() => assertCan(plainUser, "activity", "view_all")).message).toBe(
      "You need Account Activity: View all.",
    );
  });

  it("allows what the subject may do", () => {
    expect(() => assertCan(plainUser, "instances", "rebuild")).not.toThrow();
    expect(() => assertCan({ role: "administrator" }, "billing", "manage")).not.toThrow();
  });
});

describe("ForbiddenError", () => {
  it("still works without a message or a permission", () => {
    const bare = new ForbiddenError();
    expect(bare.message).toBe("You are not allowed to do that.");
    expect(bare.permission).toBeUndefined();
    expect(new ForbiddenError("Only an Administrator can do that.").permission).toBeUndefined();
  });
});

describe("refusalMessage", () => {
  it("tells the form which permission is missing", () => {
    const refusal = refusalOf(() => assertCan(plainUser, "users", "edit"));
    expect(refusalMessage(refusal)).toBe(
      "You are not allowed to do this: you need Users: Edit. Your permissions may have changed; nothing was saved.",
    );
  });

  it("keeps a service's own reason, and says the same as before for a bare refusal", () => {
    expect(
      refusalMessage(new ForbiddenError("You cannot change your own group memberships.")),
    ).toBe("You cannot change your own group memberships. Nothing was saved.");
    expect(refusalMessage(new ForbiddenError())).toBe(
      "You are not allowed to do this. Your permissions may have changed; nothing was saved.",
    );
  });
});
