/**
 * The answer burst: 1,000 members click one open question within one second, then 5,000 within
 * five seconds, through the real discord.js client of a `studybot all` process talking to the
 * fake Discord. Prints the time from sending each click down the gateway to receiving the bot's
 * reply (Discord allows 3 s), checks that every answer is stored exactly once and that the
 * totals match, and runs `bench:search` alongside the second burst.
 *
 *   npm run bench:answers
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ComponentType } from 'discord-api-types/v10';
import { setUpDailyQuiz } from '../tests/e2e/harness.js';
import { answerQuestion, buttonsOf } from '../tests/e2e/seen.js';
import { eventually } from '../tests/support/eventually.js';
import { percentile } from './stats.js';
import { startStudybotUnderLoad } from './studybotUnderLoad.js';

const DISCORD_WINDOW_MS = 3_000;
const BURSTS = [
	{ clicks: 1_000, seconds: 1 },
	{ clicks: 5_000, seconds: 5 },
] as const;

/** Runs `npm run bench:search` and resolves with what it printed. */
function searchBenchmark(): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'bench/search.ts'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('exit', () => {
			resolve(output);
		});
	});
}

const studybot = await startStudybotUnderLoad();
const { discord, prisma, bot } = studybot;
let failed = false;
try {
	const manager = discord.memberNamed('manager');
	await setUpDailyQuiz(discord);
	await discord.command({ name: 'quiz', subcommand: 'post-now', member: manager });
	const round = await eventually(
		() => prisma.quizRound.findFirst({ where: { messageId: { not: null } } }).then((found) => found ?? undefined),
		'the question to be posted',
	);
	const question = await eventually(() => discord.message(round.messageId ?? ''), 'the posted message');
	// The day's question may be single-answer (buttons) or "Select TWO/THREE" (one menu).
	const menu = question.components
		.flatMap((row) => row.components)
		.find((component) => component.type === ComponentType.StringSelect);
	console.log(
		`question posted with ${menu?.type === ComponentType.StringSelect ? `a menu of ${String(menu.options.length)} options` : `${String(buttonsOf(question).length)} options`}; bot process pid ${String(bot.child.pid)}`,
	);

	let expectedAnswers = 0;
	for (const burst of BURSTS) {
		const members = discord.addMembers(burst.clicks);
		discord.callbackLatencies.length = 0;
		const search = burst.clicks === 5_000 ? searchBenchmark() : undefined;
		const started = performance.now();
		let lastSent = started;
		const replies = await Promise.all(
			members.map(async (member, index) => {
				await sleep((index * burst.seconds * 1_000) / burst.clicks);
				const clicked = performance.now();
				lastSent = Math.max(lastSent, clicked);
				const reply = await answerQuestion(discord, question, index, member).catch(() => undefined);
				return reply && { ...reply, visibleAfterMs: performance.now() - clicked };
			}),
		);
		const sendingSeconds = (lastSent - started) / 1_000;
		expectedAnswers += burst.clicks;
		const latencies = discord.callbackLatencies
			.filter((entry) => entry.label === 'button:quiz')
			.map((entry) => entry.ms);
		const late = latencies.filter((ms) => ms > DISCORD_WINDOW_MS).length;
		const deferred = discord.callbackLatencies.filter(
			(entry) => entry.label === 'button:quiz' && entry.deferred,
		).length;
		const visible = replies.flatMap((reply) => (reply ? [reply.visibleAfterMs] : []));
		const privateReplies = replies.filter(
			(reply) =>
				reply?.ephemeral === true &&
				reply.pings.length === 0 &&
				/Correct|Not quite/u.test(reply.embeds[0]?.title ?? ''),
		).length;
		const [stored, members_, statsTotal] = await Promise.all([
			prisma.quizAnswer.count({ where: { roundId: round.id } }),
			prisma.quizAnswer.groupBy({ by: ['userId'], where: { roundId: round.id } }).then((groups) => groups.length),
			prisma.memberStats.aggregate({ _sum: { answers: true } }).then((sum) => sum._sum.answers ?? 0),
		]);
		console.log(
			`${String(burst.clicks)} clicks in ${String(burst.seconds)} s (sent over ${sendingSeconds.toFixed(2)} s): ` +
				`reply p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, ` +
				`max ${Math.max(...latencies).toFixed(1)} ms; over 3 s: ${String(late)}; acknowledged first ("thinking…"): ${String(deferred)}`,
		);
		console.log(
			`  answer feedback visible: p50 ${percentile(visible, 0.5).toFixed(1)} ms, p99 ${percentile(visible, 0.99).toFixed(1)} ms; ` +
				`private feedback replies ${String(privateReplies)}/${String(burst.clicks)}`,
		);
		console.log(
			`  stored answers ${String(stored)} (expected ${String(expectedAnswers)}), distinct members ${String(members_)}, ` +
				`member_stats answers ${String(statsTotal)}`,
		);
		const fast = latencies.length === burst.clicks && late === 0;
		const correct =
			privateReplies === burst.clicks &&
			stored === expectedAnswers &&
			members_ === expectedAnswers &&
			statsTotal === expectedAnswers;
		console.log(`  goal, every click answered within 3 s: ${fast ? 'met' : 'MISSED'}`);
		console.log(`  check, every answer stored once and the totals match: ${correct ? 'passed' : 'FAILED'}`);
		// A slow machine misses the speed goal (printed); lost or doubled answers are a bug (exit 1).
		failed ||= !correct;
		if (search) {
			console.log('  bench:search, run alongside this burst:');
			for (const line of (await search).trim().split('\n')) {
				console.log(`    ${line}`);
			}
		}
	}
} finally {
	await studybot.stop();
}
process.exitCode = failed ? 1 : 0;
