import type { ReactNode } from "react";
import { BillingTabs } from "./billing-tabs";

export default function BillingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <BillingTabs />
      {children}
    </div>
  );
}
