import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { plans } from "@/lib/billing/catalog";
import { quotePlanChange } from "@/lib/billing/quote-plan-change";
import { PlanChangeForm } from "./plan-change-form";
import { PlanPreview } from "./plan-preview";

vi.mock("./actions", () => ({ confirmPlanChangeAction: "/confirm" }));

const usage = {
  seats: 2,
  resources: { instances: 3, phoneNumbers: 0, conferenceRooms: 0, faxMachines: 0, storageGb: 0 },
};
const current = { plan: plans.team, addOns: {}, currency: "USD" };
const at = new Date("2026-03-16T12:00:00Z");

function preview(target: typeof plans.team, addOns = {}) {
  const quote = quotePlanChange({
    current,
    target: { plan: target, addOns },
    usage,
    at,
    timeZone: "UTC",
  });
  return { ...quote, currentPlan: current.plan, basedOn: "plan=team" };
}

describe("the plan form", () => {
  it("labels every choice and keeps what was typed", () => {
    const html = renderToStaticMarkup(
      <PlanChangeForm
        values={{
          plan: "enterprise",
          instances: "",
          phoneNumbers: "3",
          conferenceRooms: "",
          faxMachines: "",
          storageGb: "",
        }}
        fieldErrors={{ instances: "The Starter plan sells no extra instances." }}
        currency="USD"
        currentPlan="team"
      />,
    );
    expect(html).toContain('method="get"');
    expect(html).toMatch(/<input type="radio"[^>]*name="plan" checked="" value="enterprise"/);
    expect(html).toContain(">Extra GB of storage</label>");
    expect(html).toContain('<label for="phoneNumbers"');
    expect(html).toMatch(/name="phoneNumbers"[^>]*value="3"/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("$45.00 per user a month");
  });
});

describe("the preview", () => {
  it("shows the totals and posts exactly what was previewed on Confirm", () => {
    const html = renderToStaticMarkup(
      <PlanPreview preview={preview(plans.enterprise, { phoneNumbers: 3 })} timeZone="UTC" />,
    );
    // 2 users × $24.00 now; 2 × $45.00 and 3 phone numbers × $3.00 after.
    expect(html).toContain("$48.00");
    expect(html).toContain("$99.00");
    expect(html).toContain("Charge for the rest of this month");
    expect(html).toMatch(/name="phoneNumbers" value="3"/);
    expect(html).toMatch(/name="basedOn" value="plan=team"/);
    expect(html).toContain("Confirm change");
  });

  it("offers no Confirm when use is beyond the new plan", () => {
    const over = { ...usage, resources: { ...usage.resources, instances: 7 } };
    const quote = quotePlanChange({
      current,
      target: { plan: plans.starter, addOns: {} },
      usage: over,
      at,
      timeZone: "UTC",
    });
    const html = renderToStaticMarkup(
      <PlanPreview preview={{ ...quote, currentPlan: current.plan, basedOn: "" }} timeZone="UTC" />,
    );
    expect(html).toContain("You use 7 instances and the Starter plan includes 5");
    expect(html).toContain("Credit for the rest of this month");
    expect(html).not.toContain("Confirm change");
  });
});
