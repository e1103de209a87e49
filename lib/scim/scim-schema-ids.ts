export const scimUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
export const scimGroupSchemaId = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** An attribute or path written fully qualified (urn:…:core:2.0:User:userName) starts with this. */
export const coreSchemaPrefix = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;
