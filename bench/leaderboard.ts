/**
 * `npm run bench:leaderboard`: seeds 100,000 members and 2,000,000 answers across 50 guilds
 * into a fresh PostgreSQL database, then times the leaderboard of each period (a page plus the
 * reader's own line, what /leaderboard does) and a member's ranks (what /stats does).
 * Goal: p95 under 50 ms for each. Uses the local PostgreSQL, like the tests.
 */
import pg from 'pg';
import { createPrismaClient } from '../src/db/client.js';
import { PrismaScoreStore } from '../src/db/scoreStore.js';
import { getLeaderboard, getMemberRank } from '../src/scores/leaderboard.js';
import { PERIODS } from '../src/scores/rules.js';
import { createTestDatabase, runSql } from '../tests/support/services.js';
import { percentile } from './stats.js';

const GUILDS = 50;
const MEMBERS_PER_GUILD = 2_000;
const ROUNDS_PER_GUILD = 100;
const ANSWERS_PER_ROUND = 400;
const SAMPLES = 200;

function report(label: string, samples: number[]): number {
	const p95 = percentile(samples, 0.95);
	console.log(
		`${label.padEnd(26)} n=${String(samples.length).padStart(4)}  median ${percentile(samples, 0.5).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  max ${Math.max(...samples).toFixed(2)} ms`,
	);
	return p95;
}

const now = new Date('2026-06-15T12:00:00Z');
const database = await createTestDatabase();
const databaseUrl = database.url;
try {
	const seedStarted = performance.now();
	// Rounds go back one a day from `now`; each round is answered by 400 of the guild's 2,000
	// members (a different window of them each day), a third of them wrongly.
	await runSql(
		databaseUrl,
		`
		INSERT INTO guild_quiz_settings (guild_id, channel_id, post_time, timezone, updated_at)
		SELECT 'g' || g, 'c' || g, '09:00', 'Europe/Berlin', now() FROM generate_series(1, ${GUILDS}) g;

		INSERT INTO guild_members (guild_id, user_id, display_name, updated_at)
		SELECT 'g' || g, 'u' || g || '-' || m, 'member ' || m, now()
		FROM generate_series(1, ${GUILDS}) g, generate_series(1, ${MEMBERS_PER_GUILD}) m;

		INSERT INTO quiz_rounds (guild_id, local_date, question_id, topic, option_order, channel_id, message_id, posted_at, closes_at, closed_at)
		SELECT 'g' || g, to_char(date '${now.toISOString().slice(0, 10)}' - d, 'YYYY-MM-DD'), 'q' || (d % 40), 'topic ' || (d % 12), '{0,1,2,3}',
		       'c' || g, 'm' || g || '-' || d,
		       timestamp '${now.toISOString().slice(0, 10)} 08:00' - d * interval '1 day',
		       timestamp '${now.toISOString().slice(0, 10)} 08:00' - d * interval '1 day' + interval '1 day',
		       CASE WHEN d > 0 THEN timestamp '${now.toISOString().slice(0, 10)} 08:00' - d * interval '1 day' + interval '1 day' END
		FROM generate_series(1, ${GUILDS}) g, generate_series(0, ${ROUNDS_PER_GUILD - 1}) d;

		INSERT INTO quiz_answers (round_id, guild_id, user_id, choices, option_indices, correct, points, response_ms, answered_at)
		SELECT r.id, r.guild_id, 'u' || substr(r.guild_id, 2) || '-' || (1 + ((a + r.id * 37) % ${MEMBERS_PER_GUILD})),
		       ARRAY[a % 4], ARRAY[a % 4], (a % 3) <> 0, CASE WHEN (a % 3) <> 0 THEN 10 + (a % 6) ELSE 0 END, a * 1000,
		       r.posted_at + a * interval '1 second'
		FROM quiz_rounds r, generate_series(1, ${ANSWERS_PER_ROUND}) a;

		INSERT INTO member_stats (guild_id, user_id, points, answers, correct, current_streak, best_streak, points_reached_at)
		SELECT guild_id, user_id, SUM(points), COUNT(*), COUNT(*) FILTER (WHERE correct), 0, 0, MAX(answered_at)
		FROM quiz_answers GROUP BY guild_id, user_id;

		ANALYZE;
		`,
	);
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	const counts = await client.query<{ members: string; answers: string }>(
		'SELECT (SELECT COUNT(*) FROM guild_members) AS members, (SELECT COUNT(*) FROM quiz_answers) AS answers',
	);
	await client.end();
	console.log(
		`seeded ${counts.rows[0]?.members ?? '?'} members and ${counts.rows[0]?.answers ?? '?'} answers in ${GUILDS} guilds in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
	);

	const prisma = createPrismaClient(databaseUrl);
	const scores = new PrismaScoreStore(prisma);
	const deps = { scores, clock: () => now };
	const guild = (index: number) => `g${1 + (index % GUILDS)}`;
	const member = (index: number) => `u${1 + (index % GUILDS)}-${1 + ((index * 7919) % MEMBERS_PER_GUILD)}`;
	for (let warm = 0; warm < 20; warm += 1) {
		await getLeaderboard(deps, {
			guildId: guild(warm),
			period: 'all',
			page: 0,
			readerId: member(warm),
		});
	}
	const results: Record<string, number> = {};
	for (const period of PERIODS) {
		const samples: number[] = [];
		for (let sample = 0; sample < SAMPLES; sample += 1) {
			const started = performance.now();
			await getLeaderboard(deps, {
				guildId: guild(sample),
				period,
				page: sample % 20,
				readerId: member(sample),
			});
			samples.push(performance.now() - started);
		}
		results[`leaderboard ${period}`] = report(`leaderboard (${period})`, samples);
	}
	const rankSamples: number[] = [];
	for (let sample = 0; sample < SAMPLES; sample += 1) {
		const started = performance.now();
		await Promise.all(
			PERIODS.map((period) =>
				getMemberRank(scores, {
					guildId: guild(sample),
					timeZone: 'Europe/Berlin',
					period,
					userId: member(sample),
					now,
				}),
			),
		);
		rankSamples.push(performance.now() - started);
	}
	results['member ranks'] = report('member ranks (3 periods)', rankSamples);
	await prisma.$disconnect();
	const worst = Math.max(...Object.values(results));
	console.log(`goal: p95 < 50 ms for each: ${worst < 50 ? 'met' : 'MISSED'} (worst p95 ${worst.toFixed(2)} ms)`);
} finally {
	await database.drop();
}
process.exit(0);
