CREATE TABLE "handover_items" (
	"succession_id" uuid NOT NULL,
	"key" text NOT NULL,
	"ticked_by_outgoing_at" timestamp with time zone,
	"ticked_by_incoming_at" timestamp with time zone,
	CONSTRAINT "handover_items_succession_id_key_pk" PRIMARY KEY("succession_id","key")
);
--> statement-breakpoint
CREATE TABLE "leadership_terms" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"renewable" boolean DEFAULT true NOT NULL,
	"warned_days" integer,
	"ended_notified_at" timestamp with time zone,
	"set_by" uuid,
	CONSTRAINT "leadership_terms_community_id_user_id_pk" PRIMARY KEY("community_id","user_id"),
	CONSTRAINT "leadership_terms_order" CHECK ("leadership_terms"."ends_on" is null or "leadership_terms"."ends_on" > "leadership_terms"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "succession_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"succession_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "succession_nominations" (
	"succession_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"nominated_by" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "succession_nominations_succession_id_nominee_id_pk" PRIMARY KEY("succession_id","nominee_id")
);
--> statement-breakpoint
CREATE TABLE "succession_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"succession_id" uuid NOT NULL,
	"candidate_id" uuid,
	"user_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "succession_voters" (
	"succession_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "succession_voters_succession_id_user_id_pk" PRIMARY KEY("succession_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "successions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"outgoing_id" uuid,
	"outgoing_role" text NOT NULL,
	"status" text DEFAULT 'nominating' NOT NULL,
	"process" text NOT NULL,
	"period_days" integer DEFAULT 0 NOT NULL,
	"candidate_id" uuid,
	"closes_at" timestamp with time zone,
	"successor_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"tally" jsonb,
	"handover_note" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handed_over_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "charter_versions" ADD COLUMN "decision_process" text DEFAULT 'leaders' NOT NULL;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD COLUMN "objection_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD COLUMN "voting_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_succession_id_successions_id_fk" FOREIGN KEY ("succession_id") REFERENCES "public"."successions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_terms" ADD CONSTRAINT "leadership_terms_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_terms" ADD CONSTRAINT "leadership_terms_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_terms" ADD CONSTRAINT "leadership_terms_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_ballots" ADD CONSTRAINT "succession_ballots_succession_id_successions_id_fk" FOREIGN KEY ("succession_id") REFERENCES "public"."successions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_ballots" ADD CONSTRAINT "succession_ballots_nominee_id_users_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_nominations" ADD CONSTRAINT "succession_nominations_succession_id_successions_id_fk" FOREIGN KEY ("succession_id") REFERENCES "public"."successions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_nominations" ADD CONSTRAINT "succession_nominations_nominee_id_users_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_nominations" ADD CONSTRAINT "succession_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_objections" ADD CONSTRAINT "succession_objections_succession_id_successions_id_fk" FOREIGN KEY ("succession_id") REFERENCES "public"."successions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_objections" ADD CONSTRAINT "succession_objections_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_objections" ADD CONSTRAINT "succession_objections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_voters" ADD CONSTRAINT "succession_voters_succession_id_successions_id_fk" FOREIGN KEY ("succession_id") REFERENCES "public"."successions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "succession_voters" ADD CONSTRAINT "succession_voters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_outgoing_id_users_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_successor_id_users_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leadership_terms_user_idx" ON "leadership_terms" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "leadership_terms_set_by_idx" ON "leadership_terms" USING btree ("set_by");--> statement-breakpoint
CREATE INDEX "leadership_terms_ends_idx" ON "leadership_terms" USING btree ("ends_on");--> statement-breakpoint
CREATE INDEX "succession_ballots_succession_idx" ON "succession_ballots" USING btree ("succession_id","nominee_id");--> statement-breakpoint
CREATE INDEX "succession_ballots_nominee_idx" ON "succession_ballots" USING btree ("nominee_id");--> statement-breakpoint
CREATE INDEX "succession_nominations_nominee_idx" ON "succession_nominations" USING btree ("nominee_id");--> statement-breakpoint
CREATE INDEX "succession_nominations_by_idx" ON "succession_nominations" USING btree ("nominated_by");--> statement-breakpoint
CREATE INDEX "succession_objections_succession_idx" ON "succession_objections" USING btree ("succession_id","created_at");--> statement-breakpoint
CREATE INDEX "succession_objections_candidate_idx" ON "succession_objections" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "succession_objections_user_idx" ON "succession_objections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "succession_voters_user_idx" ON "succession_voters" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "successions_one_open_idx" ON "successions" USING btree ("community_id") WHERE "successions"."status" in ('nominating', 'deciding', 'decided');--> statement-breakpoint
CREATE INDEX "successions_community_started_idx" ON "successions" USING btree ("community_id","started_at");--> statement-breakpoint
CREATE INDEX "successions_closing_idx" ON "successions" USING btree ("closes_at") WHERE "successions"."status" = 'deciding';--> statement-breakpoint
CREATE INDEX "successions_outgoing_idx" ON "successions" USING btree ("outgoing_id");--> statement-breakpoint
CREATE INDEX "successions_candidate_idx" ON "successions" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "successions_successor_idx" ON "successions" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "successions_decided_by_idx" ON "successions" USING btree ("decided_by");