import path from 'node:path';
import { ComponentType } from 'discord-api-types/v10';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { encodeCustomId } from '../../src/discord/customId.js';
import { StudyJob, STUDY_QUEUE } from '../../src/jobs/studyQueue.js';
import { loadQuestionBank, QuestionBank } from '../../src/quiz/questionBank.js';
import { LEECH_LAPSES } from '../../src/study/cards.js';
import { sessionOrder } from '../../src/study/practiceSessions.js';
import { eventually } from '../support/eventually.js';
import { CONTENT_DIR, shippedNotes } from '../support/library.js';
import { REDIS_URL } from '../support/services.js';
import type { FakeDiscord, SeenMessage } from './fakeDiscord/FakeDiscord.js';
import type { FakeMember } from './fakeDiscord/world.js';
import { registerAllCommands, useHarness } from './harness.js';
import { button, buttonsOf, expectPrivate, firstEmbed } from './seen.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Personal practice and spaced review through the real discord.js client, the fake Discord,
 * Postgres and the BullMQ worker on Redis, with the harness's clock: the commands are
 * registered first, so the fake offers each only where Discord would.
 */
describe('practice, review, reminders and privacy, end to end', () => {
	const harness = useHarness();
	let prisma: PrismaClient;
	let bank: QuestionBank;
	let redis: Redis;
	let studyQueue: Queue;

	beforeAll(async () => {
		const { discord, database, queuePrefix } = harness();
		await registerAllCommands(discord);
		prisma = createPrismaClient(database.url);
		const { index } = await shippedNotes();
		bank = new QuestionBank((await loadQuestionBank(path.join(CONTENT_DIR, 'questions'), index)).questions);
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		studyQueue = new Queue(STUDY_QUEUE, { connection: redis, prefix: queuePrefix });
	});

	afterAll(async () => {
		await studyQueue.close();
		redis.disconnect();
		await prisma.$disconnect();
	});

	/** The session and position a question view belongs to, from its controls. */
	function sessionOf(view: SeenMessage): { sessionId: number; position: number } {
		const id = view.components
			.flatMap((row) => row.components)
			.map((component) => ('custom_id' in component ? component.custom_id : ''))
			.find((customId) => customId.startsWith('study:answer:') || customId.startsWith('study:pick:'));
		const [, , session, position] = (id ?? '').split(':');
		if (session === undefined || position === undefined) {
			throw new Error(`not a session question: ${JSON.stringify(firstEmbed(view))}`);
		}
		return { sessionId: Number(session), position: Number(position) };
	}

	/** Answers a session's question as a member who knows (or does not know) the answer. */
	async function answer(view: SeenMessage, right: boolean, member: FakeMember) {
		const { sessionId, position } = sessionOf(view);
		const session = await prisma.practiceSession.findUniqueOrThrow({ where: { id: sessionId } });
		const question = bank.get(session.questionIds[position] ?? '');
		if (!question) {
			throw new Error('the session asks a question the bank does not have');
		}
		const order = sessionOrder(sessionId, position, question);
		const rightShown = question.correct.map((index) => order.indexOf(index));
		const wrongShown = order.map((_, shown) => shown).filter((shown) => !rightShown.includes(shown));
		const picks = right ? rightShown : [...wrongShown, ...rightShown].slice(0, rightShown.length);
		const menu = view.components.flatMap((row) => row.components).find((c) => c.type === ComponentType.StringSelect);
		const { discord } = harness();
		return menu?.type === ComponentType.StringSelect
			? discord.select(view, menu.custom_id, picks.map(String), member)
			: discord.click(
					view,
					encodeCustomId({ feature: 'study', action: 'answer', sessionId, position, choice: picks[0] ?? 0 }),
					member,
				);
	}

	const next = (discord: FakeDiscord, feedback: SeenMessage, member: FakeMember) =>
		discord.click(feedback, buttonsOf(feedback)[0]?.customId ?? '', member);

	it('runs a private practice session: feedback with every option’s why and the note, Next, and a summary', async () => {
		const { discord, clock } = harness();
		const ana = discord.member;
		clock.set('2026-03-10T08:00:00Z');
		let view = await discord.command({ name: 'practice', options: { count: 3 }, member: ana });
		expectPrivate(view);
		expect(firstEmbed(view).author?.name).toBe('Practice · question 1 of 3');
		const asked = new Set<string>();
		for (const [position, right] of [true, false, true].entries()) {
			const { sessionId } = sessionOf(view);
			asked.add(
				(await prisma.practiceSession.findUniqueOrThrow({ where: { id: sessionId } })).questionIds[position] ?? '',
			);
			clock.advance(20_000);
			const feedback = await answer(view, right, ana);
			expect(feedback.updatedInPlace).toBe(true);
			expect(firstEmbed(feedback).title).toBe(right ? '✅ Correct' : '❌ Not quite');
			expect(firstEmbed(feedback).description).toMatch(right ? /You picked/u : /The right answer is/u);
			expect(
				firstEmbed(feedback)
					.fields?.map((field) => field.value)
					.join('\n'),
			).toMatch(/✅ \*\*[A-F]\*\*/u);
			expect(firstEmbed(feedback).footer?.text).toMatch(/^From the notes: /u);
			expect(buttonsOf(feedback).map((entry) => entry.label)).toContain(
				position < 2 ? 'Next question' : 'See the results',
			);
			expect(buttonsOf(feedback).some((entry) => entry.customId.startsWith('note:open:'))).toBe(true);
			view = await next(discord, feedback, ana);
		}
		expect(asked.size).toBe(3);
		const summary = firstEmbed(view);
		expect(summary.title).toBe('🏁 Practice done');
		expect(summary.fields?.find((field) => field.name === 'Score')?.value).toBe('2 of 3 (67%)');
		expect(summary.fields?.find((field) => field.name === 'Time')?.value).toBe('1 min 00 s');
		expect(await prisma.reviewLog.count({ where: { userId: ana.user.id, source: 'practice' } })).toBe(3);
		// Practice is private: no points, nothing posted.
		expect(await prisma.memberStats.count()).toBe(0);
		expect(discord.callsTo('POST', /^\/channels\/\d+\/messages$/u)).toEqual([]);
	});

	it('reviews the due cards once the clock has moved on, and says when the next is due before that', async () => {
		const { discord, clock } = harness();
		const ana = discord.member;
		const early = await discord.command({ name: 'review', subcommand: 'start', member: ana });
		expectPrivate(early);
		expect(firstEmbed(early).title).toBe('🗂️ Nothing to review right now');
		expect(firstEmbed(early).description).toMatch(/^The next card is due <t:\d+:R>/u);

		clock.advance(2 * DAY);
		let view = await discord.command({ name: 'review', subcommand: 'start', member: ana });
		expect(firstEmbed(view).author?.name).toBe('Review · question 1 of 3');
		expect(firstEmbed(view).description).toMatch(/^🗂️ 3 cards are due now\./u);
		for (let position = 0; position < 3; position += 1) {
			view = await next(discord, await answer(view, true, ana), ana);
		}
		expect(firstEmbed(view).title).toBe('🗂️ Review done');
		expect(await prisma.reviewLog.count({ where: { userId: ana.user.id, source: 'review' } })).toBe(3);
		const after = await discord.command({ name: 'review', subcommand: 'start', member: ana });
		expect(firstEmbed(after).title).toBe('🗂️ Nothing to review right now');
	});

	it('makes a card a leech at its eighth lapse, lists it with its note, and puts it back', async () => {
		const { discord, clock } = harness();
		const manager = discord.memberNamed('manager');
		const first = await discord.command({ name: 'practice', options: { count: 1 }, member: manager });
		await next(discord, await answer(first, true, manager), manager);
		let leechFeedback: SeenMessage | undefined;
		for (let turn = 0; turn < 40 && !leechFeedback; turn += 1) {
			const [card] = await prisma.studyCard.findMany({ where: { userId: manager.user.id } });
			clock.set(new Date(Math.max(card?.due.getTime() ?? 0, clock.now().getTime())));
			const view = await discord.command({ name: 'review', subcommand: 'start', member: manager });
			// Right until the card is in review (state 2), then wrong: each of those is a lapse.
			const feedback = await answer(view, card?.state !== 2, manager);
			if ((firstEmbed(feedback).description ?? '').includes('leech')) {
				leechFeedback = feedback;
			}
		}
		const [card] = await prisma.studyCard.findMany({ where: { userId: manager.user.id } });
		expect(card).toMatchObject({ lapses: LEECH_LAPSES, suspendedAt: clock.now() });
		expect(firstEmbed(leechFeedback ?? first).description).toMatch(
			/missed this one 8 times: it is now a \*\*leech\*\*/u,
		);

		clock.advance(30 * DAY);
		const nothing = await discord.command({ name: 'review', subcommand: 'start', member: manager });
		expect(firstEmbed(nothing).title).toBe('🗂️ Nothing to review right now');
		const leeches = await discord.command({ name: 'review', subcommand: 'leeches', member: manager });
		expectPrivate(leeches);
		expect(firstEmbed(leeches).title).toBe('🩹 Leeches: 1');
		expect(firstEmbed(leeches).fields?.[0]?.value).toMatch(/^8 lapses · suspended <t:\d+:R> · note: /u);
		const putBack = await discord.click(leeches, button(leeches, 'Put 1 back'), manager);
		expect(firstEmbed(putBack).description).toMatch(/Back in review, due now/u);
		const again = await discord.command({ name: 'review', subcommand: 'start', member: manager });
		expect(firstEmbed(again).author?.name).toBe('Review · question 1 of 1');
	});

	describe('reminders, through the worker', () => {
		/** One run of the minutely sweep, as its job scheduler would add it, and the sends it queued, all done. */
		const sweep = async () => {
			const job = await studyQueue.add(StudyJob.sweep, {});
			await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined), 'the sweep');
			await eventually(async () => {
				// The job scheduler's next sweep waits as a delayed job: only the sends count here.
				const pending = await studyQueue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
				return pending.some((pendingJob) => pendingJob.name === StudyJob.send) ? undefined : true;
			}, 'the reminders it queued');
		};
		const sentJobs = async () => (await studyQueue.getJobs(['completed'])).filter((job) => job.name === StudyJob.send);

		it('refuses a bad time with a clear message and stores nothing', async () => {
			const { discord } = harness();
			const reply = await discord.command({
				name: 'review',
				subcommand: 'remind',
				options: { time: '7 pm', timezone: 'Europe/Berlin' },
			});
			expectPrivate(reply);
			expect(firstEmbed(reply).description).toMatch(/is not a time/u);
			expect(await prisma.reviewReminder.count()).toBe(0);
		});

		it('sends a DM once on a day cards are due, not twice, and none to a member with nothing due', async () => {
			const { discord, clock } = harness();
			const ana = discord.member;
			const [newcomer] = discord.addMembers(1);
			if (!newcomer) {
				throw new Error('no member added');
			}
			clock.set(new Date(clock.now().getTime() + 10 * DAY));
			clock.set(`${clock.now().toISOString().slice(0, 10)}T05:00:00Z`);
			for (const member of [ana, newcomer]) {
				const set = await discord.command({
					name: 'review',
					subcommand: 'remind',
					options: { time: '07:30', timezone: 'Europe/Berlin' },
					member,
				});
				expect(firstEmbed(set).title).toBe('⏰ Review reminder set');
			}
			clock.advance(90 * 60 * 1000 + 30_000);
			await sweep();
			const [dm] = discord.directMessages(ana);
			if (!dm) {
				throw new Error('no reminder DM');
			}
			const due = await prisma.studyCard.count({ where: { userId: ana.user.id, due: { lte: clock.now() } } });
			expect(due).toBeGreaterThan(0);
			expect(dm.content).toBe(
				`🗂️ ${String(due)} cards are due for review — run \`/review start\`. (\`/review remind-off\` stops these reminders.)`,
			);
			expect(dm.pings).toEqual([]);
			expect((await sentJobs()).map((job) => job.returnvalue as unknown).sort()).toEqual(['nothing-due', 'sent']);

			clock.advance(10 * 60 * 1000);
			await sweep();
			await sweep();
			expect(discord.directMessages(ana)).toHaveLength(1);
			expect(discord.directMessages(newcomer)).toEqual([]);
			expect(await prisma.reviewReminder.findUniqueOrThrow({ where: { userId: ana.user.id } })).toMatchObject({
				lastSentOn: clock.now().toISOString().slice(0, 10),
			});
		});

		it('marks a member whose DMs are closed and does not try them again the next day', async () => {
			const { discord, clock } = harness();
			const ana = discord.member;
			discord.closeDms(ana);
			clock.advance(DAY);
			await sweep();
			const closed = await eventually(
				async () =>
					(await prisma.reviewReminder.findUniqueOrThrow({ where: { userId: ana.user.id } })).dmClosedAt ?? undefined,
				'the reminder marked as DMs closed',
			);
			expect(closed).toEqual(clock.now());
			const dmPosts = () =>
				discord.callsTo('POST', new RegExp(`^/channels/${discord.dmChannelOf(ana.user)}/messages$`, 'u'));
			expect(dmPosts().map((call) => call.status)).toEqual([200, 403]);
			clock.advance(DAY);
			await sweep();
			expect(dmPosts()).toHaveLength(2);
		});

		it('stops on /review remind-off', async () => {
			const { discord } = harness();
			const off = await discord.command({ name: 'review', subcommand: 'remind-off' });
			expect(firstEmbed(off).description).toBe('⏰ Review reminders are off.');
			expect(await prisma.reviewReminder.count({ where: { userId: discord.member.user.id } })).toBe(0);
			const again = await discord.command({ name: 'review', subcommand: 'remind-off' });
			expect(firstEmbed(again).description).toBe('You had no review reminder set.');
		});
	});

	it('works in a DM with the bot and, installed to a member’s account, in a server without the bot: privately, posting nothing', async () => {
		const { discord } = harness();
		const inDm = await discord.command({ name: 'practice', options: { count: 1 }, dm: true });
		expectPrivate(inDm);
		expect(firstEmbed(inDm).author?.name).toBe('Practice · question 1 of 1');

		const elsewhere = discord.addGuildWithoutBot('No Bot Here');
		const visitor = discord.memberNamed('ana', elsewhere);
		discord.installForUser(visitor);
		const view = await discord.command({ name: 'practice', options: { count: 2 }, guild: elsewhere, member: visitor });
		expectPrivate(view);
		const feedback = await answer(view, true, visitor);
		expectPrivate(feedback);
		expect(firstEmbed(feedback).title).toBe('✅ Correct');
		const note = await discord.click(
			feedback,
			buttonsOf(feedback).find((entry) => entry.customId.startsWith('note:open:'))?.customId ?? '',
			visitor,
		);
		expectPrivate(note);
		const shared = await discord.click(note, button(note, 'Share in channel'), visitor);
		expectPrivate(shared);
		expect(firstEmbed(shared).description).toMatch(/works only in a server that has added studybot/u);
		const stats = await discord.command({ name: 'stats', subcommand: 'me', guild: elsewhere, member: visitor });
		expectPrivate(stats);
		expect(firstEmbed(stats).title).toBe('🧠 Your study');
		await expect(discord.command({ name: 'leaderboard', guild: elsewhere, member: visitor })).rejects.toThrow(
			/would not offer/u,
		);
		const channels = elsewhere.channels.map((channel) => channel.id);
		expect(discord.restLog.filter((call) => channels.some((id) => call.path.includes(id)))).toEqual([]);
		expect(await prisma.practiceSession.count({ where: { userId: visitor.user.id, guildId: elsewhere.id } })).toBe(1);
	});

	it('shows what it stores, keeps it on “Keep my data”, and deletes everything of one member, nothing of another', async () => {
		const { discord } = harness();
		const ana = discord.member;
		const manager = discord.memberNamed('manager');
		const count = async (userId: string) =>
			Promise.all([
				prisma.studyCard.count({ where: { userId } }),
				prisma.reviewLog.count({ where: { userId } }),
				prisma.practiceSession.count({ where: { userId } }),
				prisma.reviewReminder.count({ where: { userId } }),
			]);
		const managerBefore = await count(manager.user.id);
		expect(managerBefore[0]).toBeGreaterThan(0);
		await discord.command({
			name: 'review',
			subcommand: 'remind',
			options: { time: '07:30', timezone: 'Europe/Berlin' },
			member: ana,
		});
		const [cards, reviews, sessions] = await count(ana.user.id);

		const shown = await discord.command({ name: 'privacy', member: ana });
		expectPrivate(shown);
		expect(firstEmbed(shown).title).toBe('🔒 What studybot holds about you');
		expect(firstEmbed(shown).description).toContain(`${String(cards)} `);
		const confirm = await discord.click(shown, button(shown, 'Delete my data'), ana);
		expect(firstEmbed(confirm).title).toBe('⚠️ Delete everything?');
		const kept = await discord.click(confirm, button(confirm, 'Keep my data'), ana);
		expect(firstEmbed(kept).title).toBe('🔒 What studybot holds about you');
		expect(await count(ana.user.id)).toEqual([cards, reviews, sessions, 1]);

		const again = await discord.click(kept, button(kept, 'Delete my data'), ana);
		const deleted = await discord.click(again, button(again, 'Yes, delete it all'), ana);
		expectPrivate(deleted);
		expect(firstEmbed(deleted).title).toBe('🗑️ Deleted');
		expect(firstEmbed(deleted).description).toMatch(
			new RegExp(
				`^Deleted ${String(cards)} cards, ${String(reviews)} review log entries, ${String(sessions)} sessions, your reminder, `,
				'u',
			),
		);
		expect(await count(ana.user.id)).toEqual([0, 0, 0, 0]);
		expect(await count(manager.user.id)).toEqual(managerBefore);
	});
});
