import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../support/library.js';
import { studybot, studybotWith } from './studybot.js';

describe('studybot questions (npm run questions:report)', () => {
	const folders: string[] = [];
	afterAll(async () => {
		await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
	});

	it('prints the spread of the shipped bank and exits 0 when it meets every goal', async () => {
		const { stdout, code } = await studybot('questions');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Question bank: \d{3} questions$/mu);
		expect(stdout).toMatch(/^VPC and networking\s+\d+\s+\d+\.\d%$/mu);
		expect(stdout).toMatch(/^saa-course-onenote\.md\s+\d+\s+\d+\.\d%$/mu);
		expect(stdout).toMatch(/^hard\s+\d+\s+\d+\.\d%$/mu);
		expect(stdout).toMatch(/^Scenario questions: \d+ of \d+ \(\d+\.\d%\)$/mu);
		expect(stdout).toMatch(/^Problems: none$/mu);
		expect(stdout).toMatch(/^Near duplicates: none$/mu);
		expect(stdout).toMatch(/^Spread goals: met/mu);
	});

	it('names the broken file and entry, the near duplicates and the missed goals, and exits 1', async () => {
		const content = await mkdtemp(path.join(tmpdir(), 'studybot-bank-'));
		folders.push(content);
		await symlink(path.join(CONTENT_DIR, 'notes'), path.join(content, 'notes'));
		await cp(path.join(CONTENT_DIR, 'questions', 'messaging.yaml'), path.join(content, 'questions', 'messaging.yaml'));
		await writeFile(
			path.join(content, 'questions', 'copy.yaml'),
			[
				'topic: Messaging and streaming',
				'questions:',
				'  - id: sqs-fifo-ordering-again',
				'    difficulty: easy',
				'    prompt: An order system must process each message exactly once, in the order sent. Which queue fits?',
				'    options:',
				'      - text: An SQS FIFO queue',
				'        correct: true',
				'      - text: An SQS standard queue',
				'      - text: An SNS topic',
				'    explanation: FIFO queues keep order and remove duplicates.',
				'    section: aws-services-deep-dive.amazon-sqs-fifo-queue',
				'    evidence: Messages are processed in order by the consumer',
				'  - id: cites-nothing',
				'    difficulty: easy',
				'    prompt: Which queue type keeps messages in order?',
				'    options:',
				'      - text: FIFO',
				'        correct: true',
				'      - text: Standard',
				'      - text: Delay',
				'    explanation: FIFO queues keep the order of messages.',
				'    section: aws-services-deep-dive.no-such-section',
				'    evidence: in order',
				'',
			].join('\n'),
		);
		const { stdout, code } = await studybotWith({ CONTENT_DIR: content }, 'questions');
		expect(code).toBe(1);
		expect(stdout).toMatch(
			/^ {2}- copy\.yaml \(cites-nothing\): cites section "aws-services-deep-dive\.no-such-section", which is not in the notes$/mu,
		);
		expect(stdout).toMatch(
			/^ {2}- sqs-fifo-ordering-again and sqs-fifo-ordering: same answer, \d+\.\d% of prompt words shared$/mu,
		);
		expect(stdout).toMatch(/^ {2}- the bank has 20 questions, fewer than 250$/mu);
		expect(stdout).toMatch(/^ {2}- no question has the topic "IAM"$/mu);
	});
});
