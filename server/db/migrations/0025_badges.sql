CREATE TABLE "member_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"earned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "show_badges" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "member_badges" ADD CONSTRAINT "member_badges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_badges" ADD CONSTRAINT "member_badges_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_badges_key_idx" ON "member_badges" USING btree ("user_id","community_id","kind");--> statement-breakpoint
CREATE INDEX "member_badges_community_idx" ON "member_badges" USING btree ("community_id");--> statement-breakpoint
-- The badges members had already earned when badges began to be recorded, with the time they were
-- earned where it is known (no notification is sent for these).
INSERT INTO "member_badges" ("user_id", "community_id", "kind", "earned_at")
SELECT p."author_id", p."community_id", 'first_post', min(p."created_at")
FROM (
  SELECT t."author_id", t."community_id", t."created_at" FROM "threads" t WHERE t."author_id" IS NOT NULL
  UNION ALL
  SELECT r."author_id", t."community_id", r."created_at"
  FROM "posts" r JOIN "threads" t ON t."id" = r."thread_id" WHERE r."author_id" IS NOT NULL
) p
GROUP BY p."author_id", p."community_id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "member_badges" ("user_id", "community_id", "kind", "earned_at")
SELECT r."author_id", t."community_id", 'first_helpful_answer', min(r."created_at")
FROM "threads" t JOIN "posts" r ON r."id" = t."helpful_post_id"
WHERE r."author_id" IS NOT NULL AND r."author_id" IS DISTINCT FROM t."author_id"
GROUP BY r."author_id", t."community_id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "member_badges" ("user_id", "community_id", "kind", "earned_at")
SELECT DISTINCT r."author_id", r."community_id", 'resource_used_25', now()
FROM "resources" r WHERE r."use_count" >= 25 AND r."author_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "member_badges" ("user_id", "community_id", "kind", "earned_at")
SELECT m."created_by", m."community_id", 'hosted_three_meetings', now()
FROM "meetings" m
WHERE m."created_by" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "meeting_attendance" a WHERE a."meeting_id" = m."id")
GROUP BY m."created_by", m."community_id"
HAVING count(*) >= 3
ON CONFLICT DO NOTHING;
