import { buttonClasses } from "@/components/button";
import { TextInput } from "@/components/field";
import { FormErrorSummary } from "@/components/form-errors";
import { type CardFormField, cardFormMessage } from "@/lib/payments/providers/test-card-form";
import { testProviderSubmitPath } from "@/lib/payments/providers/test-provider-setup";

type Props = {
  session: string;
  cancelUrl: string;
  /** What was typed before a refusal; never the card number or security code. */
  expiry: string;
  name: string;
  /** Each field's problem code from the page's address. */
  errorCodes: Record<CardFormField, string>;
};

const fields: CardFormField[] = ["number", "expiry", "cvc", "name"];

/** A plain form posted to the provider's handler: it works without scripts. */
export function CardSetupForm({ session, cancelUrl, expiry, name, errorCodes }: Props) {
  const errors = Object.fromEntries(
    fields.map((field) => [field, cardFormMessage(field, errorCodes[field])]),
  ) as Record<CardFormField, string | undefined>;
  const firstError = fields.find((field) => errors[field]);
  return (
    <form method="post" action={testProviderSubmitPath} noValidate className="space-y-4">
      <FormErrorSummary message={firstError ? "Check the card details below." : undefined} />
      <input type="hidden" name="session" value={session} />
      <TextInput
        label="Card number"
        name="number"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        maxLength={23}
        required
        autoFocus={!firstError || firstError === "number"}
        error={errors.number}
      />
      <div className="grid grid-cols-2 gap-4">
        <TextInput
          label="Expiry (MM/YY)"
          name="expiry"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          maxLength={9}
          defaultValue={expiry}
          required
          autoFocus={firstError === "expiry"}
          error={errors.expiry}
        />
        <TextInput
          label="CVC"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          maxLength={4}
          required
          autoFocus={firstError === "cvc"}
          error={errors.cvc}
          help="3 digits; 4 on the front for American Express."
        />
      </div>
      <TextInput
        label="Name on card"
        name="name"
        autoComplete="cc-name"
        maxLength={100}
        defaultValue={name}
        required
        autoFocus={firstError === "name"}
        error={errors.name}
      />
      <div className="flex flex-wrap items-center gap-3 pt-2">
        <button type="submit" className={buttonClasses("primary")}>
          Save card
        </button>
        <a href={cancelUrl} className={buttonClasses("secondary")}>
          Cancel
        </a>
      </div>
    </form>
  );
}
