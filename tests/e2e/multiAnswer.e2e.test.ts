import { ComponentType } from 'discord-api-types/v10';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { closeJobId, QUIZ_QUEUE, QuizJob, type QuizJobData } from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import { CONTENT_DIR } from '../support/library.js';
import { REDIS_URL } from '../support/services.js';
import type { SeenMessage } from './fakeDiscord/FakeDiscord.js';
import { setUpDailyQuiz, startHarness, type Harness } from './harness.js';
import { buttonsOf, expectClean, expectPrivate, firstEmbed } from './seen.js';

interface YamlQuestion {
	readonly id: string;
	readonly options: readonly { readonly text: string; readonly correct?: boolean }[];
}

/**
 * A "Select TWO" question of the shipped bank as the only question, so the day's round is it:
 * posted with a menu that takes exactly two picks, scored all or nothing, revealed with both answers.
 */
describe('a multi-answer (Select TWO) question, end to end', () => {
	let content: string;
	let harness: Harness;
	let prisma: PrismaClient;
	let redis: Redis;
	let queue: Queue<QuizJobData>;
	let post: SeenMessage;
	let question: YamlQuestion;

	beforeAll(async () => {
		content = await mkdtemp(path.join(tmpdir(), 'studybot-multi-'));
		await symlink(path.join(CONTENT_DIR, 'notes'), path.join(content, 'notes'));
		await symlink(path.join(CONTENT_DIR, 'synonyms.json'), path.join(content, 'synonyms.json'));
		await mkdir(path.join(content, 'questions'));
		const shipped = parseYaml(await readFile(path.join(CONTENT_DIR, 'questions', 'messaging.yaml'), 'utf8')) as {
			topic: string;
			questions: YamlQuestion[];
		};
		const selectTwo = shipped.questions.find(
			(candidate) => candidate.options.filter((option) => option.correct === true).length === 2,
		);
		if (!selectTwo) {
			throw new Error('the shipped messaging questions have a Select TWO question');
		}
		question = selectTwo;
		await writeFile(
			path.join(content, 'questions', 'one.yaml'),
			stringify({ topic: shipped.topic, questions: [selectTwo] }),
		);
		harness = await startHarness({ env: { CONTENT_DIR: content } });
		prisma = createPrismaClient(harness.database.url);
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: harness.queuePrefix });
		await setUpDailyQuiz(harness.discord);
		await queue.add(QuizJob.post, { guildId: harness.discord.guild.id, scheduledFor: '2026-03-10T09:00:00Z' });
		const round = await eventually(
			() => prisma.quizRound.findFirst({ where: { messageId: { not: null } } }).then((found) => found ?? undefined),
			'the question to be posted',
		);
		post = await eventually(() => harness.discord.message(round.messageId ?? ''), 'the posted message');
	}, 60_000);

	afterAll(async () => {
		await queue.close();
		redis.disconnect();
		await prisma.$disconnect();
		await harness.stop();
		await rm(content, { recursive: true, force: true });
	});

	const menuOf = (message: SeenMessage) => {
		const menu = message.components
			.flatMap((row) => row.components)
			.find((component) => component.type === ComponentType.StringSelect);
		if (menu?.type !== ComponentType.StringSelect) {
			throw new Error('the question has a select menu');
		}
		return menu;
	};

	/** The shown positions (menu values) of the correct options, from the round's shuffle. */
	async function correctValues(): Promise<string[]> {
		const round = await prisma.quizRound.findFirstOrThrow({ where: { messageId: post.id } });
		const correct = question.options.flatMap((option, index) => (option.correct === true ? [index] : []));
		return round.optionOrder.flatMap((index, shown) => (correct.includes(index) ? [String(shown)] : []));
	}

	it('is posted with a menu that takes exactly two of its options, and no answer buttons', () => {
		expectClean(post);
		expect(firstEmbed(post).description).toMatch(/\(Select TWO\.\)\n\n\*\*A\.\*\* /u);
		const menu = menuOf(post);
		expect(menu).toMatchObject({ min_values: 2, max_values: 2 });
		expect(menu.options.map((option) => option.label)).toEqual(
			['A', 'B', 'C', 'D', 'E'].slice(0, question.options.length),
		);
		expect(
			post.components.flatMap((row) => row.components).filter((component) => component.type === ComponentType.Button),
		).toEqual([]);
	});

	it('counts both right picks as right, a right and a wrong pick as wrong, and says which were picked', async () => {
		const { discord } = harness;
		const right = await correctValues();
		const [ana, ben] = discord.addMembers(2);
		const correct = await discord.select(post, menuOf(post).custom_id, right, ana);
		expectPrivate(correct);
		expect(firstEmbed(correct).title).toMatch(/^✅ Correct! \+1[0-5] points$/u);
		const wrongValue =
			menuOf(post)
				.options.map((option) => option.value)
				.find((value) => !right.includes(value)) ?? '';
		const half = await discord.select(post, menuOf(post).custom_id, [right[0] ?? '', wrongValue], ben);
		expect(firstEmbed(half).title).toBe('❌ Not quite');
		expect(firstEmbed(half).description).toMatch(
			/^You picked \*\*[A-E]\.\*\* .*; \*\*[A-E]\.\*\* .*\.\nThe right answer is \*\*[A-E]\.\*\* .*; \*\*[A-E]\.\*\* /u,
		);
		// Every option is explained, the member's picks marked.
		const explained = (firstEmbed(half).fields ?? []).map((field) => field.value).join('\n');
		expect(explained.match(/^[✅❌] \*\*[A-E]\*\*/gmu)).toHaveLength(question.options.length);
		expect(explained.match(/\(your pick\)/gu)).toHaveLength(2);
		const stored = await prisma.quizAnswer.findMany({ orderBy: { id: 'asc' } });
		expect(stored.map((answer) => [answer.correct, answer.choices.length])).toEqual([
			[true, 2],
			[false, 2],
		]);
		expect(stored[1]?.points).toBe(0);
	});

	it('keeps the first answer of a member who submits again, and refuses forged picks, changing nothing', async () => {
		const { discord } = harness;
		const [member] = discord.addMembers(1);
		const right = await correctValues();
		const values = menuOf(post).options.map((option) => option.value);
		const wrong = values.filter((value) => !right.includes(value)).slice(0, 2);
		const first = await discord.select(post, menuOf(post).custom_id, wrong, member);
		expect(firstEmbed(first).title).toBe('❌ Not quite');
		const again = await discord.select(post, menuOf(post).custom_id, right, member);
		expectPrivate(again);
		expect(firstEmbed(again).description).toMatch(
			/^You already answered this question \(you picked .*\); your first answer counts\.$/u,
		);
		const before = await prisma.quizAnswer.count();
		for (const forged of [[right[0] ?? ''], [...right, wrong[0] ?? ''], ['9', '8'], ['x', 'y']]) {
			const refused = await discord.selectRaw(post, menuOf(post).custom_id, forged, discord.addMembers(1)[0]);
			expectPrivate(refused);
			expect(firstEmbed(refused).description).toMatch(
				/not one of this question’s options \(or not as many as it asks for\)/u,
			);
		}
		expect(await prisma.quizAnswer.count()).toBe(before);
		const member3 = await prisma.memberStats.findFirst({ where: { userId: member?.user.id ?? '' } });
		expect(member3).toMatchObject({ answers: 1, correct: 0, points: 0, currentStreak: 0 });
	});

	it('is revealed with both answers marked, how many picked each option and why each is or is not right', async () => {
		const { discord } = harness;
		const round = await prisma.quizRound.findFirstOrThrow({ where: { messageId: post.id } });
		await (await queue.getJob(closeJobId(round.id)))?.promote();
		const closed = await eventually(() => {
			const message = discord.message(post.id);
			return message && firstEmbed(message).title === '📚 Question of the day (closed)' ? message : undefined;
		}, 'the reveal');
		expectClean(closed);
		const fields = firstEmbed(closed).fields ?? [];
		expect(fields.find((field) => field.name === 'Answers')?.value.match(/\*\*[A-E]\.\*\*/gu)).toHaveLength(2);
		expect(
			fields
				.filter((field) => field.name.startsWith('Each option'))
				.map((field) => field.value)
				.join('\n')
				.match(/^[✅❌]/gmu),
		).toHaveLength(question.options.length);
		// The menu is gone; disabled buttons mark the two answers green.
		expect(
			closed.components.flatMap((row) => row.components).every((component) => component.type === ComponentType.Button),
		).toBe(true);
		const right = await correctValues();
		const green = buttonsOf(closed).filter((_, shown) => right.includes(String(shown)));
		expect(green).toHaveLength(2);
		expect(buttonsOf(closed).every((entry) => entry.disabled)).toBe(true);
		expect(fields.find((field) => field.name === 'Results')?.value).toBe('3 members answered; 33% got it right.');
	});
});
