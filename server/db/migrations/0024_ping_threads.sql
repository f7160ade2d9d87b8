ALTER TABLE "pings" ADD COLUMN "thread_id" uuid;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pings_thread_idx" ON "pings" USING btree ("thread_id");