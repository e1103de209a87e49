import type { EmailDetails } from "@/lib/email/get-email";
import { InstanceTime } from "../../instances/instance-time";

/** Why the message is where it is: waiting (and until when), given up, bounced or sent. */
export function EmailProgress({ email }: { email: EmailDetails }) {
  const { job } = email;
  if (email.status === "queued") {
    if (job?.status === "running") return <p>Being sent now.</p>;
    const due = job ? <InstanceTime value={job.runAt} /> : "as soon as a dispatcher looks";
    if (email.attempts === 0) return <p>Waiting to be sent, due {due}.</p>;
    return (
      <p>
        Attempt {email.attempts} failed: <span className="break-words">{email.lastError}</span> The
        next attempt is due {due}.
      </p>
    );
  }
  if (email.status === "failed") {
    return (
      <p className="text-red-800">
        Not sent: <span className="break-words">{email.lastError || "given up."}</span>
      </p>
    );
  }
  if (email.status === "bounced") {
    return (
      <p className="text-red-800">
        <span className="break-words">{email.lastError}</span> The address is marked undeliverable
        on the user's record until it changes or the mark is cleared.
      </p>
    );
  }
  if (email.providerMessageId?.startsWith("outbox-")) {
    return (
      <p>
        Stored in the embedded outbox: no email provider is configured, so this page is where the
        message is read.
      </p>
    );
  }
  return (
    <p>
      {email.status === "delivered" ? "Delivered" : "Handed to the provider"} as message{" "}
      <span className="font-mono text-xs break-all">{email.providerMessageId}</span>.
    </p>
  );
}
