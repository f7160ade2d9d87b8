ALTER TYPE "public"."email_token_purpose" ADD VALUE 'signin_link';--> statement-breakpoint
CREATE TABLE "signin_throttles" (
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"failures" integer NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"reset_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signin_throttles_email_ip_pk" PRIMARY KEY("email","ip")
);
--> statement-breakpoint
CREATE INDEX "signin_throttles_reset_at_idx" ON "signin_throttles" USING btree ("reset_at");