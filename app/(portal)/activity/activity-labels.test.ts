import { describe, expect, it } from "vitest";
import { describeDetails } from "./activity-labels";

describe("describeDetails", () => {
  it("reads a permission change as words, not keys", () => {
    expect(
      describeDetails("permissions.changed", {
        overrides: [
          { key: "users:edit", before: "inherit", after: "deny" },
          { key: "activity:view_all", before: "allow", after: "inherit" },
        ],
      }),
    ).toEqual(["Users: Edit — Inherit → Deny", "Account Activity: View all — Allow → Inherit"]);
  });

  it("lists the fields a user was created with in the form's order, the Click To Dial template hidden", () => {
    expect(
      describeDetails("user.created", {
        // In the order jsonb hands the keys back: shortest first.
        user: {
          role: "administrator",
          alias: "",
          color: "#336699",
          email: "olivia@example.test",
          phone: "+12125550100",
          title: "",
          active: true,
          address: "",
          lastName: "Brown",
          userName: "olivia.brown",
          extension: "",
          firstName: "Olivia",
          fromEmails: [],
          clickToDial: "[redacted]",
        },
      }),
    ).toEqual([
      "User Name: olivia.brown",
      "First Name: Olivia",
      "Last Name: Brown",
      "Email: olivia@example.test",
      "Phone: +12125550100",
      "Color: #336699",
      "Click To Dial: (set, not shown)",
      "Role: Administrator",
    ]);
  });

  it("says when a user was created inactive", () => {
    expect(
      describeDetails("user.created", { user: { userName: "x", role: "user", active: false } }),
    ).toEqual(["User Name: x", "Role: User", "Active: No"]);
  });

  it("names the user name or email that was already in use", () => {
    expect(
      describeDetails("user.name_in_use_refused", { field: "userName", value: "bob" }),
    ).toEqual(["User name already in use: bob"]);
    expect(
      describeDetails("user.name_in_use_refused", { field: "email", value: "bob@example.test" }),
    ).toEqual(["Email already in use: bob@example.test"]);
  });

  it("describes group rows readably", () => {
    expect(
      describeDetails("group.created", {
        group: "Helpdesk",
        permissions: ["users:view", "users:edit"],
      }),
    ).toEqual(["Grants: Users: View, Users: Edit"]);
    expect(describeDetails("group.created", { group: "Empty", permissions: [] })).toEqual([
      "Grants nothing yet",
    ]);
    expect(
      describeDetails("group.updated", {
        group: "Support",
        changes: [
          { field: "name", before: "Helpdesk", after: "Support" },
          { field: "description", before: "", after: "First line" },
        ],
        added: ["billing:view"],
        removed: ["users:edit"],
      }),
    ).toEqual([
      "Name: Helpdesk → Support",
      "Description: (empty) → First line",
      "Granted: Billing: View",
      "Revoked: Users: Edit",
    ]);
    expect(describeDetails("group.member_added", { group: "Support" })).toEqual(["Group: Support"]);
  });

  it("shows roles and hidden templates in a change as words", () => {
    expect(
      describeDetails("user.updated", {
        changes: [
          { field: "role", before: "user", after: "administrator" },
          { field: "clickToDial", before: "", after: "[redacted]" },
        ],
        passwordChanged: true,
      }),
    ).toEqual([
      "Role: User → Administrator",
      "Click To Dial: (empty) → (set, not shown)",
      "Password changed",
    ]);
  });

  it("says where a seat was made, from what, and what became of its features", () => {
    expect(
      describeDetails("seat.created", {
        instance: "Headquarters",
        template: "Standard User",
        templateVersion: 2,
        extension: "201",
        features: ["Ada softphone", "Mailbox 201"],
      }),
    ).toEqual([
      "Instance: Headquarters",
      "Template: Standard User version 2",
      "Extension 201",
      "Features: Ada softphone, Mailbox 201",
    ]);
    expect(
      describeDetails("seat.deleted", {
        instance: "Headquarters",
        released: ["Ada softphone"],
        keptAsSpares: ["+12125550100"],
      }),
    ).toEqual([
      "Instance: Headquarters",
      "Released: Ada softphone",
      "Kept as spares: +12125550100",
    ]);
  });
});
