import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { QUIZ_QUEUE, QuizJob, readQuizJob, type QuizJobData } from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import { REDIS_URL } from '../support/services.js';
import { useHarness } from './harness.js';
import { answerQuestion, expectClean, expectPrivate, firstEmbed } from './seen.js';

const MESSAGES = /^\/channels\/\d+\/messages$/u;

/**
 * What an admin runs into when the bot may not post: told by post-now, by /quiz status and
 * once in the channel where the quiz was set up; retried when the channel changes; never
 * swallowed by a job id; and a click that beats the worker's bookkeeping still counts.
 */
describe('the quiz when Discord refuses a post, and at the instant a question appears', () => {
	const harness = useHarness();
	let prisma: PrismaClient;
	let redis: Redis;
	let queue: Queue<QuizJobData>;

	const quizChannel = () => harness().discord.guild.channels[0]?.id ?? '';
	const staffChannel = () => harness().discord.guild.channels[1]?.id ?? '';
	const manager = () => harness().discord.memberNamed('manager');
	const quiz = (subcommand: string) => harness().discord.command({ name: 'quiz', subcommand, member: manager() });
	const denySendMessages = (deny: bigint): void => {
		harness().discord.setPermissionOverwrite(quizChannel(), {
			id: harness().discord.guild.id,
			type: 0,
			allow: 0n,
			deny,
		});
	};
	/** Waits until the bot's gateway cache has taken in a permission change. */
	const cacheSees = async (missing: boolean) => {
		await eventually(async () => {
			const reply = await quiz('status');
			return reply.embeds.length > 0 ? true : undefined;
		}, 'the bot to answer');
		await eventually(() => {
			const bot = harness().app.bot?.client;
			const channel = bot?.channels.cache.get(quizChannel());
			const me = bot?.guilds.cache.get(harness().discord.guild.id)?.members.me;
			const can =
				channel && 'permissionsFor' in channel && me ? channel.permissionsFor(me).has('SendMessages') : undefined;
			return can === !missing ? true : undefined;
		}, 'the gateway cache to see the permission change');
	};

	beforeAll(async () => {
		prisma = createPrismaClient(harness().database.url);
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: harness().queuePrefix });
		const { discord, clock } = harness();
		clock.set('2026-03-10T08:00:00Z');
		const reply = await discord.command({
			name: 'quiz',
			subcommand: 'setup',
			member: manager(),
			inChannel: staffChannel(),
			options: { channel: { kind: 'channel', id: quizChannel() }, time: '09:00', timezone: 'UTC' },
		});
		expect(firstEmbed(reply).title).toBe('✅ Daily quiz set up');
	});

	afterAll(async () => {
		await queue.close();
		redis.disconnect();
		await prisma.$disconnect();
	});

	it('says at once what the bot lacks when post-now runs in a channel it may not post in, and posts nothing', async () => {
		denySendMessages(PermissionFlagsBits.SendMessages);
		await cacheSees(true);
		const reply = await quiz('post-now');
		expectPrivate(reply);
		expect(firstEmbed(reply).description).toBe(
			`I could not post in <#${quizChannel()}>: I am missing **Send Messages** there. Give studybot **Send Messages** in that channel (Edit Channel → Permissions); then run \`/quiz post-now\` again.`,
		);
		expect(harness().discord.callsTo('POST', MESSAGES)).toHaveLength(0);
		const jobs = await queue.getJobs(['waiting', 'delayed', 'active']);
		// Only the schedulers' next jobs are there: post-now asked for nothing.
		expect(
			jobs.map(readQuizJob).filter((request) => request.name === QuizJob.post && request.data.manual === true),
		).toEqual([]);
	});

	it('records a scheduled post Discord refuses with 403, reports it once in the setup channel, and does not retry it', async () => {
		const { discord } = harness();
		await queue.add(
			QuizJob.post,
			{ guildId: discord.guild.id, scheduledFor: '2026-03-10T09:00:00Z' },
			{ jobId: 'refused' },
		);
		const round = await eventually(
			() =>
				prisma.quizRound
					.findFirst({ where: { localDate: '2026-03-10', postFailure: { not: null } } })
					.then((found) => found ?? undefined),
			'the refused post to be recorded',
		);
		expect(round).toMatchObject({ postFailure: 'missing-access', postFailureDetail: 'Send Messages', messageId: null });
		const report = await eventually(() => discord.channelMessages(staffChannel()).at(0), 'the report to the admins');
		expectClean(report);
		expect(firstEmbed(report).title).toBe('⚠️ Today’s quiz question was not posted');
		expect(firstEmbed(report).description).toMatch(/I am missing \*\*Send Messages\*\* there/u);
		const job = await eventually(
			async () => ((await queue.getJob('refused'))?.finishedOn === undefined ? undefined : queue.getJob('refused')),
			'the job to finish',
		);
		// Refused for a reason retrying cannot fix: the job is done, not waiting to retry for ten minutes.
		expect(job.attemptsMade).toBe(1);
		expect(await job.getState()).toBe('completed');
		expect(discord.callsTo('POST', MESSAGES).filter((call) => call.status === 403)).toHaveLength(1);

		const status = await quiz('status');
		const today = firstEmbed(status).fields?.find((field) => field.name === 'Today')?.value ?? '';
		expect(today).toMatch(
			/^⚠️ Not posted: failed <t:\d+:R>\. I could not post in <#\d+>: I am missing \*\*Send Messages\*\* there\./u,
		);
		expect(today).toMatch(/Or run `\/quiz post-now` once it is fixed\.$/u);

		// A second refused attempt the same day is not reported again.
		await queue.add(
			QuizJob.post,
			{ guildId: discord.guild.id, scheduledFor: '2026-03-10T09:00:00Z' },
			{ jobId: 'refused-again' },
		);
		await eventually(
			async () => ((await queue.getJob('refused-again'))?.finishedOn === undefined ? undefined : true),
			'the second attempt',
		);
		expect(discord.channelMessages(staffChannel())).toHaveLength(1);
	});

	it('posts by itself, once, as soon as the admin gives the permission back', async () => {
		const { discord } = harness();
		denySendMessages(0n);
		const posted = await eventually(() => discord.channelMessages(quizChannel()).at(0), 'the question to be posted');
		expect(firstEmbed(posted).title).toBe('📚 Question of the day');
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-10' } });
		expect(round).toMatchObject({ messageId: posted.id, postFailure: null });
		const status = await quiz('status');
		expect(firstEmbed(status).fields?.find((field) => field.name === 'Today')?.value).toMatch(/^\[Posted\]/u);
		expect(discord.channelMessages(quizChannel())).toHaveLength(1);
	});

	it('tells post-now what Discord said when the worker’s post fails, and a later post-now still posts', async () => {
		const { discord, clock } = harness();
		clock.set('2026-03-11T10:00:00Z');
		// Discord refuses although the bot's cache says it may post (the cache can lag behind).
		discord.injectFault({ method: 'POST', path: MESSAGES, status: 403, code: 50013 });
		const refused = await quiz('post-now');
		expectPrivate(refused);
		expect(firstEmbed(refused).description).toBe(
			`I could not post in <#${quizChannel()}>: Discord says I am not allowed to. Give studybot **View Channel**, **Send Messages** and **Embed Links** in that channel; I try again as soon as the channel or a role changes.`,
		);
		// The failed request's job must not swallow the next one (it used to share its job id).
		const posted = await quiz('post-now');
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-11' } });
		expect(firstEmbed(posted).description).toBe(
			`Today’s question is [posted](https://discord.com/channels/${discord.guild.id}/${quizChannel()}/${round.messageId ?? ''}) in <#${quizChannel()}>.`,
		);
		expect(discord.channelMessages(quizChannel())).toHaveLength(2);
	});

	it('counts clicks that arrive while Discord has shown the question but the worker has not yet stored it', async () => {
		const { discord, clock } = harness();
		clock.set('2026-03-12T10:00:00Z');
		discord.injectFault({ method: 'POST', path: MESSAGES, holdResponseMs: 1_500 });
		const requested = quiz('post-now');
		const question = await eventually(
			() =>
				discord
					.channelMessages(quizChannel())
					.find((message) => message.embeds[0]?.footer?.text.endsWith('2026-03-12')),
			'the question to be visible',
		);
		expect((await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-12' } })).messageId).toBeNull();
		const members = discord.addMembers(3);
		const replies = await Promise.all(members.map((member, index) => answerQuestion(discord, question, index, member)));
		for (const reply of replies) {
			expectPrivate(reply);
			expect(firstEmbed(reply).title).toMatch(/^(✅ Correct! \+\d+ points|❌ Not quite)$/u);
		}
		await requested;
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-12' } });
		expect(round.messageId).toBe(question.id);
		expect(await prisma.quizAnswer.count({ where: { roundId: round.id } })).toBe(3);
	});

	it('says the quiz is turned off, and how to turn it back on, on post-now after disable', async () => {
		await quiz('disable');
		const reply = await quiz('post-now');
		expectPrivate(reply);
		expect(firstEmbed(reply).description).toBe(
			'The quiz is turned off in this server. `/quiz resume` turns it back on (history and scores were kept).',
		);
		const resumed = await quiz('resume');
		expect(firstEmbed(resumed).title).toBe('▶️ Daily quiz resumed');
	});
});
