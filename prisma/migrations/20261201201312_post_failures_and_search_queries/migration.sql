-- AlterTable
ALTER TABLE "guild_quiz_settings" ADD COLUMN     "admin_channel_id" TEXT;

-- AlterTable
ALTER TABLE "quiz_rounds" ADD COLUMN     "failure_reported_at" TIMESTAMP(3),
ADD COLUMN     "post_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "post_failed_at" TIMESTAMP(3),
ADD COLUMN     "post_failure" TEXT,
ADD COLUMN     "post_failure_detail" TEXT,
ADD COLUMN     "post_retry_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "search_queries" (
    "key" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "last_used_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_queries_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "search_queries_last_used_at_idx" ON "search_queries"("last_used_at");
