import { BlockList, isIPv4, isIPv6 } from "node:net";

// Where a webhook may not go: anything that reaches the portal's own host or network instead of
// the public internet (server-side request forgery). IPv6 forms that carry an IPv4 address
// (mapped, NAT64, 6to4) are judged by that address.

const refusedV4: [string, number][] = [
  ["0.0.0.0", 8], // "this network", the unspecified address
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

const refusedV6: [string, number][] = [
  ["::", 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments (Teredo among them)
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

const refused = new BlockList();
for (const [network, prefix] of refusedV4) refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of refusedV6) refused.addSubnet(network, prefix, "ipv6");

/** The 16 bytes of an IPv6 address, or undefined when it is not one. */
function ipv6Bytes(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address.replace(/%.*$/, "");
  // A trailing dotted IPv4 part ("::ffff:1.2.3.4") becomes two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [
    ...headGroups,
    ...Array<string>(tail === undefined ? 0 : missing).fill("0"),
    ...tailGroups,
  ];
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

const v4 = (bytes: number[], from: number) => bytes.slice(from, from + 4).join(".");

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), if it carries one. */
export function embeddedIpv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address);
  if (!bytes) return undefined;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  // ::ffff:a.b.c.d
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(bytes, 12);
  // 64:ff9b::a.b.c.d (well-known NAT64 prefix)
  if (
    bytes[0] === 0 &&
    bytes[1] === 0x64 &&
    bytes[2] === 0xff &&
    bytes[3] === 0x9b &&
    zeros(4, 12)
  ) {
    return v4(bytes, 12);
  }
  // 2002:aabb:ccdd::/48 (6to4)
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(bytes, 2);
  return undefined;
}

/**
 * Whether an address is on the public internet: not private, loopback, link-local, unique
 * local, carrier-grade NAT, multicast, unspecified, reserved or documentation, in IPv4 or IPv6.
 */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return !refused.check(address, "ipv4");
  if (!isIPv6(address)) return false;
  const carried = embeddedIpv4(address);
  if (carried !== undefined) return isPublicAddress(carried);
  return !refused.check(address.replace(/%.*$/, ""), "ipv6");
}
