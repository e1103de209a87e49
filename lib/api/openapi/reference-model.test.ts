import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { type OpenApiLike, referenceSections } from "./reference-model";

const doc = openApiDocument() as OpenApiLike;
const operations = (search = "") =>
  referenceSections(doc, search).flatMap((section) => section.operations);

describe("the API reference page's model", () => {
  it("lists every operation of the document, grouped by tag", () => {
    const count = Object.values(doc.paths ?? {}).reduce(
      (sum, item) => sum + Object.keys(item).filter((key) => key !== "parameters").length,
      0,
    );
    expect(operations()).toHaveLength(count);
    expect(referenceSections(doc).map((section) => section.tag)).toContain("Users");
  });

  it("resolves a body's fields, with required ones marked and defaults told", () => {
    const create = operations().find((op) => op.id === "createUser")!;
    expect(create.bodyName).toBe("NewUser");
    expect(create.body.find((field) => field.name === "userName")).toMatchObject({
      required: true,
    });
    expect(create.body.find((field) => field.name === "active")?.description).toContain(
      "Default: true",
    );
    expect(create.responses.map((response) => response.status)).toEqual(
      expect.arrayContaining(["201", "401", "422"]),
    );
  });

  it("finds operations by any word of their text, every word required", () => {
    expect(operations("seatFeatures").map((op) => op.id)).toEqual(["deleteUser"]);
    expect(operations("users delete").map((op) => op.id)).toEqual(["deleteUser"]);
    expect(operations("no such words anywhere")).toEqual([]);
  });
});
