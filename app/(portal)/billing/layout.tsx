import type { ReactNode } from "react";
import { SectionTabs } from "@/components/section-tabs";

const tabs = [
  { href: "/billing/plan", label: "Plan and resources" },
  { href: "/billing/invoices", label: "Invoices" },
  { href: "/billing/payment-methods", label: "Payment methods" },
  { href: "/billing/activity", label: "Billing activity" },
];

export default function BillingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <SectionTabs label="Billing" tabs={tabs} />
      {children}
    </div>
  );
}
