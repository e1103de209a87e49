import type { ReactNode } from "react";
import { SectionTabs } from "@/components/section-tabs";

const tabs = [
  { href: "/integrations/tokens", label: "API tokens" },
  { href: "/integrations/webhooks", label: "Webhooks" },
  { href: "/integrations/api", label: "API reference" },
  { href: "/integrations/scim", label: "SCIM" },
];

export default function IntegrationsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <SectionTabs label="Integrations" tabs={tabs} />
      {children}
    </div>
  );
}
