import { describe, expect, it } from "vitest";
import { addressPrefix } from "./address-prefix";

describe("addressPrefix", () => {
  it("keeps IPv4 addresses as they are", () => {
    expect(addressPrefix("198.51.100.7")).toBe("198.51.100.7");
  });

  it("counts an IPv4-mapped IPv6 address as its IPv4 address", () => {
    expect(addressPrefix("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(addressPrefix("::FFFF:c633:6407")).toBe("198.51.100.7");
  });

  it("groups IPv6 addresses by their /64, however they are written", () => {
    const prefixes = [
      "2001:db8:1:2::1",
      "2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:db8:1:2::c633:6407",
    ].map(addressPrefix);
    expect(new Set(prefixes)).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(addressPrefix("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
  });

  it("compresses zeros in the prefix and ignores a zone index", () => {
    expect(addressPrefix("2001:db8::1")).toBe("2001:db8::/64");
    expect(addressPrefix("::1")).toBe("::/64");
    expect(addressPrefix("fe80::1%eth0")).toBe("fe80::/64");
  });

  it("leaves anything that is not an IP address alone", () => {
    expect(addressPrefix("unknown")).toBe("unknown");
    expect(addressPrefix("")).toBe("");
  });
});
