export const scimUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
export const scimGroupSchemaId = "urn:ietf:params:scim:schemas:core:2.0:Group";
