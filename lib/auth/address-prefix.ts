import { isIPv6 } from "node:net";

/**
 * The address that sign-in throttling counts under. An IPv6 subscriber usually holds a
 * whole /64 and may pick any address in it (privacy addresses rotate by design), so
 * counting single IPv6 addresses would hand each client endless fresh starts. IPv4
 * addresses, also when written IPv4-mapped (::ffff:192.0.2.1), count one by one.
 */
export function addressPrefix(address: string): string {
  const bare = address.replace(/%.*$/, "");
  if (!isIPv6(bare)) return address;
  const groups = expand(canonical(bare));
  if (groups.slice(0, 5).every((group) => group === "0") && groups[5] === "ffff") {
    return [groups[6], groups[7]]
      .flatMap((group) => {
        const value = Number.parseInt(group ?? "0", 16);
        return [value >> 8, value & 0xff];
      })
      .join(".");
  }
  return `${canonical(`${groups.slice(0, 4).join(":")}::`)}/64`;
}

/** RFC 5952 text (lower case, zeros compressed, no dotted tail), as URL hosts are written. */
function canonical(ipv6: string): string {
  return new URL(`http://[${ipv6}]`).hostname.slice(1, -1);
}

/** The eight groups of a canonical IPv6 address, "::" filled in with zeros. */
function expand(ipv6: string): string[] {
  const [head = "", tail] = ipv6.split("::");
  const headGroups = head ? head.split(":") : [];
  if (tail === undefined) return headGroups;
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = Array(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups];
}
