import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type webhookEndpoints } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import {
  activeAdministratorRecipients,
  emailRecipient,
  organizationName,
  recipientColumns,
} from "@/lib/users/email-recipient";
import { backgroundPortalUrl } from "@/lib/users/portal-url";

// No "server-only": the delivery job (plain Node) disables endpoints.

type Endpoint = typeof webhookEndpoints.$inferSelect;

const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The endpoint's creator while they are an active user; else the account's Administrators. */
async function alertRecipients(tx: Executor, endpoint: Endpoint) {
  if (endpoint.createdByUserId) {
    const [creator] = await tx
      .select(recipientColumns)
      .from(users)
      .where(
        and(
          eq(users.id, endpoint.createdByUserId),
          eq(users.accountId, endpoint.accountId),
          eq(users.active, true),
        ),
      );
    if (creator) return [creator];
  }
  return activeAdministratorRecipients(tx, endpoint.accountId);
}

/** Tells whoever looks after the endpoint that it was disabled, in the disabling transaction. */
export async function queueEndpointDisabledAlert(
  tx: Executor,
  endpoint: Endpoint,
  failingSince: Date,
): Promise<void> {
  const recipients = await alertRecipients(tx, endpoint);
  if (recipients.length === 0) return;
  const organization = await organizationName(tx, endpoint.accountId);
  for (const user of recipients) {
    const recipient = await emailRecipient(tx, user, organization);
    await queueEmail(tx, {
      accountId: endpoint.accountId,
      userId: user.id,
      to: recipient.to,
      template: "webhook-endpoint-disabled",
      props: {
        organizationName: recipient.organizationName,
        recipientName: recipient.recipientName,
        endpointUrl: endpoint.url,
        failingSince: `${timeFormat.format(failingSince)} UTC`,
        endpointLink: backgroundPortalUrl(`/integrations/webhooks/${endpoint.id}`),
      },
    });
  }
}
