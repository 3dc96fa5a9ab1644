-- A "Select TWO/THREE" question takes several options in one answer: the chosen positions and
-- their bank indexes become lists. Existing answers keep their one choice as a list of one.
-- AlterTable
ALTER TABLE "quiz_answers" ADD COLUMN     "choices" INTEGER[],
ADD COLUMN     "option_indices" INTEGER[];

UPDATE "quiz_answers" SET "choices" = ARRAY["choice"], "option_indices" = ARRAY["option_index"];

ALTER TABLE "quiz_answers" DROP COLUMN "choice",
DROP COLUMN "option_index";
