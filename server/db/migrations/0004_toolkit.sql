CREATE TYPE "public"."resource_activity_kind" AS ENUM('view', 'download');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('link', 'file', 'video', 'article', 'strategy_document', 'template', 'lesson_plan', 'tool');--> statement-breakpoint
CREATE TYPE "public"."resource_use_kind" AS ENUM('used', 'adapted');--> statement-breakpoint
CREATE TABLE "collection_resources" (
	"collection_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_resources_collection_id_resource_id_pk" PRIMARY KEY("collection_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "community_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ends_at" timestamp with time zone,
	"suspended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "resource_activity" (
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" "resource_activity_kind" NOT NULL,
	CONSTRAINT "resource_activity_resource_id_user_id_day_kind_pk" PRIMARY KEY("resource_id","user_id","day","kind")
);
--> statement-breakpoint
CREATE TABLE "resource_topics" (
	"resource_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "resource_topics_resource_id_topic_id_pk" PRIMARY KEY("resource_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "resource_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" "resource_use_kind" DEFAULT 'used' NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" "resource_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text,
	"video_provider" text,
	"video_id" text,
	"file_key" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"featured_at" timestamp with time zone,
	"featured_by" uuid,
	"view_count" integer DEFAULT 0 NOT NULL,
	"download_count" integer DEFAULT 0 NOT NULL,
	"use_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, description), 'B') || setweight(to_tsvector('english'::regconfig, body), 'C')) STORED NOT NULL,
	CONSTRAINT "resources_counts_nonnegative" CHECK ("resources"."view_count" >= 0 and "resources"."download_count" >= 0 and "resources"."use_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "toolkit_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD COLUMN "subject_user_id" uuid;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "collection_resources" ADD CONSTRAINT "collection_resources_collection_id_toolkit_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."toolkit_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_resources" ADD CONSTRAINT "collection_resources_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_suspensions" ADD CONSTRAINT "community_suspensions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_suspensions" ADD CONSTRAINT "community_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_suspensions" ADD CONSTRAINT "community_suspensions_suspended_by_users_id_fk" FOREIGN KEY ("suspended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_suspensions" ADD CONSTRAINT "community_suspensions_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_activity" ADD CONSTRAINT "resource_activity_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_activity" ADD CONSTRAINT "resource_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_topics" ADD CONSTRAINT "resource_topics_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_topics" ADD CONSTRAINT "resource_topics_topic_id_toolkit_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."toolkit_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_uses" ADD CONSTRAINT "resource_uses_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_uses" ADD CONSTRAINT "resource_uses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_featured_by_users_id_fk" FOREIGN KEY ("featured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_collections" ADD CONSTRAINT "toolkit_collections_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_collections" ADD CONSTRAINT "toolkit_collections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_topics" ADD CONSTRAINT "toolkit_topics_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_topics" ADD CONSTRAINT "toolkit_topics_parent_id_toolkit_topics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."toolkit_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_resources_order_idx" ON "collection_resources" USING btree ("collection_id","position");--> statement-breakpoint
CREATE INDEX "collection_resources_resource_idx" ON "collection_resources" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "community_suspensions_community_idx" ON "community_suspensions" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_suspensions_one_active" ON "community_suspensions" USING btree ("community_id","user_id") WHERE "community_suspensions"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "community_suspensions_user_idx" ON "community_suspensions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_suspensions_suspended_by_idx" ON "community_suspensions" USING btree ("suspended_by");--> statement-breakpoint
CREATE INDEX "community_suspensions_lifted_by_idx" ON "community_suspensions" USING btree ("lifted_by");--> statement-breakpoint
CREATE INDEX "resource_activity_user_idx" ON "resource_activity" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "resource_topics_topic_idx" ON "resource_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "resource_uses_resource_idx" ON "resource_uses" USING btree ("resource_id","created_at","id");--> statement-breakpoint
CREATE INDEX "resource_uses_user_idx" ON "resource_uses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "resources_community_created_idx" ON "resources" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "resources_community_featured_idx" ON "resources" USING btree ("community_id","featured_at","id") WHERE "resources"."featured_at" is not null and "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_featured_idx" ON "resources" USING btree ("featured_at","id") WHERE "resources"."featured_at" is not null and "resources"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "resources_author_idx" ON "resources" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "resources_featured_by_idx" ON "resources" USING btree ("featured_by");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_file_key_idx" ON "resources" USING btree ("file_key");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");--> statement-breakpoint
CREATE INDEX "toolkit_collections_community_idx" ON "toolkit_collections" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "toolkit_collections_created_by_idx" ON "toolkit_collections" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_topics_name_idx" ON "toolkit_topics" USING btree ("community_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE INDEX "toolkit_topics_parent_idx" ON "toolkit_topics" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_actions_subject_user_idx" ON "moderation_actions" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "moderation_actions_resource_idx" ON "moderation_actions" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threads_resource_idx" ON "threads" USING btree ("resource_id");