-- AlterTable
ALTER TABLE "study_cards" ADD COLUMN     "answers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "correct_answers" INTEGER NOT NULL DEFAULT 0;

-- Cards reviewed before the counts existed: counted from their review logs.
UPDATE "study_cards" AS c
SET "answers" = r.answers, "correct_answers" = r.correct
FROM (
    SELECT "user_id", "question_id", count(*)::int AS answers, count(*) FILTER (WHERE "correct")::int AS correct
    FROM "review_logs"
    GROUP BY "user_id", "question_id"
) AS r
WHERE c."user_id" = r."user_id" AND c."question_id" = r."question_id";
