import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { hasAnyAccount } from "@/lib/accounts/setup-organization";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Switchboard" };

// Exists only until the first organization is created.
export default async function SetupPage() {
  if (await hasAnyAccount()) notFound();
  return (
    <AuthCard
      title="Set up Switchboard"
      description="Create your organization and its first Administrator. You can add everyone else afterwards."
    >
      <SetupForm />
    </AuthCard>
  );
}
