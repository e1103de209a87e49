// Every PostgreSQL advisory lock the portal takes, in one place so no two uses collide.
// Single bigint keys and (int, int) pairs are separate key spaces in PostgreSQL.

/** pg_advisory_(xact_)lock(bigint) keys. */
export const advisoryLocks = {
  /** The first organization's setup: two browsers must not both create "the" one. */
  firstSetup: 4242001,
  /** Applying migrations: two instances starting together must not both migrate. */
  migrations: 4242002,
} as const;

/** First halves of pg_advisory_xact_lock(int, int) keys; the second is a hash. */
export const advisoryLockSpaces = {
  signInAddress: 1,
  signInGuesser: 2,
} as const;
