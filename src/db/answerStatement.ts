import type { NewAnswer } from '../quiz/quizStore.js';
import { Prisma } from './client.js';

/**
 * The member's streak after this answer, in SQL: `nextStreak` in scores/rules.ts is the rule,
 * and tests/db/answerStatement.test.ts checks on real Postgres that the two agree. A right
 * answer extends the streak when the member's last right answer was on the guild's previous
 * round, else starts at 1; a wrong one resets it. `existing` is the member's stored row.
 */
function nextStreakSql(correct: boolean): Prisma.Sql {
	return Prisma.sql`CASE
		WHEN NOT ${correct} THEN 0
		WHEN existing.streak_last_date = (SELECT local_date FROM previous_round) THEN existing.current_streak + 1
		ELSE 1 END`;
}

/**
 * Stores an answer, the member's last known name and their running totals in one statement:
 * one round trip per click, so a burst of thousands of clicks a second keeps up. Selects how
 * many answers were inserted: 0 when the member had already answered this round, or the round
 * has closed (nothing changes then).
 */
export function insertAnswerStatement(answer: NewAnswer): Prisma.Sql {
	const { round, userId, displayName, shownIndices, optionIndices, correct, points, answeredAt } = answer;
	const responseMs = Math.max(0, answeredAt.getTime() - round.postedAt.getTime());
	const streak = nextStreakSql(correct);
	return Prisma.sql`
		WITH answer AS (
			INSERT INTO quiz_answers
				(round_id, guild_id, user_id, choices, option_indices, correct, points, response_ms, answered_at)
			SELECT ${round.id}, ${round.guildId}, ${userId}, ${[...shownIndices]}::int[], ${[...optionIndices]}::int[], ${correct},
				${points}, ${responseMs}, ${answeredAt}
			-- The round as stored decides, not the copy the caller read: a round closed since is closed.
			WHERE NOT EXISTS (SELECT 1 FROM quiz_rounds WHERE id = ${round.id} AND closed_at IS NOT NULL)
			ON CONFLICT (round_id, user_id) DO NOTHING
			RETURNING guild_id, user_id
		), member AS (
			INSERT INTO guild_members (guild_id, user_id, display_name, updated_at)
			SELECT guild_id, user_id, ${displayName}, ${answeredAt} FROM answer
			ON CONFLICT (guild_id, user_id)
			DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
		), previous_round AS (
			SELECT max(local_date) AS local_date FROM quiz_rounds
			WHERE guild_id = ${round.guildId} AND local_date < ${round.localDate}
		), stats AS (
			INSERT INTO member_stats AS existing
				(guild_id, user_id, points, answers, correct, current_streak, best_streak, streak_last_date, points_reached_at)
			SELECT guild_id, user_id, ${points}, 1, ${correct ? 1 : 0}, ${correct ? 1 : 0}, ${correct ? 1 : 0},
				${correct ? round.localDate : null}, ${answeredAt}
			FROM answer
			ON CONFLICT (guild_id, user_id) DO UPDATE SET
				points = existing.points + EXCLUDED.points,
				answers = existing.answers + 1,
				correct = existing.correct + EXCLUDED.correct,
				current_streak = ${streak},
				best_streak = GREATEST(existing.best_streak, ${streak}),
				streak_last_date = EXCLUDED.streak_last_date,
				points_reached_at = CASE WHEN EXCLUDED.points > 0 THEN EXCLUDED.points_reached_at
					ELSE existing.points_reached_at END
		)
		SELECT count(*)::int AS inserted FROM answer`;
}
