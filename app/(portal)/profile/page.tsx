import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pane } from "@/components/pane";
import { PermissionOverrides } from "@/components/permission-overrides";
import { requireSession } from "@/lib/auth/current-user";
import { getUserPermissions } from "@/lib/permissions/get-user-permissions";
import { formatPhone } from "@/lib/users/fields/phone";
import { getProfile } from "@/lib/users/update-profile";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const { actor, user: signedIn } = await requireSession();
  const user = await getProfile({ actor });
  const { modules } = await getUserPermissions({ actor, userId: actor.id });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="Your profile"
        description={
          user.role === "administrator"
            ? `Signed in as ${user.userName} · Administrator. You are an Administrator of ${signedIn.accountName} and may do everything here; another Administrator can change your role or active state.`
            : `Signed in as ${user.userName} · User. Your role, active state and groups are managed by your Administrators.`
        }
      />
      <Pane title="Details">
        <ProfileForm
          defaults={{
            firstName: user.firstName,
            lastName: user.lastName,
            alias: user.alias,
            title: user.title,
            email: user.email,
            fromEmails: user.fromEmails.join(", "),
            phone: user.phone ? formatPhone(user.phone) : "",
            extension: user.extension,
            address: user.address,
            color: user.color || "#4f46e5",
            clickToDial: user.clickToDial,
            currentPassword: "",
          }}
          userName={user.userName}
        />
      </Pane>
      <Pane title="Change password">
        <ChangePasswordForm />
      </Pane>
      <Pane title="Your permissions">
        <p className="border-b border-neutral-200 px-4 py-3 text-sm text-neutral-700">
          What you can do in Switchboard, and where each permission comes from.
        </p>
        <PermissionOverrides modules={modules} editable={false} />
      </Pane>
    </div>
  );
}
