"use client";

import { Button } from "@/components/button";
import type { TemplateFormSection } from "@/lib/templates/template-form-values";

/**
 * Adds blank rows to a section. Without scripts it posts the form, which comes back with
 * everything typed and more rows; with scripts it adds them in place.
 */
export function MoreRowsButton({
  section,
  label,
  onMore,
}: {
  section: TemplateFormSection;
  label: string;
  /** Present once scripts run. */
  onMore?: () => void;
}) {
  return (
    <Button
      type="submit"
      name="intent"
      value={`more-rows:${section}`}
      variant="secondary"
      size="sm"
      aria-label={label}
      onClick={(event) => {
        if (!onMore) return;
        event.preventDefault();
        onMore();
      }}
    >
      More rows
    </Button>
  );
}
