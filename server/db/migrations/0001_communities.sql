CREATE TYPE "public"."audience" AS ENUM('staff', 'students', 'everyone');--> statement-breakpoint
CREATE TYPE "public"."community_kind" AS ENUM('community_of_practice', 'council');--> statement-breakpoint
CREATE TYPE "public"."community_stage" AS ENUM('potential', 'coalescing', 'maturing', 'stewardship', 'transformation', 'archived');--> statement-breakpoint
CREATE TYPE "public"."contact_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."contact_topic" AS ENUM('start_community', 'logistics', 'other');--> statement-breakpoint
CREATE TYPE "public"."invitation_status" AS ENUM('pending', 'accepted', 'declined', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."join_policy" AS ENUM('open', 'request', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."meeting_format" AS ENUM('online', 'in_person', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('leader', 'co_leader', 'sponsor', 'member', 'guest');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('submitted', 'changes_requested', 'approved', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('pending', 'approved', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('public', 'institution', 'private');--> statement-breakpoint
CREATE TABLE "charter_template" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"sections" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_template_singleton" CHECK ("charter_template"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "charter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "community_kind" DEFAULT 'community_of_practice' NOT NULL,
	"purpose" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"intended_members" text DEFAULT '' NOT NULL,
	"meeting_plan" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_id" uuid,
	"audience" "audience" DEFAULT 'everyone' NOT NULL,
	"format" "meeting_format" DEFAULT 'hybrid' NOT NULL,
	"visibility" "visibility" DEFAULT 'institution' NOT NULL,
	"join_policy" "join_policy" DEFAULT 'open' NOT NULL,
	"require_guidelines" boolean DEFAULT false NOT NULL,
	"stage" "community_stage" DEFAULT 'coalescing' NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_document" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, name), 'A') || setweight(to_tsvector('english'::regconfig, search_document), 'B')) STORED NOT NULL,
	CONSTRAINT "communities_member_count_nonnegative" CHECK ("communities"."member_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "community_members" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"accepted_guidelines_at" timestamp with time zone,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_members_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "community_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"from_stage" "community_stage",
	"to_stage" "community_stage" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"topic" "contact_topic" NOT NULL,
	"message" text NOT NULL,
	"status" "contact_status" DEFAULT 'open' NOT NULL,
	"handled_by" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"status" "invitation_status" DEFAULT 'pending' NOT NULL,
	"invited_by" uuid,
	"accepted_by" uuid,
	"uses" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" "request_status" DEFAULT 'pending' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_leaders" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "invitation_status" DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_leaders_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"author_id" uuid,
	"event" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "community_kind" DEFAULT 'community_of_practice' NOT NULL,
	"purpose" text NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"intended_members" text DEFAULT '' NOT NULL,
	"meeting_plan" text DEFAULT '' NOT NULL,
	"support_needed" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_id" uuid,
	"audience" "audience" DEFAULT 'everyone' NOT NULL,
	"format" "meeting_format" DEFAULT 'hybrid' NOT NULL,
	"visibility" "visibility" DEFAULT 'institution' NOT NULL,
	"join_policy" "join_policy" DEFAULT 'open' NOT NULL,
	"status" "proposal_status" DEFAULT 'submitted' NOT NULL,
	"community_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "charter_template" ADD CONSTRAINT "charter_template_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_stage_changes" ADD CONSTRAINT "community_stage_changes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_stage_changes" ADD CONSTRAINT "community_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_replies" ADD CONSTRAINT "contact_replies_request_id_contact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_replies" ADD CONSTRAINT "contact_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_leaders" ADD CONSTRAINT "proposal_leaders_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_leaders" ADD CONSTRAINT "proposal_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_messages" ADD CONSTRAINT "proposal_messages_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_messages" ADD CONSTRAINT "proposal_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_community_version" ON "charter_versions" USING btree ("community_id","version");--> statement-breakpoint
CREATE INDEX "charter_versions_edited_by_idx" ON "charter_versions" USING btree ("edited_by");--> statement-breakpoint
CREATE UNIQUE INDEX "communities_slug_unique" ON "communities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "communities_search_idx" ON "communities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "communities_topics_idx" ON "communities" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "communities_unit_id_idx" ON "communities" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "communities_name_idx" ON "communities" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "communities_created_idx" ON "communities" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "communities_activity_idx" ON "communities" USING btree ("last_activity_at","id");--> statement-breakpoint
CREATE INDEX "communities_size_idx" ON "communities" USING btree ("member_count","id");--> statement-breakpoint
CREATE INDEX "community_members_user_idx" ON "community_members" USING btree ("user_id","community_id");--> statement-breakpoint
CREATE INDEX "community_members_role_idx" ON "community_members" USING btree ("community_id","role");--> statement-breakpoint
CREATE INDEX "community_stage_changes_community_idx" ON "community_stage_changes" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "community_stage_changes_changed_by_idx" ON "community_stage_changes" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "contact_replies_request_idx" ON "contact_replies" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_replies_author_idx" ON "contact_replies" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "contact_requests_status_idx" ON "contact_requests" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "contact_requests_sender_idx" ON "contact_requests" USING btree ("sender_id");--> statement-breakpoint
CREATE INDEX "contact_requests_handled_by_idx" ON "contact_requests" USING btree ("handled_by");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_unique" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_community_idx" ON "invitations" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "invitations_accepted_by_idx" ON "invitations" USING btree ("accepted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_pending_per_email" ON "invitations" USING btree ("community_id","email") WHERE "invitations"."status" = 'pending' and "invitations"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_one_pending" ON "join_requests" USING btree ("community_id","user_id") WHERE "join_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "join_requests_community_idx" ON "join_requests" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "join_requests_user_idx" ON "join_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "join_requests_decided_by_idx" ON "join_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "proposal_leaders_user_idx" ON "proposal_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "proposal_messages_proposal_idx" ON "proposal_messages" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_messages_author_idx" ON "proposal_messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status","updated_at","id");--> statement-breakpoint
CREATE INDEX "proposals_updated_idx" ON "proposals" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "proposals_proposer_idx" ON "proposals" USING btree ("proposer_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_unit_id_idx" ON "proposals" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "proposals_community_id_idx" ON "proposals" USING btree ("community_id");
--> statement-breakpoint
INSERT INTO "charter_template" ("id", "sections") VALUES (1, '{"objectives":"What do we want to learn and achieve together this year? List two to four objectives members can recognise as their own.","roles":"- **Leader(s):** convene meetings, keep the charter current, welcome newcomers.\n- **Co-leaders:** share the leading and step in when a leader is away.\n- **Sponsor:** champions the community and shares key information.\n- **Members:** take part, share practice and take turns as facilitator, note-taker or host.","decisionMaking":"We decide by consent at meetings: a proposal passes when nobody has a reasoned objection. Decisions and their reasons go in the meeting notes.","participation":"- Come as you are: every level of experience is welcome.\n- Share what works and what did not; what is said in confidence stays here.\n- Give credit when you use or adapt someone''s work.\n- Be kind; disagree with ideas, not people.","conflictResolution":"Talk to the person first. If that does not settle it, ask a leader to help; if it involves a leader, write to the coordinators, who will mediate."}'::jsonb) ON CONFLICT ("id") DO NOTHING;
