import { describe, expect, it } from "vitest";
import {
  createTestAccount,
  createTestUser,
  rejectionOf,
  testPassword,
} from "../../tests/support/fixtures";
import { withTestDatabase } from "../../tests/support/test-database";
import { authenticate } from "../auth/authenticate";
import { InvalidError } from "../errors";
import { changeOwnPassword } from "./change-own-password";

withTestDatabase();

const newPassword = "an entirely new passphrase";

describe("changeOwnPassword", () => {
  it("asks for the right current password and then changes it", async () => {
    const { admin } = await createTestAccount();
    const { user, actor } = await createTestUser(admin);
    const error = await rejectionOf(
      changeOwnPassword({
        actor,
        input: { currentPassword: "not my password!", newPassword, confirmPassword: newPassword },
      }),
    );
    expect((error as InvalidError).fieldErrors.currentPassword).toBe(
      "The current password is incorrect.",
    );
    await changeOwnPassword({
      actor,
      input: { currentPassword: testPassword, newPassword, confirmPassword: newPassword },
    });
    expect(
      await authenticate({
        login: user.userName,
        password: newPassword,
        clientAddress: "10.9.0.1",
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("locks its address after ten wrong current passwords, like sign-in, and keeps the old password", async () => {
    const { admin } = await createTestAccount();
    const { user, actor } = await createTestUser(admin);
    for (let attempt = 0; attempt < 10; attempt++) {
      await rejectionOf(
        changeOwnPassword({
          actor,
          input: { currentPassword: `guess ${attempt}`, newPassword, confirmPassword: newPassword },
        }),
      );
    }
    const error = await rejectionOf(
      changeOwnPassword({
        actor,
        input: { currentPassword: testPassword, newPassword, confirmPassword: newPassword },
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.message).toMatch(/^Too many failed attempts\. Wait 1 minute/);
    // Signing in from the session's address is locked too; elsewhere the old password works.
    const signIn = { login: user.userName, password: testPassword };
    expect(await authenticate({ ...signIn, clientAddress: actor.clientAddress })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await authenticate({ ...signIn, clientAddress: "10.9.0.2" })).toMatchObject({
      ok: true,
    });
  });
});
