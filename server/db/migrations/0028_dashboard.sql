CREATE TABLE "community_day_figures" (
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"joined" integer DEFAULT 0 NOT NULL,
	"returning" integer DEFAULT 0 NOT NULL,
	"left" integer DEFAULT 0 NOT NULL,
	"threads" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"reactions" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"resources_added" integer DEFAULT 0 NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"ping_answers" integer DEFAULT 0 NOT NULL,
	"survey_answers" integer DEFAULT 0 NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"active_30" integer DEFAULT 0 NOT NULL,
	"active_90" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "community_day_figures_community_id_day_pk" PRIMARY KEY("community_id","day")
);
--> statement-breakpoint
CREATE TABLE "community_member_days" (
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "community_member_days_community_id_day_user_id_pk" PRIMARY KEY("community_id","day","user_id")
);
--> statement-breakpoint
ALTER TABLE "institution_settings" ADD COLUMN "dormant_days" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "institution_settings" ADD COLUMN "growing_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "institution_settings" ADD COLUMN "activity_log_began_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_day_figures" ADD CONSTRAINT "community_day_figures_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_days" ADD CONSTRAINT "community_member_days_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member_days" ADD CONSTRAINT "community_member_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_day_figures_day_idx" ON "community_day_figures" USING btree ("day");--> statement-breakpoint
CREATE INDEX "community_member_days_day_idx" ON "community_member_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "community_member_days_user_idx" ON "community_member_days" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "activity_events_time_idx" ON "activity_events" USING btree ("occurred_at");