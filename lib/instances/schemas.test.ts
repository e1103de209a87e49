import { describe, expect, it } from "vitest";
import { instanceFormSchema } from "./schemas";

const errors = (values: Record<string, string>) => {
  const parsed = instanceFormSchema.safeParse(values);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
};

describe("instance form", () => {
  it("takes a trimmed name, a listed region and notes as the form sends them", () => {
    expect(
      instanceFormSchema.parse({ name: "  Main office ", region: "eu-west", notes: " Floor 2 " }),
    ).toEqual({ name: "Main office", region: "eu-west", notes: "Floor 2" });
    expect(instanceFormSchema.parse({ name: "Lab", region: "us-east" }).notes).toBe("");
  });

  it("names each bad field", () => {
    expect(errors({ name: " ", region: "mars-north", notes: "x".repeat(2001) })).toEqual({
      name: "Enter an instance name.",
      region: "Choose a region from the list.",
      notes: "Notes must be at most 2000 characters.",
    });
    expect(errors({ name: "x".repeat(81), region: "" })).toEqual({
      name: "Use at most 80 characters.",
      region: "Choose a region from the list.",
    });
  });
});
