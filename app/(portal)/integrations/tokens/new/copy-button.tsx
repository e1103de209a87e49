"use client";

import { type RefObject, useEffect, useState } from "react";
import { Button } from "@/components/button";

type Outcome = "idle" | "copied" | "failed";

const words: Record<Outcome, string> = {
  idle: "",
  copied: "Copied to the clipboard.",
  failed: "Could not copy: select the token and copy it yourself.",
};

/** Copies the input's value. Shown only when scripts run; without them people select it. */
export function CopyButton({ target }: { target: RefObject<HTMLInputElement | null> }) {
  const [hydrated, setHydrated] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>("idle");
  useEffect(() => setHydrated(true), []);

  async function copy() {
    const input = target.current;
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      setOutcome("copied");
    } catch {
      // The Clipboard API needs a secure context; the old command works on plain http too.
      input.select();
      setOutcome(document.execCommand("copy") ? "copied" : "failed");
    }
  }

  if (!hydrated) return null;
  return (
    <>
      <Button type="button" variant="secondary" onClick={copy}>
        {outcome === "copied" ? "Copied" : "Copy"}
      </Button>
      <span role="status" className="self-center text-xs text-neutral-600">
        {words[outcome]}
      </span>
    </>
  );
}
