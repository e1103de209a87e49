export type ParseMacAddressResult = { ok: true; mac: string } | { ok: false; message: string };

// The three ways vendors print a MAC address: colon or hyphen pairs (Linux, Windows),
// dotted quads (Cisco) and bare hex (provisioning files and device labels).
const pairs = /^([0-9a-f]{2})([:-])([0-9a-f]{2})(?:\2[0-9a-f]{2}){4}$/i;
const quads = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;
const bare = /^[0-9a-f]{12}$/i;

const formatMessage = "Enter a MAC address such as AA:BB:CC:DD:EE:FF.";

/**
 * Parses a device's MAC address into "AA:BB:CC:DD:EE:FF", the one spelling stored, so the
 * same phone typed two ways is still one address. Addresses no device can have (all zeros,
 * broadcast, multicast) are refused: phones are provisioned by their own unicast address.
 */
export function parseMacAddress(input: string): ParseMacAddressResult {
  const text = input.trim();
  if (!pairs.test(text) && !quads.test(text) && !bare.test(text)) {
    return { ok: false, message: formatMessage };
  }
  const hex = text.replace(/[:.-]/g, "").toUpperCase();
  const mac = hex.match(/../g)!.join(":");
  if (/^0+$/.test(hex)) {
    return { ok: false, message: `${mac} is not a device's address: check the digits.` };
  }
  if (/^F+$/.test(hex)) {
    return { ok: false, message: `${mac} is the broadcast address, not a device's.` };
  }
  // The lowest bit of the first octet marks a group (multicast) address.
  if (Number.parseInt(hex.slice(0, 2), 16) & 1) {
    return {
      ok: false,
      message: `${mac} is a multicast address, not a device's: check the first two digits.`,
    };
  }
  return { ok: true, mac };
}
