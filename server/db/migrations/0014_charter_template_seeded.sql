ALTER TABLE "charter_template" ADD COLUMN "seeded" boolean DEFAULT true NOT NULL;--> statement-breakpoint
UPDATE "charter_template" SET "seeded" = false WHERE "updated_by" IS NOT NULL;