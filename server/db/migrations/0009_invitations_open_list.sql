DROP INDEX "invitations_community_idx";--> statement-breakpoint
CREATE INDEX "invitations_open_list_idx" ON "invitations" USING btree ("community_id","status","created_at","id");