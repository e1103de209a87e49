import type { Metadata } from "next";
import { Button } from "@/components/button";
import { EmptyState } from "@/components/data-table";
import { TextInput } from "@/components/field";
import { featureKindLabels } from "@/lib/features/kinds";
import { pageData } from "@/lib/page-guard";
import { spareFeatureChoices } from "@/lib/seats/load-seat-wizard";
import { formatPhone } from "@/lib/users/fields/phone";
import { AddSparesForm } from "../../add-spares-form";
import { loadWizardPage } from "../../load-wizard-page";
import { WizardFrame } from "../../wizard-frame";

export const metadata: Metadata = { title: "Add features" };

type Props = {
  params: Promise<{ draftId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AddSparesPage({ params, searchParams }: Props) {
  const { draftId } = await params;
  const q = String((await searchParams).q ?? "");
  const loaded = await loadWizardPage(draftId, "add");
  const spares = await pageData(() =>
    spareFeatureChoices({ actor: loaded.actor, instanceId: loaded.instance.id, q }),
  );
  return (
    <WizardFrame
      title="Add features"
      instanceName={loaded.instance.name}
      backHref={loaded.backHref}
    >
      <form method="get" className="mb-4 flex items-end gap-2">
        <div className="grow">
          <TextInput label="Find spare features" name="q" defaultValue={q} type="search" />
        </div>
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </form>
      {spares.length === 0 ? (
        <EmptyState title={q ? "No spare feature matches" : "No spare features"}>
          {loaded.instance.name} has no {q ? "matching " : ""}features that are not already in a
          seat. Add some on the instance's Features page.
        </EmptyState>
      ) : (
        <AddSparesForm
          draftId={loaded.draft.id}
          spares={spares.map((spare) => ({
            id: spare.id,
            kind: featureKindLabels[spare.kind],
            label: spare.phoneNumber ? formatPhone(spare.phoneNumber) : spare.name,
          }))}
        />
      )}
    </WizardFrame>
  );
}
