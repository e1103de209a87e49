import argon2 from "argon2";

// OWASP's argon2id parameters (m=19 MiB, t=2, p=1). Changing them makes every
// stored hash "stale", and authenticate() rehashes it at the next sign-in.
export const passwordHashOptions = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, passwordHashOptions);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function passwordHashIsStale(hash: string): boolean {
  return argon2.needsRehash(hash, passwordHashOptions);
}

// A real hash of a random secret, so an unknown user costs the same verify as a known one.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummyHash, password);
  return false;
}
