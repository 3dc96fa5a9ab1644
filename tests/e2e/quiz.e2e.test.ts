import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import {
	closeJobId,
	QUIZ_QUEUE,
	QuizJob,
	recapSchedulerId,
	schedulerId,
	type QuizJobData,
} from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import { REDIS_URL } from '../support/services.js';
import type { OptionValue, SeenMessage } from './fakeDiscord/FakeDiscord.js';
import { fakeUser, type FakeMember } from './fakeDiscord/world.js';
import { ComponentType } from 'discord-api-types/v10';
import { startAppAgainst, useHarness } from './harness.js';
import { answerQuestion, button, buttonsOf, expectClean, expectPrivate, firstEmbed } from './seen.js';

describe('the daily quiz, end to end: Postgres, BullMQ on Redis, the worker and the bot', () => {
	const harness = useHarness();
	let prisma: PrismaClient;
	let redis: Redis;
	let queue: Queue<QuizJobData>;

	beforeAll(() => {
		prisma = createPrismaClient(harness().database.url);
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: harness().queuePrefix });
	});

	afterAll(async () => {
		await queue.close();
		redis.disconnect();
		await prisma.$disconnect();
	});

	const channelId = () => harness().discord.guild.channels[0]?.id ?? '';
	const studyRole = () => harness().discord.guild.roles[1]?.id ?? '';
	const manager = () => harness().discord.memberNamed('manager');

	function setup(options: Record<string, OptionValue>): Promise<SeenMessage> {
		return harness().discord.command({ name: 'quiz', subcommand: 'setup', member: manager(), options });
	}

	async function postFor(instant: string, jobId: string): Promise<void> {
		await queue.add(QuizJob.post, { guildId: harness().discord.guild.id, scheduledFor: instant }, { jobId });
	}

	async function postedRound(localDate: string) {
		return eventually(
			() =>
				prisma.quizRound
					.findFirst({ where: { localDate, messageId: { not: null } } })
					.then((round) => round ?? undefined),
			`the round of ${localDate} to be posted`,
		);
	}

	it('refuses every /quiz subcommand to members without Manage Server, changing nothing', async () => {
		const attempts: [string, Record<string, OptionValue>][] = [
			['status', {}],
			['setup', { channel: { kind: 'channel', id: channelId() }, time: '09:00', timezone: 'UTC' }],
			['pause', {}],
			['resume', {}],
			['post-now', {}],
			['disable', {}],
			['recap', { enabled: false }],
		];
		for (const [subcommand, options] of attempts) {
			const reply = await harness().discord.command({ name: 'quiz', subcommand, options });
			expectPrivate(reply);
			expect(firstEmbed(reply).description).toMatch(/Manage Server/u);
		}
		expect(await prisma.guildQuizSettings.count()).toBe(0);
		expect(await queue.getJobSchedulersCount()).toBe(0);
	});

	it.each([
		['quiz', 'status'],
		['leaderboard', undefined],
		['stats', 'member'],
	])('answers /%s %s in a direct message with a clear private message', async (name, subcommand) => {
		const { discord } = harness();
		const reply = await discord.command({
			name,
			...(subcommand === undefined ? {} : { subcommand }),
			...(name === 'stats' ? { options: { member: { kind: 'user', id: discord.member.user.id } } } : {}),
			dm: true,
		});
		expectPrivate(reply);
		expect(firstEmbed(reply).description).toMatch(/server/iu);
	});

	it('refuses a bad time or time zone and changes nothing', async () => {
		const badTime = await setup({
			channel: { kind: 'channel', id: channelId() },
			time: '25:00',
			timezone: 'Europe/Berlin',
		});
		expectPrivate(badTime);
		expect(firstEmbed(badTime).description).toMatch(/not a time/u);
		const badZone = await setup({
			channel: { kind: 'channel', id: channelId() },
			time: '09:00',
			timezone: 'Europe/Berlinn',
		});
		expectPrivate(badZone);
		expect(firstEmbed(badZone).description).toMatch(/not a time zone.*Europe\/Berlin/u);
		expect(await prisma.guildQuizSettings.count()).toBe(0);
		expect(await queue.getJobSchedulersCount()).toBe(0);
	});

	it('autocompletes time zones', async () => {
		const choices = await harness().discord.autocomplete({
			name: 'quiz',
			subcommand: 'setup',
			member: manager(),
			options: { timezone: 'europe/ber' },
			focused: 'timezone',
		});
		expect(choices[0]).toEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
	});

	it('sets up the quiz: settings stored and one job scheduler in the guild’s zone', async () => {
		const { discord } = harness();
		const reply = await setup({
			channel: { kind: 'channel', id: channelId() },
			time: '9:00',
			timezone: 'Europe/Berlin',
			role: { kind: 'role', id: studyRole() },
			answer_window: 2,
		});
		expectPrivate(reply);
		expect(firstEmbed(reply).title).toBe('✅ Daily quiz set up');
		expect(firstEmbed(reply).fields?.find((field) => field.name === 'Posts at')?.value).toBe('09:00 Europe/Berlin');
		expect(await prisma.guildQuizSettings.findUniqueOrThrow({ where: { guildId: discord.guild.id } })).toMatchObject({
			channelId: channelId(),
			roleId: studyRole(),
			postTime: '09:00',
			timezone: 'Europe/Berlin',
			answerWindowHours: 2,
			status: 'active',
		});
		const scheduler = await queue.getJobScheduler(schedulerId(discord.guild.id));
		expect(scheduler).toMatchObject({ pattern: '0 9 * * *', tz: 'Europe/Berlin' });
		expect(await queue.getJobScheduler(recapSchedulerId(discord.guild.id))).toMatchObject({
			pattern: '0 18 * * 0',
			tz: 'Europe/Berlin',
		});
		expect(await queue.getJobSchedulersCount()).toBe(2);
	});

	let post: SeenMessage;

	it('posts the question when the job fires: embed, one button per option, only the role mentioned', async () => {
		const { discord } = harness();
		await postFor('2026-03-10T08:00:00Z', 'fire-1');
		const round = await postedRound('2026-03-10');
		post = await eventually(() => discord.message(round.messageId ?? ''), 'the posted message');
		expect(post.ephemeral).toBe(false);
		expect(post.pings).toEqual([`role:${studyRole()}`]);
		expect(firstEmbed(post).title).toBe('📚 Question of the day');
		// One button per option, lettered; a "Select TWO/THREE" question (the draw may give one) has a menu instead.
		const menu = post.components
			.flatMap((row) => row.components)
			.find((control) => control.type === ComponentType.StringSelect);
		const letters =
			menu?.type === ComponentType.StringSelect
				? menu.options.map((option) => option.label)
				: buttonsOf(post).map((entry) => entry.label);
		expect(letters.join('')).toBe('ABCDEF'.slice(0, round.optionOrder.length));
		expect(round.closesAt.getTime() - (round.postedAt?.getTime() ?? 0)).toBe(2 * 3_600_000);
		expect(await queue.getJob(closeJobId(round.id))).toBeDefined();
	});

	it('never posts twice for a guild and date: a duplicated job changes nothing', async () => {
		await postFor('2026-03-10T08:00:00Z', 'fire-1-duplicate');
		await eventually(
			async () => ((await queue.getJob('fire-1-duplicate'))?.finishedOn === undefined ? undefined : true),
			'the duplicate job to finish',
		);
		expect(harness().discord.channelMessages(channelId())).toHaveLength(1);
		expect(await prisma.quizRound.count()).toBe(1);
	});

	it('records 200 members answering at once, each once, each answered privately', async () => {
		const { discord } = harness();
		const members = discord.addMembers(200);
		const isMenu = post.components.some((row) =>
			row.components.some((control) => control.type === ComponentType.StringSelect),
		);
		const buttons = buttonsOf(post);
		const replies = await Promise.all(members.map((member, index) => answerQuestion(discord, post, index, member)));
		for (const [index, reply] of replies.entries()) {
			expectPrivate(reply);
			expect(firstEmbed(reply).title).toMatch(/^(✅ Correct! \+\d+ points|❌ Not quite)$/u);
			expect(buttonsOf(reply).map((entry) => entry.label)).toEqual(['Open the note']);
			// The member is told which option they picked.
			const letter = isMenu ? '[A-F]' : (buttons[index % buttons.length]?.label ?? '?');
			expect(firstEmbed(reply).description).toMatch(new RegExp(`^You picked \\*\\*${letter}\\.\\*\\* `, 'u'));
		}
		expect(await prisma.quizAnswer.count()).toBe(200);
		expect(await prisma.guildMember.count()).toBe(200);
		const correct = await prisma.quizAnswer.findMany({ where: { correct: true } });
		expect(correct.every((answer) => answer.points >= 10 && answer.points <= 15)).toBe(true);
		expect(replies.filter((reply) => firstEmbed(reply).title?.startsWith('✅')).length).toBe(correct.length);
	});

	it('shows the leaderboard privately, pages it and switches period in place', async () => {
		const { discord } = harness();
		const board = await discord.command({ name: 'leaderboard', options: { period: 'all' } });
		expectPrivate(board);
		const lines = (firstEmbed(board).description ?? '').split('\n');
		expect(lines).toHaveLength(10);
		expect(lines[0]).toMatch(/^\*\*1\.\*\* learner\d+ — \*\*1[0-5]\*\* pts · 100%( · 🔥 1)?$/u);
		expect(firstEmbed(board).footer?.text).toBe('Page 1/20 · 200 members');
		expect(firstEmbed(board).fields?.[0]).toEqual({
			name: 'You',
			value: 'No answers yet: answer today’s question to get on the board!',
		});
		expect(buttonsOf(board).map((entry) => [entry.label, entry.disabled])).toEqual([
			['Previous', true],
			['Next', false],
			['This week', false],
			['This month', false],
			['All time', true],
			['Share in channel', false],
		]);
		const second = await discord.click(board, buttonsOf(board)[1]?.customId ?? '');
		expect(second.updatedInPlace).toBe(true);
		expect(firstEmbed(second).footer?.text).toBe('Page 2/20 · 200 members');
		expect(firstEmbed(second).description).toMatch(/^\*\*\d+\.\*\* /u);
		const week = await discord.click(second, buttonsOf(second)[2]?.customId ?? '');
		expect(firstEmbed(week).title).toBe('🏆 Leaderboard · This week');
		expect(firstEmbed(week).footer?.text).toBe('Page 1/20 · 200 members');

		const shared = await discord.click(week, button(week, 'Share in channel'));
		expect(shared.ephemeral).toBe(false);
		expectClean(shared);
		expect(shared.content).toBe(`📣 Shared by <@${discord.member.user.id}>`);
		expect(firstEmbed(shared).description).toBe(firstEmbed(week).description);
		// The sharer's own line stays private.
		expect(firstEmbed(shared).fields ?? []).toEqual([]);
		expect(shared.components).toEqual([]);
	});

	it('shows a member’s stats privately and shares them on request', async () => {
		const { discord } = harness();
		const learner = discord.memberNamed('learner1');
		const stats = await discord.command({ name: 'stats', subcommand: 'me', member: learner });
		expectPrivate(stats);
		expect(firstEmbed(stats).title).toBe('📈 learner1');
		const fields = Object.fromEntries((firstEmbed(stats).fields ?? []).map((field) => [field.name, field.value]));
		expect(fields.Answers).toBe('1');
		expect(fields.Rank).toMatch(/^This week: #\d+ · This month: #\d+ · All time: #\d+$/u);
		const shared = await discord.click(stats, buttonsOf(stats)[0]?.customId ?? '', learner);
		expect(shared.ephemeral).toBe(false);
		expect(shared.content).toBe(`📣 Shared by <@${learner.user.id}>`);
		expect(shared.pings).toEqual([]);

		const other = await discord.command({
			name: 'stats',
			subcommand: 'member',
			options: { member: { kind: 'user', id: learner.user.id } },
		});
		expect(firstEmbed(other).title).toBe('📈 learner1');
	});

	it('shows a member who never answered under their server nickname, and no card for the bot', async () => {
		const { discord } = harness();
		(discord.guild.members as FakeMember[]).push({
			user: fakeUser('account-name'),
			permissions: 0n,
			roles: [],
			nick: 'Nicky',
		});
		const newcomer = discord.memberNamed('account-name');
		const theirs = await discord.command({
			name: 'stats',
			subcommand: 'member',
			options: { member: { kind: 'user', id: newcomer.user.id } },
		});
		expect(firstEmbed(theirs).title).toBe('📈 Nicky');
		const own = await discord.command({ name: 'stats', subcommand: 'me', member: newcomer });
		expect(firstEmbed(own).title).toBe('📈 Nicky');
		const bot = await discord.command({
			name: 'stats',
			subcommand: 'member',
			options: { member: { kind: 'user', id: discord.botUser.id } },
		});
		expectPrivate(bot);
		expect(firstEmbed(bot).description).toBe('studybot is a bot: bots do not take the quiz.');
		expect(bot.embeds).toHaveLength(1);
	});

	it('posts the weekly recap when its job fires, at the day and time the server chose, pinging nobody', async () => {
		const { discord } = harness();
		const reply = await discord.command({
			name: 'quiz',
			subcommand: 'recap',
			member: manager(),
			options: { enabled: true, day: 5, time: '17:30' },
		});
		expect(firstEmbed(reply).description).toBe(
			`The weekly recap is on: every Friday at 17:30 Europe/Berlin, in <#${channelId()}>.`,
		);
		expect(await queue.getJobScheduler(recapSchedulerId(discord.guild.id))).toMatchObject({ pattern: '30 17 * * 5' });
		const before = discord.channelMessages(channelId()).length;
		await queue.add(
			QuizJob.recap,
			{ guildId: discord.guild.id, scheduledFor: '2026-03-13T16:30:00Z' },
			{ jobId: 'recap-1' },
		);
		const recap = await eventually(() => {
			const messages = discord.channelMessages(channelId());
			return messages.length > before ? messages.at(-1) : undefined;
		}, 'the weekly recap');
		expect(recap.pings).toEqual([]);
		expect(firstEmbed(recap).title).toBe('📅 Weekly recap · week of 2026-03-09');
		const fields = Object.fromEntries((firstEmbed(recap).fields ?? []).map((field) => [field.name, field.value]));
		expect(fields['Top members']?.split('\n')).toHaveLength(5);
		expect(fields['Hardest question']).toMatch(/% of 200 got it right$/u);
	});

	it('keeps one answer when a member double-clicks, and says so', async () => {
		const { discord } = harness();
		const [member] = discord.addMembers(1);
		const replies = await Promise.all([
			answerQuestion(discord, post, 0, member),
			answerQuestion(discord, post, 1, member),
		]);
		const titles = replies.map((reply) => firstEmbed(reply).title ?? firstEmbed(reply).description ?? '');
		expect(titles.filter((title) => title.includes('already answered'))).toHaveLength(1);
		expect(await prisma.quizAnswer.count({ where: { userId: member?.user.id ?? '' } })).toBe(1);
	});

	it('refuses forged answer buttons privately and changes no score', async () => {
		const { discord } = harness();
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-10' } });
		// A round of another server, which a forged button in this one points at.
		const otherGuild = '999999999999999999';
		await prisma.guildQuizSettings.create({
			data: { guildId: otherGuild, channelId: '999999999999999998', postTime: '09:00', timezone: 'UTC' },
		});
		const foreign = await prisma.quizRound.create({
			data: {
				guildId: otherGuild,
				channelId: '999999999999999998',
				localDate: '2026-03-10',
				questionId: round.questionId,
				topic: round.topic,
				optionOrder: round.optionOrder,
				messageId: '999999999999999997',
				postedAt: round.postedAt,
				closesAt: round.closesAt,
			},
		});
		const before = { answers: await prisma.quizAnswer.count(), stats: await prisma.memberStats.findMany() };
		const refusals: [string, RegExp][] = [
			['quiz:answer:999999:0', /not known here/u],
			[`quiz:answer:${String(foreign.id)}:0`, /not known here/u],
			[`quiz:answer:${String(round.id)}:${String(round.optionOrder.length)}`, /not one of this question’s options/u],
			['quiz:answer:abc:1', /no longer works/u],
			['quiz:answer', /no longer works/u],
			['\u0000💥'.repeat(30), /no longer works/u],
		];
		for (const [forged, message] of refusals) {
			const reply = await discord.clickRaw(post, forged, discord.addMembers(1)[0]);
			expectPrivate(reply);
			expect(firstEmbed(reply).description, forged).toMatch(message);
		}
		expect(await prisma.quizAnswer.count()).toBe(before.answers);
		expect(await prisma.memberStats.findMany()).toEqual(before.stats);
		await prisma.quizRound.delete({ where: { id: foreign.id } });
		await prisma.guildQuizSettings.delete({ where: { guildId: otherGuild } });
	});

	it('closes the round when its job runs: answer revealed, results shown, buttons disabled', async () => {
		const { discord } = harness();
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-10' } });
		await (await queue.getJob(closeJobId(round.id)))?.promote();
		const closed = await eventually(() => {
			const message = discord.message(post.id);
			return message && firstEmbed(message).title === '📚 Question of the day (closed)' ? message : undefined;
		}, 'the question to be closed');
		expectClean(closed);
		expect(closed.pings).toEqual([]);
		const answers = await prisma.quizAnswer.count({ where: { roundId: round.id } });
		const right = await prisma.quizAnswer.count({ where: { roundId: round.id, correct: true } });
		// How many picked each option, with a bar, under each option of the revealed question.
		const picks = await prisma.$queryRaw<{ choice: number; count: number }[]>`
			SELECT choice, COUNT(*)::int AS count FROM quiz_answers, unnest(choices) AS choice
			WHERE round_id = ${round.id} GROUP BY choice`;
		for (const { choice, count } of picks) {
			const share = Math.round((100 * count) / answers);
			expect(firstEmbed(closed).description).toMatch(
				new RegExp(
					`\\*\\*${'ABCDEF'[choice] ?? '?'}\\.\\*\\* [^\\n]*\\n[▰▱]{10} ${String(count)} · ${String(share)}%`,
					'u',
				),
			);
		}
		expect(firstEmbed(closed).fields?.find((field) => field.name === 'Results')?.value).toBe(
			`${answers} members answered; ${Math.round((100 * right) / answers)}% got it right.`,
		);
		expect(buttonsOf(closed).every((entry) => entry.disabled)).toBe(true);
		expect((await prisma.quizRound.findUniqueOrThrow({ where: { id: round.id } })).closedAt).not.toBeNull();

		const late = await answerQuestion(discord, post, 0, discord.addMembers(1)[0]);
		expectPrivate(late);
		expect(firstEmbed(late).description).toMatch(/closed/u);
	});

	it('shows the status, pauses, resumes and disables, keeping history', async () => {
		const { discord } = harness();
		const status = await discord.command({ name: 'quiz', subcommand: 'status', member: manager() });
		expectPrivate(status);
		expect(firstEmbed(status).fields?.find((field) => field.name === 'Next question')?.value).toMatch(
			/^<t:\d+:F> \(<t:\d+:R>\)$/u,
		);

		await discord.command({ name: 'quiz', subcommand: 'pause', member: manager() });
		expect(await queue.getJobSchedulersCount()).toBe(0);
		await discord.command({ name: 'quiz', subcommand: 'resume', member: manager() });
		expect(await queue.getJobScheduler(schedulerId(discord.guild.id))).toMatchObject({ pattern: '0 9 * * *' });
		const disabled = await discord.command({ name: 'quiz', subcommand: 'disable', member: manager() });
		expect(firstEmbed(disabled).title).toMatch(/turned off/u);
		expect(await queue.getJobSchedulersCount()).toBe(0);
		expect(await prisma.quizAnswer.count()).toBeGreaterThan(200);
	});

	it('heals an emptied Redis on start: active guilds get their scheduler back, others none', async () => {
		const { discord, database, queuePrefix, clock } = harness();
		await discord.command({ name: 'quiz', subcommand: 'resume', member: manager() });
		await queue.removeJobScheduler(schedulerId(discord.guild.id));
		await queue.upsertJobScheduler(schedulerId('123456789012345678'), { pattern: '0 8 * * *' }, { name: QuizJob.post });
		const worker = await startAppAgainst(discord, database, queuePrefix, clock, {
			roles: { bot: true, worker: false },
		});
		try {
			const schedulers = await queue.getJobSchedulers(0, -1);
			expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual(
				[schedulerId(discord.guild.id), recapSchedulerId(discord.guild.id)].sort(),
			);
		} finally {
			await worker.stop();
		}
	});

	it('posts today’s question on /quiz post-now, once', async () => {
		const { discord, clock } = harness();
		clock.set('2026-03-12T10:00:00Z');
		const first = await discord.command({ name: 'quiz', subcommand: 'post-now', member: manager() });
		expectPrivate(first);
		const round = await postedRound('2026-03-12');
		expect(firstEmbed(first).description).toBe(
			`Today’s question is [posted](https://discord.com/channels/${discord.guild.id}/${channelId()}/${round.messageId ?? ''}) in <#${channelId()}>.`,
		);
		const again = await discord.command({ name: 'quiz', subcommand: 'post-now', member: manager() });
		expect(firstEmbed(again).description).toMatch(
			new RegExp(`already \\[posted\\]\\(.*/${round.messageId ?? ''}\\)`, 'u'),
		);
		expect(await prisma.quizRound.count({ where: { localDate: '2026-03-12' } })).toBe(1);
	});

	it('closes a round once: a second close job changes nothing', async () => {
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-12' } });
		await (await queue.getJob(closeJobId(round.id)))?.promote();
		const closed = await eventually(
			() =>
				prisma.quizRound
					.findFirst({ where: { id: round.id, closedAt: { not: null } } })
					.then((found) => found ?? undefined),
			'the round to close',
		);
		const edits = harness().discord.callsTo('PATCH', new RegExp(`/messages/${round.messageId ?? ''}$`, 'u')).length;
		await queue.add(QuizJob.close, { roundId: round.id }, { jobId: 'close-again' });
		await eventually(
			async () => ((await queue.getJob('close-again'))?.finishedOn === undefined ? undefined : true),
			'the second close',
		);
		expect(harness().discord.callsTo('PATCH', new RegExp(`/messages/${round.messageId ?? ''}$`, 'u'))).toHaveLength(
			edits,
		);
		expect((await prisma.quizRound.findUniqueOrThrow({ where: { id: round.id } })).closedAt).toEqual(closed.closedAt);
	});

	it('posts once when two workers race on the same guild and date', async () => {
		const { discord, database, queuePrefix, clock } = harness();
		const second = await startAppAgainst(discord, database, queuePrefix, clock, {
			roles: { bot: false, worker: true },
		});
		try {
			const before = discord.channelMessages(channelId()).length;
			await Promise.all([
				postFor('2026-03-11T08:00:00Z', 'race-a'),
				postFor('2026-03-11T08:00:00Z', 'race-b'),
				postFor('2026-03-11T08:00:00Z', 'race-c'),
			]);
			await postedRound('2026-03-11');
			await eventually(
				async () => {
					const jobs = await Promise.all(['race-a', 'race-b', 'race-c'].map((id) => queue.getJob(id)));
					return jobs.every((job) => job?.finishedOn !== undefined) ? true : undefined;
				},
				'all racing jobs to finish',
				60_000,
			);
			expect(discord.channelMessages(channelId()).length).toBe(before + 1);
			expect(await prisma.quizRound.count({ where: { localDate: '2026-03-11' } })).toBe(1);
		} finally {
			await second.stop();
		}
	}, 90_000);

	it('answered every interaction without an error and used only routes the fake knows', async () => {
		const metrics = await (await fetch(`http://127.0.0.1:${harness().app.healthPort}/metrics`)).text();
		expect(metrics).toMatch(/^studybot_interactions_total\{command="button:quiz",outcome="ok"\} [1-9]\d*$/mu);
		expect(metrics).not.toMatch(/^studybot_interactions_total\{[^}]*outcome="error"\}/mu);
		expect(metrics).toMatch(/^studybot_jobs_total\{queue="quiz",name="post-round",outcome="completed"\} [1-9]\d*$/mu);
		expect(harness().discord.unknownRoutes).toEqual([]);
	});
});
