import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPublicAddress } from "./address-policy";

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Turns a host name into its addresses; tests pass their own (no test asks real DNS). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: ResolveHost = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** Why a destination was refused: a problem with the URL, not with the receiver. */
export class RefusedDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedDestinationError";
  }
}

/** "[::1]" as URL.hostname spells it, without the brackets. */
export const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * The addresses to connect to for `hostname`, every one of them checked: a name with any
 * private address is refused whole, so no answer order can slip one through.
 */
export async function resolvePublicAddresses(
  hostname: string,
  { resolve, allowPrivate }: { resolve: ResolveHost; allowPrivate: boolean },
): Promise<ResolvedAddress[]> {
  const host = bareHost(hostname);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RefusedDestinationError(
        `The host name ${host} could not be resolved${code ? ` (${code})` : ""}.`,
      );
    }
    if (addresses.length === 0) {
      throw new RefusedDestinationError(`The host name ${host} has no address.`);
    }
  }
  if (!allowPrivate) {
    const inner = addresses.find((found) => !isPublicAddress(found.address));
    if (inner) {
      const what = literal ? host : `${host} leads to ${inner.address}, which`;
      throw new RefusedDestinationError(
        `${what} is a private, loopback or otherwise internal address: webhooks go to public addresses only.`,
      );
    }
  }
  return addresses;
}
