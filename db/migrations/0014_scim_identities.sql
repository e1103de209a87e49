ALTER TABLE "groups" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "scim_user_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "groups_account_external_id_key" ON "groups" USING btree ("account_id","external_id") WHERE "groups"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_account_external_id_key" ON "users" USING btree ("account_id","external_id") WHERE "users"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_account_scim_user_name_key" ON "users" USING btree ("account_id",lower("scim_user_name")) WHERE "users"."scim_user_name" is not null;