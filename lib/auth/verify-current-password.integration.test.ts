import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  insertTestUsers,
  rejectionOf,
  testPassword,
  uniqueName,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { InvalidError } from "../errors";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";
import { verifyCurrentPassword } from "./verify-current-password";

withTestDatabase();

let admin: Actor;
let addressCounter = 0;

beforeAll(async () => {
  ({ admin } = await createTestAccount());
});

function newAddress(): string {
  addressCounter += 1;
  return `203.0.113.${addressCounter}`;
}

async function newUser() {
  const [user] = await insertTestUsers(admin.accountId, [{ userName: uniqueName("current") }]);
  return user!;
}

/** The field errors of a refused check. */
async function refusal(check: Promise<void>) {
  const error = await rejectionOf(check);
  expect(error).toBeInstanceOf(InvalidError);
  return (error as InvalidError).fieldErrors;
}

async function guessWrong(times: number, userId: string, clientAddress: string) {
  for (let i = 0; i < times; i++) {
    await rejectionOf(verifyCurrentPassword({ userId, password: `guess ${i}`, clientAddress }));
  }
}

describe("verifyCurrentPassword", () => {
  it("accepts the right password and refuses a wrong one on the current password field", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    await verifyCurrentPassword({ userId: user.id, password: testPassword, clientAddress });
    expect(
      await refusal(verifyCurrentPassword({ userId: user.id, password: "wrong!", clientAddress })),
    ).toEqual({ currentPassword: "The current password is incorrect." });
  });

  it("locks after ten wrong passwords from one address, even the right one, but not elsewhere", async () => {
    const user = await newUser();
    const [guesser, elsewhere] = [newAddress(), newAddress()];
    await guessWrong(10, user.id, guesser);
    const right = { userId: user.id, password: testPassword };
    expect(await refusal(verifyCurrentPassword({ ...right, clientAddress: guesser }))).toEqual({
      currentPassword: "Too many failed attempts. Wait 1 minute and try again.",
    });
    await verifyCurrentPassword({ ...right, clientAddress: elsewhere });
  });

  it("shares its count with sign-in from the same address", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    await guessWrong(5, user.id, clientAddress);
    for (let i = 0; i < 4; i++) {
      await authenticate({ login: user.userName, password: `guess ${i}`, clientAddress });
    }
    // The tenth failure in all, whichever form it came from, locks the address.
    expect(
      await authenticate({ login: user.userName, password: "guess 10", clientAddress }),
    ).toMatchObject({ ok: false, reason: "locked", retryAfterSeconds: 60 });
    expect(
      await refusal(
        verifyCurrentPassword({ userId: user.id, password: testPassword, clientAddress }),
      ),
    ).toEqual({ currentPassword: "Too many failed attempts. Wait 1 minute and try again." });
  });

  it("clears the address's count when the password is right", async () => {
    const user = await newUser();
    const clientAddress = newAddress();
    await guessWrong(9, user.id, clientAddress);
    await verifyCurrentPassword({ userId: user.id, password: testPassword, clientAddress });
    // Without the reset this would be the tenth failure, and locked.
    expect(
      await refusal(verifyCurrentPassword({ userId: user.id, password: "wrong!", clientAddress })),
    ).toEqual({ currentPassword: "The current password is incorrect." });
  });
});
