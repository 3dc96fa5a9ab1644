-- CreateTable
CREATE TABLE "study_cards" (
    "user_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "scheduled_days" INTEGER NOT NULL,
    "learning_steps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "last_review" TIMESTAMP(3),
    "suspended_at" TIMESTAMP(3),
    "leech_at" INTEGER NOT NULL DEFAULT 8,

    CONSTRAINT "study_cards_pkey" PRIMARY KEY ("user_id","question_id")
);

-- CreateTable
CREATE TABLE "review_logs" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "guild_id" TEXT,
    "correct" BOOLEAN NOT NULL,
    "rating" INTEGER NOT NULL,
    "state_before" INTEGER NOT NULL,
    "state_after" INTEGER NOT NULL,
    "due_before" TIMESTAMP(3),
    "due_after" TIMESTAMP(3) NOT NULL,
    "stability_before" DOUBLE PRECISION,
    "stability_after" DOUBLE PRECISION NOT NULL,
    "difficulty_before" DOUBLE PRECISION,
    "difficulty_after" DOUBLE PRECISION NOT NULL,
    "elapsed_days" DOUBLE PRECISION NOT NULL,
    "scheduled_days" INTEGER NOT NULL,
    "response_ms" INTEGER,
    "reviewed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practice_sessions" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "guild_id" TEXT,
    "topic" TEXT,
    "domain" TEXT,
    "question_ids" TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "shown_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "practice_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "practice_answers" (
    "session_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "question_id" TEXT NOT NULL,
    "option_order" INTEGER[],
    "choices" INTEGER[],
    "correct" BOOLEAN NOT NULL,
    "response_ms" INTEGER NOT NULL,
    "answered_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "practice_answers_pkey" PRIMARY KEY ("session_id","position")
);

-- CreateTable
CREATE TABLE "review_reminders" (
    "user_id" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "next_at" TIMESTAMP(3) NOT NULL,
    "last_sent_on" TEXT,
    "dm_closed_at" TIMESTAMP(3),

    CONSTRAINT "review_reminders_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "study_cards_user_id_due_idx" ON "study_cards"("user_id", "due");

-- CreateIndex
CREATE INDEX "review_logs_user_id_reviewed_at_idx" ON "review_logs"("user_id", "reviewed_at");

-- CreateIndex
CREATE UNIQUE INDEX "review_logs_user_id_source_ref_key" ON "review_logs"("user_id", "source_ref");

-- CreateIndex
CREATE INDEX "practice_sessions_user_id_started_at_idx" ON "practice_sessions"("user_id", "started_at");

-- CreateIndex
CREATE INDEX "review_reminders_next_at_idx" ON "review_reminders"("next_at");

-- AddForeignKey
ALTER TABLE "practice_answers" ADD CONSTRAINT "practice_answers_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "practice_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
