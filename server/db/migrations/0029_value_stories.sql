CREATE TABLE "suggestion_dismissals" (
	"community_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_dismissals_community_id_kind_subject_pk" PRIMARY KEY("community_id","kind","subject")
);
--> statement-breakpoint
CREATE TABLE "value_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"author_id" uuid,
	"title" text NOT NULL,
	"immediate" text DEFAULT '' NOT NULL,
	"potential" text DEFAULT '' NOT NULL,
	"applied" text DEFAULT '' NOT NULL,
	"realised" text DEFAULT '' NOT NULL,
	"transformative" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"featured_at" timestamp with time zone,
	"featured_by" uuid,
	"resource_use_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_story_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"story_id" uuid NOT NULL,
	"meeting_id" uuid,
	"thread_id" uuid,
	"resource_id" uuid,
	CONSTRAINT "value_story_links_one_subject" CHECK (num_nonnulls("value_story_links"."meeting_id", "value_story_links"."thread_id", "value_story_links"."resource_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_dismissals" ADD CONSTRAINT "suggestion_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_stories" ADD CONSTRAINT "value_stories_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_stories" ADD CONSTRAINT "value_stories_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_stories" ADD CONSTRAINT "value_stories_featured_by_users_id_fk" FOREIGN KEY ("featured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_stories" ADD CONSTRAINT "value_stories_resource_use_id_resource_uses_id_fk" FOREIGN KEY ("resource_use_id") REFERENCES "public"."resource_uses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_story_links" ADD CONSTRAINT "value_story_links_story_id_value_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."value_stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_story_links" ADD CONSTRAINT "value_story_links_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_story_links" ADD CONSTRAINT "value_story_links_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_story_links" ADD CONSTRAINT "value_story_links_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_dismissals_dismissed_by_idx" ON "suggestion_dismissals" USING btree ("dismissed_by");--> statement-breakpoint
CREATE INDEX "value_stories_community_created_idx" ON "value_stories" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "value_stories_community_featured_idx" ON "value_stories" USING btree ("community_id","featured_at") WHERE "value_stories"."featured_at" is not null;--> statement-breakpoint
CREATE INDEX "value_stories_author_idx" ON "value_stories" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "value_stories_featured_by_idx" ON "value_stories" USING btree ("featured_by");--> statement-breakpoint
CREATE INDEX "value_stories_resource_use_idx" ON "value_stories" USING btree ("resource_use_id");--> statement-breakpoint
CREATE INDEX "value_story_links_story_idx" ON "value_story_links" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "value_story_links_meeting_idx" ON "value_story_links" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "value_story_links_thread_idx" ON "value_story_links" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "value_story_links_resource_idx" ON "value_story_links" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "activity_events_community_kind_time_idx" ON "activity_events" USING btree ("community_id","kind","occurred_at","subject_id");--> statement-breakpoint
CREATE INDEX "threads_community_unanswered_idx" ON "threads" USING btree ("community_id","created_at") WHERE "threads"."kind" = 'question' and "threads"."reply_count" = 0 and "threads"."deleted_at" is null and "threads"."hidden_at" is null;