import { PhoneNumber } from "@/components/phone-link";
import { featureDetails } from "@/lib/features/describe-feature";
import type { FeatureColumns } from "@/lib/features/feature-columns";

/** A feature's summary, with its phone numbers shown as phone numbers. */
export function FeatureDetailsText({ feature }: { feature: FeatureColumns }) {
  const details = featureDetails(feature);
  return (
    <>
      {details.map((detail, index) => (
        <span key={`${index}-${"phone" in detail ? detail.phone : detail.text}`}>
          {index > 0 ? <span className="text-neutral-400"> · </span> : null}
          {"phone" in detail ? <PhoneNumber e164={detail.phone} /> : detail.text}
        </span>
      ))}
    </>
  );
}
