CREATE TABLE "community_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid,
	"key" text NOT NULL,
	"reached_at" timestamp with time zone DEFAULT now() NOT NULL,
	"celebrated" boolean DEFAULT true NOT NULL,
	"note" text,
	"note_by" uuid,
	"note_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "community_milestones" ADD CONSTRAINT "community_milestones_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_milestones" ADD CONSTRAINT "community_milestones_note_by_users_id_fk" FOREIGN KEY ("note_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_milestones_key_idx" ON "community_milestones" USING btree ("community_id","key");--> statement-breakpoint
CREATE INDEX "community_milestones_community_time_idx" ON "community_milestones" USING btree ("community_id","reached_at");--> statement-breakpoint
CREATE INDEX "community_milestones_celebrated_time_idx" ON "community_milestones" USING btree ("reached_at") WHERE "community_milestones"."celebrated";--> statement-breakpoint
-- The milestones communities had already passed when milestones began to be recorded: kept quietly
-- (celebrated = false), so no community celebrates them all at once.
INSERT INTO "community_milestones" ("community_id", "kind", "key", "reached_at", "celebrated")
SELECT c."id", t."kind", t."kind", now(), false
FROM "communities" c
JOIN (VALUES ('members_10', 10), ('members_50', 50), ('members_100', 100)) AS t("kind", "size")
  ON c."member_count" >= t."size";--> statement-breakpoint
INSERT INTO "community_milestones" ("community_id", "kind", "key", "reached_at", "celebrated")
SELECT c."id", 'first_year', 'first_year', now(), false
FROM "communities" c WHERE c."created_at" <= now() - interval '1 year';--> statement-breakpoint
INSERT INTO "community_milestones" ("community_id", "kind", "key", "reached_at", "celebrated")
SELECT DISTINCT m."community_id", 'first_meeting', 'first_meeting', now(), false
FROM "meetings" m WHERE EXISTS (SELECT 1 FROM "meeting_attendance" a WHERE a."meeting_id" = m."id");--> statement-breakpoint
INSERT INTO "community_milestones" ("community_id", "kind", "subject_id", "key", "reached_at", "celebrated")
SELECT r."community_id", 'resource_used_10', r."id", 'resource_used_10:' || r."id", now(), false
FROM "resources" r WHERE r."use_count" >= 10;
