import { scimGroupSchemaId, scimUserSchema } from "./scim-schema-ids";

// What this service provider supports, as RFC 7643 §5–7 describe it. Identity providers read
// these to learn that PATCH and filters work, and which attributes are kept.

type Attribute = {
  name: string;
  type: "string" | "boolean" | "complex" | "reference";
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned?: "always" | "never" | "default";
  uniqueness?: "none" | "server" | "global";
  description: string;
  subAttributes?: Attribute[];
  referenceTypes?: string[];
};

const attribute = (definition: Attribute): Attribute => ({
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...definition,
});

const userAttributes = [
  attribute({
    name: "userName",
    type: "string",
    required: true,
    uniqueness: "global",
    description: "Signs in with it; unique across Switchboard.",
  }),
  attribute({
    name: "name",
    type: "complex",
    description: "First and last name.",
    subAttributes: [
      attribute({ name: "givenName", type: "string", description: "First Name." }),
      attribute({ name: "familyName", type: "string", description: "Last Name." }),
      attribute({
        name: "formatted",
        type: "string",
        mutability: "readOnly",
        description: "First and last name together.",
      }),
    ],
  }),
  attribute({
    name: "displayName",
    type: "string",
    mutability: "readOnly",
    description: "The full name, else the user name.",
  }),
  attribute({ name: "nickName", type: "string", description: "Alias." }),
  attribute({ name: "title", type: "string", description: "Title." }),
  attribute({
    name: "emails",
    type: "complex",
    multiValued: true,
    required: true,
    description: "Switchboard keeps one address: the primary (else a work one, else the first).",
    subAttributes: [
      attribute({ name: "value", type: "string", description: "The address." }),
      attribute({ name: "type", type: "string", description: "Always work." }),
      attribute({ name: "primary", type: "boolean", description: "Always true." }),
    ],
  }),
  attribute({
    name: "active",
    type: "boolean",
    description: "Inactive users cannot sign in; their sessions end.",
  }),
  attribute({
    name: "password",
    type: "string",
    mutability: "writeOnly",
    returned: "never",
    description:
      "Must meet the password policy. Left out on creation, the user is emailed a link to choose one.",
  }),
  attribute({
    name: "groups",
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    description: "The user's groups; change them through /Groups.",
    subAttributes: [
      attribute({
        name: "value",
        type: "string",
        mutability: "readOnly",
        description: "Group id.",
      }),
      attribute({ name: "display", type: "string", mutability: "readOnly", description: "Name." }),
      attribute({
        name: "$ref",
        type: "reference",
        referenceTypes: ["Group"],
        mutability: "readOnly",
        description: "The group's URI.",
      }),
    ],
  }),
];

const groupAttributes = [
  attribute({
    name: "displayName",
    type: "string",
    required: true,
    uniqueness: "server",
    description: "The group's name, unique in the organization.",
  }),
  attribute({
    name: "members",
    type: "complex",
    multiValued: true,
    description: "Users of the organization; membership grants the group's permissions.",
    subAttributes: [
      attribute({
        name: "value",
        type: "string",
        mutability: "immutable",
        description: "User id.",
      }),
      attribute({
        name: "display",
        type: "string",
        mutability: "readOnly",
        description: "User name.",
      }),
      attribute({
        name: "$ref",
        type: "reference",
        referenceTypes: ["User"],
        mutability: "immutable",
        description: "The user's URI.",
      }),
    ],
  }),
];

export function scimSchemas(baseUrl: string) {
  const schema = (id: string, name: string, description: string, attributes: unknown[]) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${id}` },
  });
  return [
    schema(scimUserSchema, "User", "A person of the organization.", userAttributes),
    schema(scimGroupSchemaId, "Group", "A group of users with permissions.", groupAttributes),
  ];
}

export function scimResourceTypes(baseUrl: string) {
  const resourceType = (id: string, endpoint: string, schema: string, description: string) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id,
    name: id,
    endpoint,
    description,
    schema,
    schemaExtensions: [],
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${id}` },
  });
  return [
    resourceType("User", "/Users", scimUserSchema, "Users of the organization."),
    resourceType("Group", "/Groups", scimGroupSchemaId, "Groups of the organization."),
  ];
}

export function scimServiceProviderConfig(baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: `${baseUrl.replace(/\/api\/scim\/v2$/, "")}/integrations/api`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: true },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "API token",
        description:
          "An API token made under Integrations → API tokens, sent as Authorization: Bearer sbk_…; its scopes bound what it may do (Users and Groups).",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}
