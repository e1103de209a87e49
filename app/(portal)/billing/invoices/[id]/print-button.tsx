"use client";

import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/button";

/**
 * Opens the browser's print dialog. Printing needs a script, so without one the button is
 * replaced by a hint to use the browser's own Print command.
 */
export function PrintButton() {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (!scripted) {
    return (
      <span className="text-sm text-neutral-600">Print it with your browser's Print command.</span>
    );
  }
  return (
    <button
      type="button"
      className={buttonClasses("secondary", "sm")}
      onClick={() => window.print()}
    >
      Print
    </button>
  );
}
