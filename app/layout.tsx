import "./globals.css";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Toaster } from "@/components/toast";

// Every page reads the session or the database. Never prerender at build time: trying
// would open the database from a build worker (and PGlite's folder lock with it).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "Account and user administration for your cloud phone system and CRM.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const flash = (await cookies()).get("flash")?.value;
  return (
    <html lang="en">
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased">
        {children}
        <Toaster message={flash} />
      </body>
    </html>
  );
}
