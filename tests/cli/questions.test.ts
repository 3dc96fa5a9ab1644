import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
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
		expect(stdout).toMatch(/^Goals: met/mu);
		expect(stdout).toMatch(/^secure\s+\d+\.\d%\s+30\.0%$/mu);
		expect(stdout).toMatch(/^Multi-answer \(Select TWO\/THREE\): \d+ \(\d+\.\d%; goal at least 10%\)$/mu);
		expect(stdout).toMatch(
			/^ {2}correct option strictly the longest: \d+\.\d% of single-answer items \(at most 30%\)$/mu,
		);
		expect(stdout).toMatch(/^Exam topics with no question: none$/mu);
	});

	it('names the broken file and entry, the near duplicates and the missed goals, and exits 1', async () => {
		const content = await mkdtemp(path.join(tmpdir(), 'studybot-bank-'));
		folders.push(content);
		await symlink(path.join(CONTENT_DIR, 'notes'), path.join(content, 'notes'));
		await cp(path.join(CONTENT_DIR, 'exam-topics.yaml'), path.join(content, 'exam-topics.yaml'));
		await cp(path.join(CONTENT_DIR, 'questions', 'messaging.yaml'), path.join(content, 'questions', 'messaging.yaml'));
		// A near copy of a shipped question (same answer, same prompt but one word), and one citing nothing.
		const shipped = parseYaml(await readFile(path.join(CONTENT_DIR, 'questions', 'messaging.yaml'), 'utf8')) as {
			questions: { id: string; prompt: string; section: string }[];
		};
		const [original] = shipped.questions;
		if (!original) {
			throw new Error('messaging.yaml has questions');
		}
		await writeFile(
			path.join(content, 'questions', 'copy.yaml'),
			stringify({
				topic: 'Messaging and streaming',
				questions: [
					{ ...original, id: 'near-copy', prompt: original.prompt.replace('A ', 'One ') },
					{ ...original, id: 'cites-nothing', section: 'aws-services-deep-dive.no-such-section' },
				],
			}),
		);
		const copied = original.id;
		const { stdout, code } = await studybotWith({ CONTENT_DIR: content }, 'questions');
		expect(code).toBe(1);
		expect(stdout).toMatch(
			/^ {2}- copy\.yaml \(cites-nothing\): cites section "aws-services-deep-dive\.no-such-section", which is not in the notes$/mu,
		);
		expect(stdout).toMatch(
			new RegExp(`^ {2}- near-copy and ${copied}: same answer, \\d+\\.\\d% of prompt words shared$`, 'mu'),
		);
		expect(stdout).toMatch(/^ {2}- the bank has \d+ questions, fewer than 450$/mu);
		expect(stdout).toMatch(/^ {2}- no question has the topic "IAM"$/mu);
	});
});
