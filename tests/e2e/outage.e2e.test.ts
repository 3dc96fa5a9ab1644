import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app/startApp.js';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { eventually } from '../support/eventually.js';
import { createTestDatabase, createTestPrefix, type TestDatabase } from '../support/services.js';
import { TcpProxy, throughProxy } from '../support/tcpProxy.js';
import type { SeenMessage } from './fakeDiscord/FakeDiscord.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { startAppAgainst, TestClock, setUpDailyQuiz } from './harness.js';
import { answerQuestion, buttonsOf, expectPrivate, firstEmbed } from './seen.js';

const OUTAGE_MS = 30_000;
const TRY_AGAIN = /database is not answering\. Nothing was recorded, so please try again shortly\./u;

describe('Postgres unreachable for 30 seconds, through a proxy the test controls', () => {
	const discord = new FakeDiscord();
	const postgresProxy = new TcpProxy('127.0.0.1', 5432);
	let database: TestDatabase;
	let prefix: ReturnType<typeof createTestPrefix>;
	let prisma: PrismaClient;
	let app: RunningApp;
	let question: SeenMessage;

	const manager = () => discord.memberNamed('manager');

	beforeAll(async () => {
		await discord.start();
		database = await createTestDatabase();
		prefix = createTestPrefix();
		prisma = createPrismaClient(database.url);
		await postgresProxy.start();
		app = await startAppAgainst(
			discord,
			{ url: throughProxy(database.url, postgresProxy), drop: () => database.drop() },
			prefix.prefix,
			new TestClock(),
		);
		await setUpDailyQuiz(discord);
		await discord.command({ name: 'quiz', subcommand: 'post-now', member: manager() });
		const round = await eventually(
			() => prisma.quizRound.findFirst({ where: { messageId: { not: null } } }).then((found) => found ?? undefined),
			'the question to be posted',
		);
		question = await eventually(() => discord.message(round.messageId ?? ''), 'the posted message');
	}, 60_000);

	afterAll(async () => {
		await postgresProxy.restore().catch(() => undefined);
		await app.stop();
		await postgresProxy.stop();
		await discord.stop();
		await prisma.$disconnect();
		await prefix.clear();
		await database.drop();
	});

	it(
		'keeps notes working, refuses quiz, scores and clicks with a clear private message, then records the click once when Postgres is back',
		async () => {
			const learner = discord.memberNamed('ana');
			await postgresProxy.cut();
			const cutAt = Date.now();

			const search = await discord.command({ name: 'search', options: { query: 'vpc peering' } });
			expectPrivate(search);
			expect(firstEmbed(search).fields?.[0]?.name).toMatch(/VPC Peering/iu);
			const note = await discord.command({ name: 'note', options: { topic: 'VPC Peering' } });
			expectPrivate(note);
			expect(firstEmbed(note).title).toMatch(/VPC Peering/iu);
			expectPrivate(await discord.command({ name: 'help' }));

			const refused = [
				await discord.command({ name: 'leaderboard' }),
				await discord.command({ name: 'stats', subcommand: 'me' }),
				await discord.command({ name: 'practice' }),
				await discord.command({ name: 'review', subcommand: 'start' }),
				await discord.command({ name: 'quiz', subcommand: 'status', member: manager() }),
				await answerQuestion(discord, question, 0, learner),
			];
			for (const reply of refused) {
				expectPrivate(reply);
				expect(firstEmbed(reply).description).toMatch(TRY_AGAIN);
			}
			expect(await prisma.quizAnswer.count()).toBe(0);

			await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
			await postgresProxy.restore();

			const recorded = await answerQuestion(discord, question, 0, learner);
			expectPrivate(recorded);
			expect(firstEmbed(recorded).title).toMatch(/^(✅ Correct! \+\d+ points|❌ Not quite)$/u);
			expect(await prisma.quizAnswer.count()).toBe(1);
			const again = await answerQuestion(discord, question, 0, learner);
			expect(firstEmbed(again).description).toMatch(/already answered/iu);
			expect(await prisma.quizAnswer.count()).toBe(1);
			const board = await discord.command({ name: 'leaderboard' });
			expect(firstEmbed(board).description ?? '').toMatch(/ana/u);

			const metrics = await (await fetch(`http://127.0.0.1:${String(app.healthPort)}/metrics`)).text();
			expect(metrics).toMatch(/^studybot_interactions_total\{command="button:quiz",outcome="unavailable"\} 1$/mu);
			expect(metrics).toMatch(/^studybot_interactions_total\{command="leaderboard",outcome="unavailable"\} 1$/mu);
			expect(metrics).not.toMatch(/^studybot_interactions_total\{[^}]*outcome="error"\}/mu);
		},
		OUTAGE_MS + 30_000,
	);

	it('acknowledges a click first when Postgres is slow, then shows the answer in its place', async () => {
		const member = discord.addMembers(1)[0];
		postgresProxy.delayMs = 2_500;
		try {
			const reply = await answerQuestion(discord, question, 1, member);
			expectPrivate(reply);
			expect(firstEmbed(reply).title).toMatch(/^(✅ Correct! \+\d+ points|❌ Not quite)$/u);
			expect(discord.callbackLatencies.at(-1)).toMatchObject({ label: 'button:quiz', deferred: true });
		} finally {
			postgresProxy.delayMs = 0;
		}
		expect(await prisma.quizAnswer.count({ where: { userId: member?.user.id ?? '' } })).toBe(1);
	}, 30_000);

	it('keeps serving when Discord rejects the acknowledgement of a slow click (Unknown interaction)', async () => {
		const member = discord.addMembers(1)[0];
		postgresProxy.delayMs = 2_500;
		discord.injectFault({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/u, status: 404, code: 10062 });
		try {
			// The click is slow (Postgres), so the bot defers; Discord says the interaction is gone.
			await expect(discord.clickRaw(question, buttonsOf(question)[0]?.customId ?? '', member, 6_000)).rejects.toThrow(
				/timed out/u,
			);
		} finally {
			postgresProxy.delayMs = 0;
		}
		const search = await discord.command({ name: 'search', options: { query: 'nat gateway' } });
		expectPrivate(search);
		const metrics = await eventually(async () => {
			const text = await (await fetch(`http://127.0.0.1:${String(app.healthPort)}/metrics`)).text();
			return /command="button:quiz",outcome="expired"\} 1$/mu.test(text) ? text : undefined;
		}, 'the expired interaction to be counted');
		expect(metrics).not.toMatch(/^studybot_interactions_total\{[^}]*outcome="error"\}/mu);
	}, 30_000);
});
