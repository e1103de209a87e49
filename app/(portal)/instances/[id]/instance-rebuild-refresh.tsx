"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const everyMs = 3000;

/**
 * While a rebuild runs, asks the server for the page again every few seconds, so the status
 * changes by itself when the rebuild ends (this component is no longer rendered then).
 * Without scripts it is a link to look again.
 */
export function InstanceRebuildRefresh({ href }: { href: string }) {
  const router = useRouter();
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    setWatching(true);
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router]);
  return watching ? (
    <>This page updates by itself when it finishes.</>
  ) : (
    <a href={href} className="font-medium text-accent-700 underline">
      Check again
    </a>
  );
}
