CREATE TABLE "meeting_skills" (
	"meeting_id" uuid NOT NULL,
	"skill" text NOT NULL,
	CONSTRAINT "meeting_skills_meeting_id_skill_pk" PRIMARY KEY("meeting_id","skill")
);
--> statement-breakpoint
CREATE TABLE "mentoring_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_offers" (
	"user_id" uuid NOT NULL,
	"side" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"weekly" text[] DEFAULT '{}'::text[] NOT NULL,
	"cap" integer,
	"active_count" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_offers_user_id_side_pk" PRIMARY KEY("user_id","side"),
	CONSTRAINT "mentoring_offers_cap_check" CHECK ("mentoring_offers"."cap" is null or "mentoring_offers"."cap" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "mentoring_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"reflection" text DEFAULT '' NOT NULL,
	"meeting_at" timestamp with time zone,
	"meeting_minutes" integer,
	"meeting_place" text DEFAULT '' NOT NULL,
	"meeting_url" text
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "skill_session" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_skills" ADD CONSTRAINT "meeting_skills_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_notes" ADD CONSTRAINT "mentoring_notes_pair_id_mentoring_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_notes" ADD CONSTRAINT "mentoring_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_offers" ADD CONSTRAINT "mentoring_offers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_skills_skill_idx" ON "meeting_skills" USING btree ("skill","meeting_id");--> statement-breakpoint
CREATE INDEX "mentoring_notes_pair_time_idx" ON "mentoring_notes" USING btree ("pair_id","created_at","id");--> statement-breakpoint
CREATE INDEX "mentoring_offers_skills_idx" ON "mentoring_offers" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_mentor_idx" ON "mentoring_pairs" USING btree ("mentor_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_mentee_idx" ON "mentoring_pairs" USING btree ("mentee_id","status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_pairs_open_idx" ON "mentoring_pairs" USING btree ("mentor_id","mentee_id") WHERE status in ('requested', 'active');--> statement-breakpoint
CREATE INDEX "meetings_skill_session_start_idx" ON "meetings" USING btree ("starts_at","id") WHERE skill_session;