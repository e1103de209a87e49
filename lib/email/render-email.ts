import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import { sanitizeBodyText, sanitizeHeaderText } from "./header-text";
import { type EmailTemplateName, type EmailTemplateProps, emailTemplates } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

// Names and free text in the props come from users: names lose control characters (they
// may reach a subject), and the body of an Administrator's message keeps only its lines.
function cleanProps<Props extends object>(props: Props): Props {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [
      key,
      typeof value !== "string"
        ? value
        : key === "body"
          ? sanitizeBodyText(value)
          : sanitizeHeaderText(value, 1000),
    ]),
  ) as Props;
}

/**
 * Renders a template to the three parts of a message: a one-line subject (sanitised: no
 * header can be injected through it), the HTML and its plain-text counterpart.
 */
export async function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  props: EmailTemplateProps[Name],
): Promise<RenderedEmail> {
  const definition = emailTemplates[template];
  const clean = cleanProps(props);
  const html = await render(createElement(definition.component, clean));
  return {
    subject: sanitizeHeaderText(definition.subject(clean)),
    html,
    text: toPlainText(html),
  };
}
