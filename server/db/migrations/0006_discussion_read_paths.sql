CREATE INDEX "posts_created_idx" ON "posts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "threads_community_announcements_idx" ON "threads" USING btree ("community_id","created_at","id") WHERE "threads"."kind" = 'announcement';--> statement-breakpoint
CREATE INDEX "threads_activity_idx" ON "threads" USING btree ("last_activity_at","id");