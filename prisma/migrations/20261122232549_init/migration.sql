-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "QuizStatus" AS ENUM ('active', 'paused', 'disabled');

-- CreateTable
CREATE TABLE "guild_quiz_settings" (
    "guild_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "role_id" TEXT,
    "post_time" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "answer_window_hours" INTEGER NOT NULL DEFAULT 24,
    "status" "QuizStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "guild_quiz_settings_pkey" PRIMARY KEY ("guild_id")
);

-- CreateTable
CREATE TABLE "quiz_rounds" (
    "id" SERIAL NOT NULL,
    "guild_id" TEXT NOT NULL,
    "local_date" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "option_order" INTEGER[],
    "channel_id" TEXT NOT NULL,
    "message_id" TEXT,
    "post_claimed_at" TIMESTAMP(3),
    "posted_at" TIMESTAMP(3),
    "closes_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_answers" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "guild_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "option_index" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "response_ms" INTEGER NOT NULL,
    "answered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guild_members" (
    "guild_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "guild_members_pkey" PRIMARY KEY ("guild_id","user_id")
);

-- CreateIndex
CREATE INDEX "quiz_rounds_guild_id_question_id_idx" ON "quiz_rounds"("guild_id", "question_id");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_rounds_guild_id_local_date_key" ON "quiz_rounds"("guild_id", "local_date");

-- CreateIndex
CREATE INDEX "quiz_answers_guild_id_user_id_idx" ON "quiz_answers"("guild_id", "user_id");

-- CreateIndex
CREATE INDEX "quiz_answers_guild_id_answered_at_idx" ON "quiz_answers"("guild_id", "answered_at");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_answers_round_id_user_id_key" ON "quiz_answers"("round_id", "user_id");

-- AddForeignKey
ALTER TABLE "quiz_rounds" ADD CONSTRAINT "quiz_rounds_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild_quiz_settings"("guild_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "quiz_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
