"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";

type Props = { callbackUrl: string; login: string; error?: string; notice?: string };

/**
 * Posts to /api/sign-in. Without scripts that is a plain form post; with them the
 * answer comes back as JSON so the error shows in place and the user name stays.
 */
export function SignInForm({ callbackUrl, login, error, notice }: Props) {
  const [message, setMessage] = useState(error);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setMessage(undefined);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        headers: { accept: "application/json" },
      });
      const result = (await response.json()) as {
        ok: boolean;
        message?: string;
        redirectTo?: string;
      };
      if (result.ok) {
        window.location.assign(result.redirectTo ?? "/");
        return;
      }
      setMessage(result.message ?? "Sign-in failed. Try again.");
      const password = form.elements.namedItem("password");
      if (password instanceof HTMLInputElement) {
        password.value = "";
        password.focus();
      }
    } catch {
      setMessage("Switchboard could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form action="/api/sign-in" method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
      {notice && !message ? (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status">
          {notice}
        </p>
      ) : null}
      <FormErrorSummary message={message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextInput
        label="User name or email"
        name="login"
        defaultValue={login}
        autoComplete="username"
        required
        autoFocus={!login}
      />
      <TextInput
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(login)}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-accent-700 underline">
          Forgot password?
        </Link>
      </p>
    </form>
  );
}
