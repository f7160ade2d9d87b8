CREATE TABLE "community_member_activity" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"first_day" date NOT NULL,
	"days" bit varying NOT NULL,
	CONSTRAINT "community_member_activity_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "community_member_activity" ADD CONSTRAINT "community_member_activity_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_activity" ADD CONSTRAINT "community_member_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_member_activity_user_idx" ON "community_member_activity" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "threads_community_created_idx" ON "threads" USING btree ("community_id","created_at") WHERE "threads"."deleted_at" is null;--> statement-breakpoint
-- Back-fill from the days rolled up so far: per community and person, one bit a day from their first.
INSERT INTO "community_member_activity" ("community_id", "user_id", "first_day", "days")
SELECT "community_id", "user_id", min("first"), bit_or("bit")
FROM (
	SELECT "community_id", "user_id", min("day") OVER w AS "first",
		(repeat('0', "day" - min("day") OVER w) || '1' || repeat('0', max("day") OVER w - "day"))::varbit AS "bit"
	FROM "community_member_days"
	WINDOW w AS (PARTITION BY "community_id", "user_id")
) AS "x"
GROUP BY "community_id", "user_id";
