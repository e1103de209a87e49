import type { ComponentType } from "react";
import AccountInactivated, {
  type AccountInactivatedProps,
  accountInactivatedSubject,
} from "@/emails/account-inactivated";
import AccountReactivated, {
  type AccountReactivatedProps,
  accountReactivatedSubject,
} from "@/emails/account-reactivated";
import AdminMessage, { type AdminMessageProps, adminMessageSubject } from "@/emails/admin-message";
import InvoiceIssued, {
  type InvoiceIssuedProps,
  invoiceIssuedSubject,
} from "@/emails/invoice-issued";
import LicenceUpdated, {
  type LicenceUpdatedProps,
  licenceUpdatedSubject,
} from "@/emails/licence-updated";
import LoginInstructions, {
  type LoginInstructionsProps,
  loginInstructionsSubject,
} from "@/emails/login-instructions";
import PasswordChanged, {
  type PasswordChangedProps,
  passwordChangedSubject,
} from "@/emails/password-changed";
import PasswordReset, {
  type PasswordResetProps,
  passwordResetSubject,
} from "@/emails/password-reset";
import PaymentReceipt, {
  type PaymentReceiptProps,
  paymentReceiptSubject,
} from "@/emails/payment-receipt";
import RoleChanged, { type RoleChangedProps, roleChangedSubject } from "@/emails/role-changed";
import WebhookEndpointDisabled, {
  type WebhookEndpointDisabledProps,
  webhookEndpointDisabledSubject,
} from "@/emails/webhook-endpoint-disabled";

export type {
  AccountInactivatedProps,
  AccountReactivatedProps,
  AdminMessageProps,
  InvoiceIssuedProps,
  LicenceUpdatedProps,
  LoginInstructionsProps,
  PasswordChangedProps,
  PasswordResetProps,
  PaymentReceiptProps,
  RoleChangedProps,
  WebhookEndpointDisabledProps,
};

/** Each message the portal sends, by template name (stored as the email's kind). */
export type EmailTemplateProps = {
  "login-instructions": LoginInstructionsProps;
  "password-reset": PasswordResetProps;
  "account-inactivated": AccountInactivatedProps;
  "account-reactivated": AccountReactivatedProps;
  "role-changed": RoleChangedProps;
  "password-changed": PasswordChangedProps;
  "licence-updated": LicenceUpdatedProps;
  "admin-message": AdminMessageProps;
  "webhook-endpoint-disabled": WebhookEndpointDisabledProps;
  "invoice-issued": InvoiceIssuedProps;
  "payment-receipt": PaymentReceiptProps;
};

export type EmailTemplateName = keyof EmailTemplateProps;

type EmailTemplate<Props> = {
  component: ComponentType<Props> & { PreviewProps: Props };
  subject: (props: Props) => string;
  /** Shown on /emails. */
  label: string;
};

export const emailTemplates: {
  [Name in EmailTemplateName]: EmailTemplate<EmailTemplateProps[Name]>;
} = {
  "login-instructions": {
    component: LoginInstructions,
    subject: loginInstructionsSubject,
    label: "Login instructions",
  },
  "password-reset": {
    component: PasswordReset,
    subject: passwordResetSubject,
    label: "Password reset",
  },
  "account-inactivated": {
    component: AccountInactivated,
    subject: accountInactivatedSubject,
    label: "Account inactivated",
  },
  "account-reactivated": {
    component: AccountReactivated,
    subject: accountReactivatedSubject,
    label: "Account reactivated",
  },
  "role-changed": { component: RoleChanged, subject: roleChangedSubject, label: "Role changed" },
  "password-changed": {
    component: PasswordChanged,
    subject: passwordChangedSubject,
    label: "Password changed",
  },
  "licence-updated": {
    component: LicenceUpdated,
    subject: licenceUpdatedSubject,
    label: "Licence updated",
  },
  "admin-message": {
    component: AdminMessage,
    subject: adminMessageSubject,
    label: "Message from an Administrator",
  },
  "webhook-endpoint-disabled": {
    component: WebhookEndpointDisabled,
    subject: webhookEndpointDisabledSubject,
    label: "Webhook endpoint disabled",
  },
  "invoice-issued": {
    component: InvoiceIssued,
    subject: invoiceIssuedSubject,
    label: "Invoice issued",
  },
  "payment-receipt": {
    component: PaymentReceipt,
    subject: paymentReceiptSubject,
    label: "Payment receipt",
  },
};

export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];

export function isEmailTemplateName(value: string): value is EmailTemplateName {
  return Object.hasOwn(emailTemplates, value);
}

/** A stored kind in words; a kind no longer sent keeps its stored name. */
export function emailKindLabel(kind: string): string {
  return isEmailTemplateName(kind) ? emailTemplates[kind].label : kind;
}
