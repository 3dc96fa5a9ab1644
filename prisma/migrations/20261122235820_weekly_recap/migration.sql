-- AlterTable
ALTER TABLE "guild_quiz_settings" ADD COLUMN     "recap_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "recap_time" TEXT NOT NULL DEFAULT '18:00',
ADD COLUMN     "recap_weekday" INTEGER NOT NULL DEFAULT 7;
