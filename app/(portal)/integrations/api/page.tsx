import type { Metadata } from "next";
import { Button } from "@/components/button";
import { EmptyState } from "@/components/data-table";
import { TextInput } from "@/components/field";
import { PageHeader } from "@/components/page-header";
import { openApiDocument } from "@/lib/api/openapi/document";
import {
  type OpenApiLike,
  type ReferenceField,
  type ReferenceOperation,
  referenceSections,
} from "@/lib/api/openapi/reference-model";
import { requireActor } from "@/lib/auth/current-user";
import { pageRequires } from "@/lib/page-guard";

export const metadata: Metadata = { title: "API reference" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const methodColours: Record<string, string> = {
  GET: "bg-sky-50 text-sky-800",
  POST: "bg-emerald-50 text-emerald-800",
  PATCH: "bg-amber-50 text-amber-800",
  PUT: "bg-amber-50 text-amber-800",
  DELETE: "bg-red-50 text-red-800",
};

/** OpenAPI descriptions are CommonMark; the reference shows their `code` spans, nothing else. */
function Described({ text }: { text: string }) {
  return text.split("`").map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="font-mono text-[0.9em]">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

function Fields({ caption, fields }: { caption: string; fields: ReferenceField[] }) {
  if (fields.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500">
        {caption}
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-neutral-100">
        {fields.map((field) => (
          <tr key={field.name} className="align-top">
            <td className="w-48 py-1 pr-3 font-mono text-xs text-neutral-900">
              {field.name}
              {field.required ? <span className="ml-1 text-red-700">required</span> : null}
            </td>
            <td className="w-56 py-1 pr-3 text-xs text-neutral-600">{field.type}</td>
            <td className="py-1 text-neutral-700">
              <Described text={field.description} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OperationCard({ op }: { op: ReferenceOperation }) {
  const byPlace = (place: string) => op.parameters.filter((parameter) => parameter.in === place);
  return (
    <article id={op.id} className="rounded-md border border-neutral-200 bg-white p-4">
      <h3 className="flex flex-wrap items-center gap-2 text-sm">
        <span
          className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${methodColours[op.method] ?? ""}`}
        >
          {op.method}
        </span>
        <code className="font-mono text-neutral-900">/api/v1{op.path}</code>
        <span className="font-medium text-neutral-700">{op.summary}</span>
      </h3>
      {op.description ? (
        <p className="mt-1 text-sm text-neutral-600">
          <Described text={op.description} />
        </p>
      ) : null}
      <Fields caption="Path" fields={byPlace("path")} />
      <Fields caption="Query" fields={byPlace("query")} />
      <Fields caption="Headers" fields={byPlace("header")} />
      <Fields caption={`Body${op.bodyName ? ` (${op.bodyName})` : ""}`} fields={op.body} />
      <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-x-3 gap-y-0.5 text-sm">
        {op.responses.map((response) => (
          <div key={response.status} className="contents">
            <dt className="font-mono text-xs text-neutral-900">{response.status}</dt>
            <dd className="text-neutral-700">
              {response.description}
              {response.schemaName ? (
                <span className="text-neutral-500"> ({response.schemaName})</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

/** The REST API's reference, read from the same OpenAPI document clients download. */
export default async function ApiReferencePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  pageRequires(actor, "integrations", "view");
  const raw = (await searchParams).q;
  const search = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? "";
  const sections = referenceSections(openApiDocument() as OpenApiLike, search);
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="API reference"
        description={
          <>
            Every operation of <code>/api/v1</code>. Send an API token as{" "}
            <code>Authorization: Bearer sbk_…</code>; errors are{" "}
            <code>application/problem+json</code>. Download the{" "}
            <a href="/api/v1/openapi.json">OpenAPI document</a> for your tools.
          </>
        }
      />
      <search className="mb-5">
        <form method="get" className="flex items-end gap-2">
          <TextInput
            label="Search operations"
            name="q"
            type="search"
            defaultValue={search}
            placeholder="users, If-Match, seatFeatures…"
            className="w-80"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </search>
      {sections.length === 0 ? (
        <EmptyState title="No operation matches">
          Try fewer words, or <a href="/integrations/api">show every operation</a>.
        </EmptyState>
      ) : (
        sections.map((section) => (
          <section key={section.tag} className="mb-6" aria-labelledby={`tag-${section.tag}`}>
            <h2 id={`tag-${section.tag}`} className="mb-2 text-base font-semibold text-neutral-900">
              {section.tag}
            </h2>
            <div className="space-y-3">
              {section.operations.map((op) => (
                <OperationCard key={op.id} op={op} />
              ))}
            </div>
          </section>
        ))
      )}
    </div>
  );
}
