CREATE TABLE "ping_anonymous_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ping_id" uuid NOT NULL,
	"choice" integer,
	"text" text,
	"created_on" date DEFAULT (now() at time zone 'UTC')::date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ping_answer_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"ping_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"choice" integer NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ping_answers" (
	"ping_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"choice" integer,
	"text" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ping_answers_ping_id_user_id_pk" PRIMARY KEY("ping_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ping_recipients" (
	"ping_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "ping_recipients_ping_id_user_id_pk" PRIMARY KEY("ping_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"author_id" uuid,
	"question" text NOT NULL,
	"kind" text NOT NULL,
	"choices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" text NOT NULL,
	"audience_role" text,
	"results_visibility" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"answer_count" integer DEFAULT 0 NOT NULL,
	"snapshot" jsonb,
	CONSTRAINT "pings_window" CHECK ("pings"."closes_at" > "pings"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "ping_anonymous_answers" ADD CONSTRAINT "ping_anonymous_answers_ping_id_pings_id_fk" FOREIGN KEY ("ping_id") REFERENCES "public"."pings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_answer_links" ADD CONSTRAINT "ping_answer_links_ping_id_pings_id_fk" FOREIGN KEY ("ping_id") REFERENCES "public"."pings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_answer_links" ADD CONSTRAINT "ping_answer_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_answers" ADD CONSTRAINT "ping_answers_ping_id_pings_id_fk" FOREIGN KEY ("ping_id") REFERENCES "public"."pings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_answers" ADD CONSTRAINT "ping_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_recipients" ADD CONSTRAINT "ping_recipients_ping_id_pings_id_fk" FOREIGN KEY ("ping_id") REFERENCES "public"."pings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_recipients" ADD CONSTRAINT "ping_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ping_anonymous_answers_ping_idx" ON "ping_anonymous_answers" USING btree ("ping_id");--> statement-breakpoint
CREATE INDEX "ping_answer_links_recipient_idx" ON "ping_answer_links" USING btree ("ping_id","user_id");--> statement-breakpoint
CREATE INDEX "ping_answer_links_user_idx" ON "ping_answer_links" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ping_answers_user_idx" ON "ping_answers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ping_recipients_user_idx" ON "ping_recipients" USING btree ("user_id","ping_id");--> statement-breakpoint
CREATE INDEX "pings_community_opened_idx" ON "pings" USING btree ("community_id","opens_at","id");--> statement-breakpoint
CREATE INDEX "pings_author_idx" ON "pings" USING btree ("author_id");