CREATE TABLE "account_user_counts" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"inactive" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_list_idx";--> statement-breakpoint
ALTER TABLE "account_user_counts" ADD CONSTRAINT "account_user_counts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_list_first_name_idx" ON "users" USING btree ("account_id","active",lower("first_name"),"id");--> statement-breakpoint
CREATE INDEX "users_list_last_name_idx" ON "users" USING btree ("account_id","active",lower("last_name"),"id");--> statement-breakpoint
CREATE INDEX "users_list_email_idx" ON "users" USING btree ("account_id","active",lower("email"),"id");--> statement-breakpoint
CREATE INDEX "users_list_idx" ON "users" USING btree ("account_id","active",lower("user_name"),"id");