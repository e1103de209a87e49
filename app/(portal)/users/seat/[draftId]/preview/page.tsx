import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button, ButtonLink } from "@/components/button";
import { requireActor } from "@/lib/auth/current-user";
import { ConflictError } from "@/lib/errors";
import { pageData } from "@/lib/page-guard";
import { describeSeatPlan } from "@/lib/seats/describe-seat-plan";
import { previewSeat } from "@/lib/seats/load-seat-wizard";
import { finishSeatTemplateAction } from "../../actions";
import { loadWizardPage } from "../../load-wizard-page";
import { WizardFrame } from "../../wizard-frame";

export const metadata: Metadata = { title: "Preview seat" };

function List({ title, lines }: { title: string; lines: string[] }) {
  return (
    <section>
      <h2 className="text-xs font-semibold uppercase tracking-wide text-neutral-600">{title}</h2>
      {lines.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-sm text-neutral-800">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-neutral-600">Nothing.</p>
      )}
    </section>
  );
}

/** Step 3: exactly what Save will create, or what stops it. */
export default async function PreviewSeatPage({
  params,
}: {
  params: Promise<{ draftId: string }>;
}) {
  const { draftId } = await params;
  const loaded = await loadWizardPage(draftId, "template");
  const actor = await requireActor();
  const preview = await pageData(() => previewSeat({ actor, draftId })).catch((error: unknown) => {
    if (error instanceof ConflictError) redirect(`/users/seat/${draftId}/attributes`);
    throw error;
  });
  const { plan } = preview;
  const described = describeSeatPlan(plan);
  return (
    <WizardFrame
      title={`Apply Template ${plan.template.name}`}
      instanceName={loaded.instance.name}
      current="Preview"
      backHref={loaded.backHref}
    >
      <div className="space-y-4">
        <p className="text-sm text-neutral-700">
          Save on the user form creates this seat in {plan.instance.name}, from {plan.template.name}{" "}
          version {plan.template.version}. Nothing is created before then.
        </p>
        {plan.problems.length > 0 ? (
          <div
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            <p className="font-medium">This seat cannot be made yet:</p>
            <ul className="mt-1 list-disc pl-5">
              {plan.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <List title="Extension" lines={[described.extension]} />
        <List title="Features" lines={described.features} />
        <List title="Call flow" lines={described.callFlow} />
        <form
          action={finishSeatTemplateAction}
          className="flex justify-between gap-2 border-t border-neutral-200 pt-4"
        >
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="templateVersion" value={plan.template.version} />
          <ButtonLink href={`/users/seat/${draftId}/attributes`} variant="secondary">
            Back
          </ButtonLink>
          <Button type="submit" disabled={plan.problems.length > 0}>
            Finish
          </Button>
        </form>
      </div>
    </WizardFrame>
  );
}
