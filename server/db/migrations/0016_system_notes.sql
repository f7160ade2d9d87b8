-- The notes Copse itself writes on a new community's first charter version and stage change were stored
-- as English sentences; they are now message ids, written out in the reader's language when read.
UPDATE "charter_versions" SET "note" = 'communities.note.fromTemplate' WHERE "note" = 'Drawn from the institution’s charter template.';
--> statement-breakpoint
UPDATE "community_stage_changes" SET "note" = 'communities.note.created' WHERE "note" = 'Community created.';
