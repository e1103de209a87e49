import type { ReactNode } from "react";
import { IntegrationsTabs } from "./integrations-tabs";

export default function IntegrationsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <IntegrationsTabs />
      {children}
    </div>
  );
}
