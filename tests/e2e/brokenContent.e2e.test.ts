import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app/startApp.js';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { eventually } from '../support/eventually.js';
import { CONTENT_DIR } from '../support/library.js';
import { createTestDatabase, createTestPrefix, type TestDatabase } from '../support/services.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { startAppAgainst, TestClock, setUpDailyQuiz } from './harness.js';
import { button, expectClean, expectPrivate, firstEmbed } from './seen.js';

const VALID_QUESTION = `topic: Messaging and streaming
questions:
  - id: only-valid-question
    domain: resilient
    difficulty: easy
    reviewed: 2026-12-01
    prompt: "@everyone <@&123456789012345678> which queue type keeps the order of messages?"
    options:
      - text: SQS FIFO
        correct: true
        why: A FIFO queue delivers messages in the order they were sent.
      - text: SQS standard
        why: A standard queue gives best-effort ordering only.
      - text: SNS standard topic
        why: A standard topic does not keep the order of messages.
    explanation: FIFO queues keep the order in which messages were sent.
    section: aws-services-deep-dive.amazon-sqs-fifo-queue
    evidence: Messages are processed in order by the consumer
  - id: cites-a-missing-section
    domain: resilient
    difficulty: easy
    reviewed: 2026-12-01
    prompt: Which queue type is the oldest?
    options:
      - text: Standard
        correct: true
        why: Standard queues came first, in 2006.
      - text: FIFO
        why: FIFO queues came a decade later.
      - text: Delay
        why: A delay queue is a standard queue setting.
    explanation: Standard queues came first.
    section: aws-services-deep-dive.no-such-section
    evidence: Oldest offering
`;

describe('broken or hostile content: start-up names every broken file and entry, nothing pings, the rest runs', () => {
	const discord = new FakeDiscord();
	const clock = new TestClock();
	const logLines: string[] = [];
	let content: string;
	let database: TestDatabase;
	let prefix: ReturnType<typeof createTestPrefix>;
	let prisma: PrismaClient;
	let app: RunningApp;

	beforeAll(async () => {
		content = await mkdtemp(path.join(tmpdir(), 'studybot-broken-'));
		await cp(path.join(CONTENT_DIR, 'notes'), path.join(content, 'notes'), { recursive: true });
		await cp(path.join(CONTENT_DIR, 'synonyms.json'), path.join(content, 'synonyms.json'));
		// Latin-1 bytes that are not UTF-8.
		await writeFile(
			path.join(content, 'notes', 'latin1-notes.md'),
			Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
		);
		await writeFile(
			path.join(content, 'notes', 'mentions.md'),
			'# Ping test\n\nWatch out: @everyone, @here, <@&123456789012345678> and <@123456789012345678> must never ping.\n',
		);
		await mkdir(path.join(content, 'questions'));
		await writeFile(path.join(content, 'questions', 'messaging.yaml'), VALID_QUESTION);
		await writeFile(path.join(content, 'questions', 'broken.yaml'), 'topic: S3\nquestions:\n  - id: [unclosed\n');
		await discord.start();
		database = await createTestDatabase();
		prefix = createTestPrefix();
		prisma = createPrismaClient(database.url);
		const sink = new Writable({
			write(chunk: Buffer, _encoding, done) {
				logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
				done();
			},
		});
		app = await startAppAgainst(discord, database, prefix.prefix, clock, {
			env: { CONTENT_DIR: content },
			logger: pino({ level: 'info' }, sink),
		});
	}, 60_000);

	afterAll(async () => {
		await app.stop();
		await discord.stop();
		await prisma.$disconnect();
		await prefix.clear();
		await database.drop();
		await rm(content, { recursive: true, force: true });
	});

	const messages = () => logLines.map((line) => (JSON.parse(line) as { msg: string }).msg);

	it('tells a newcomer, once connected, how to register the commands and invite the bot when none is registered', async () => {
		const hint = await eventually(
			() => messages().find((message) => message.startsWith('No slash commands are registered yet')),
			'the registration hint',
		);
		expect(hint).toBe(
			`No slash commands are registered yet: run \`npm run commands:register\` (studybot commands), then invite the bot with https://discord.com/oauth2/authorize?client_id=${discord.application.id}&scope=bot+applications.commands&permissions=84992`,
		);
	});

	it('logs the note file that is not UTF-8, the question file that is not YAML, and the entry citing a missing section', () => {
		expect(messages()).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^note skipped: \S*\/notes\/latin1-notes\.md is not valid UTF-8 text/u),
				expect.stringMatching(/^question skipped: broken\.yaml is not valid YAML at line \d+/u),
				expect.stringMatching(
					/^question skipped: messaging\.yaml \(cites-a-missing-section\) cites section "aws-services-deep-dive\.no-such-section"/u,
				),
			]),
		);
		expect(messages()).toContainEqual(expect.stringMatching(/^content loaded$/u));
	});

	it('still searches the good notes and posts only the valid question', async () => {
		const search = await discord.command({ name: 'search', options: { query: 'sqs fifo' } });
		expectPrivate(search);
		expect(firstEmbed(search).fields?.length).toBeGreaterThan(0);
		const manager = discord.memberNamed('manager');
		await setUpDailyQuiz(discord);
		await discord.command({ name: 'quiz', subcommand: 'post-now', member: manager });
		const round = await eventually(
			() => prisma.quizRound.findFirst({ where: { messageId: { not: null } } }).then((found) => found ?? undefined),
			'a question to be posted',
		);
		expect(round.questionId).toBe('only-valid-question');
		const posted = await eventually(() => discord.message(round.messageId ?? ''), 'the posted message');
		expectClean(posted);
		expect(firstEmbed(posted).description).toContain('@\u200beveryone');
	});

	it('shows and shares a note whose text carries mentions without pinging anyone', async () => {
		const opened = await discord.command({ name: 'note', options: { topic: 'Ping test' } });
		expectPrivate(opened);
		expect(firstEmbed(opened).description).toContain('@\u200beveryone');
		const shared = await discord.click(opened, button(opened, 'Share in channel'));
		expect(shared.ephemeral).toBe(false);
		expectClean(shared);
	});
});
