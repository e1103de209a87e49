import { describe, expect, it } from "vitest";
import { parseMacAddress } from "./mac-address";

describe("parseMacAddress", () => {
  it("stores every vendor spelling as upper-case colon pairs", () => {
    for (const input of [
      "aa-bb-cc-dd-ee-f0",
      "aabb.ccdd.eef0",
      "AABBCCDDEEF0",
      "aa:bb:cc:dd:ee:f0",
      "  AA:bb:CC:dd:EE:f0 ",
    ]) {
      expect(parseMacAddress(input)).toEqual({ ok: true, mac: "AA:BB:CC:DD:EE:F0" });
    }
  });

  it("refuses mixed separators, wrong lengths and non-hex digits", () => {
    for (const input of [
      "",
      "aa:bb-cc:dd-ee:f0",
      "aa:bb:cc:dd:ee",
      "aabbccddeef",
      "aabbccddeef00",
      "aabb.ccdd.eef",
      "gg:bb:cc:dd:ee:f0",
      "aa bb cc dd ee f0",
    ]) {
      expect(parseMacAddress(input)).toEqual({
        ok: false,
        message: "Enter a MAC address such as AA:BB:CC:DD:EE:FF.",
      });
    }
  });

  it("refuses the all-zero address", () => {
    expect(parseMacAddress("00:00:00:00:00:00")).toEqual({
      ok: false,
      message: "00:00:00:00:00:00 is not a device's address: check the digits.",
    });
  });

  it("refuses the broadcast address", () => {
    expect(parseMacAddress("ffff.ffff.ffff")).toEqual({
      ok: false,
      message: "FF:FF:FF:FF:FF:FF is the broadcast address, not a device's.",
    });
  });

  it("refuses multicast addresses, whose first octet is odd", () => {
    expect(parseMacAddress("01-00-5e-00-00-fb")).toEqual({
      ok: false,
      message:
        "01:00:5E:00:00:FB is a multicast address, not a device's: check the first two digits.",
    });
    expect(parseMacAddress("33:33:00:00:00:01")).toMatchObject({ ok: false });
    // Locally administered unicast addresses (second-lowest bit) are real devices.
    expect(parseMacAddress("02:00:00:00:00:01")).toEqual({ ok: true, mac: "02:00:00:00:00:01" });
  });
});
