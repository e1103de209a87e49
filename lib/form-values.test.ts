import { describe, expect, it } from "vitest";
import { formDataObject } from "./form-values";

describe("formDataObject", () => {
  it("keeps repeated fields as lists", () => {
    const data = new FormData();
    data.append("groupIds", "a");
    data.append("groupIds", "b");
    data.append("name", "x");
    expect(formDataObject(data)).toEqual({ groupIds: ["a", "b"], name: "x" });
  });

  it("ignores a field named __proto__ instead of letting it replace the prototype", () => {
    const data = new FormData();
    // Twice: the second would find Object.prototype under that name and make a list of it.
    data.append("__proto__", "polluted");
    data.append("__proto__", "again");
    data.append("name", "x");
    const values = formDataObject(data);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(values).toEqual({ name: "x" });
  });
});
