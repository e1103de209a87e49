import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  malformedPlaceholder,
  placeholdersIn,
  resolvePlaceholders,
  solePlaceholder,
} from "./resolve-placeholders";

describe("resolvePlaceholders", () => {
  it("replaces each placeholder with its value, spaces inside the braces allowed", () => {
    expect(
      resolvePlaceholders("{{firstName}} {{ lastName }} softphone", {
        firstName: "Ann",
        lastName: "Lee",
      }),
    ).toBe("Ann Lee softphone");
  });

  it("replaces every occurrence of a key", () => {
    expect(resolvePlaceholders("{{a}}-{{a}}", { a: "x" })).toBe("x-x");
  });

  it("gives a key without a value empty text", () => {
    expect(resolvePlaceholders("call {{forwardNumber}}", {})).toBe("call ");
  });

  it("does not read inherited properties as values", () => {
    expect(resolvePlaceholders("{{constructor}}{{toString}}", {})).toBe("");
  });

  it("copies values as they are: no second expansion, no replacement patterns", () => {
    expect(resolvePlaceholders("{{a}}", { a: "{{b}}", b: "no" })).toBe("{{b}}");
    expect(resolvePlaceholders("{{a}}", { a: "$& $1 $$" })).toBe("$& $1 $$");
  });

  it("leaves text that is not a placeholder alone", () => {
    expect(resolvePlaceholders("{a} {{ two words }} {{1x}}", { a: "x" })).toBe(
      "{a} {{ two words }} {{1x}}",
    );
  });

  it("leaves text without placeholders unchanged, for any text", () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes("{{")),
        (text) => {
          expect(resolvePlaceholders(text, { a: "x" })).toBe(text);
        },
      ),
    );
  });

  it("removes every placeholder it knows from any mix of text and placeholders", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[^{}]{0,5}$/),
      fc.constantFrom("{{a}}", "{{ b }}", "{{c_1}}"),
    );
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const values = { a: "1", b: "2", c_1: "3" };
        const resolved = resolvePlaceholders(pieces.join(""), values);
        expect(placeholdersIn(resolved)).toEqual([]);
      }),
    );
  });
});

describe("placeholdersIn", () => {
  it("lists each key once, in the order of first appearance", () => {
    expect(placeholdersIn("{{b}} {{a}} {{ b }}")).toEqual(["b", "a"]);
  });

  it("finds none in plain text", () => {
    expect(placeholdersIn("Front desk")).toEqual([]);
  });
});

describe("solePlaceholder", () => {
  it("names the key when the whole value is one placeholder", () => {
    expect(solePlaceholder(" {{ ringSeconds }} ")).toBe("ringSeconds");
    expect(solePlaceholder("{{a}}{{b}}")).toBeUndefined();
    expect(solePlaceholder("20")).toBeUndefined();
  });
});

describe("malformedPlaceholder", () => {
  it("points at braces that do not form a placeholder", () => {
    expect(malformedPlaceholder("{{first name}}")).toBe("{{first name}}");
    expect(malformedPlaceholder("Hi {{email")).toBe("Hi {{email");
    expect(malformedPlaceholder("{{email}} and {{email}}")).toBeUndefined();
    expect(malformedPlaceholder("{one}")).toBeUndefined();
  });
});
