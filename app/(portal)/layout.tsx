import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireSession } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { organizationLogoUrl } from "@/lib/organization/organization-logo-url";
import { signOutAction } from "../sign-out-action";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { user, actor } = await requireSession();
  const items = [
    { href: "/users", label: "Users", visible: can(actor, "users", "view") },
    { href: "/groups", label: "Groups", visible: can(actor, "groups", "view") },
    { href: "/instances", label: "Instances", visible: can(actor, "instances", "view") },
    { href: "/templates", label: "Templates", visible: can(actor, "templates", "view") },
    { href: "/activity", label: "Account Activity", visible: can(actor, "activity", "view_own") },
    { href: "/emails", label: "Emails", visible: can(actor, "organization", "view") },
    { href: "/billing/plan", label: "Billing", visible: can(actor, "billing", "view") },
    {
      href: "/integrations",
      label: "Integrations",
      visible: can(actor, "integrations", "view"),
    },
    {
      href: "/organization",
      label: "Organization",
      visible: can(actor, "organization", "view"),
    },
    { href: "/profile", label: "Profile", visible: true },
  ];
  const nav = items.filter((item) => item.visible);
  const displayName = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.userName;
  return (
    <AppShell
      organizationName={user.accountName}
      organizationLogoUrl={
        user.accountLogoVersion === null ? undefined : organizationLogoUrl(user.accountLogoVersion)
      }
      user={{ displayName, userName: user.userName, color: user.color }}
      nav={nav}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
