CREATE TYPE "public"."digest_frequency" AS ENUM('daily', 'weekly');--> statement-breakpoint
ALTER TYPE "public"."email_choice" ADD VALUE 'daily' BEFORE 'off';--> statement-breakpoint
ALTER TYPE "public"."email_choice" ADD VALUE 'weekly' BEFORE 'off';--> statement-breakpoint
CREATE TABLE "community_email_preferences" (
	"user_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"email" "email_choice" NOT NULL,
	CONSTRAINT "community_email_preferences_user_id_community_id_pk" PRIMARY KEY("user_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "digests" (
	"user_id" uuid NOT NULL,
	"frequency" "digest_frequency" NOT NULL,
	"period" text NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digests_user_id_frequency_period_pk" PRIMARY KEY("user_id","frequency","period")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "community_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "digest" "digest_frequency";--> statement-breakpoint
ALTER TABLE "community_email_preferences" ADD CONSTRAINT "community_email_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_email_preferences" ADD CONSTRAINT "community_email_preferences_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digests" ADD CONSTRAINT "digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_email_preferences_community_idx" ON "community_email_preferences" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "digests_last_idx" ON "digests" USING btree ("user_id","frequency","sent_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_community_idx" ON "notifications" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("user_id","digest","created_at") WHERE "notifications"."digest" is not null and "notifications"."read_at" is null;