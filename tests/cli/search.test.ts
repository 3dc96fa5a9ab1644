import { describe, expect, it } from 'vitest';
import type { SearchJson } from '../../src/cli/searchCommand.js';
import { CLI_RESULTS } from '../../src/cli/searchCommand.js';
import { studybot, studybotWith } from './studybot.js';

describe('studybot search (terminal)', () => {
	it('prints one JSON object with the top 10 results in rank order and their full passage text', async () => {
		const { stdout, code } = await studybot('search', '--json', 'vpc', 'peering');
		expect(code).toBe(0);
		const json = JSON.parse(stdout) as SearchJson;
		expect(Object.keys(json)).toEqual(['query', 'results']);
		expect(json.query).toBe('vpc peering');
		expect(json.results).toHaveLength(CLI_RESULTS);
		const scores = json.results.map((result) => result.score);
		expect(scores).toEqual([...scores].sort((left, right) => right - left));
		for (const result of json.results) {
			expect(Object.keys(result)).toEqual(['id', 'title', 'breadcrumb', 'score', 'text']);
			expect(result.text.length).toBeGreaterThan(0);
		}
		expect(json.results[0]?.title).toMatch(/VPC Peering/iu);
		expect(json.results[0]?.breadcrumb).toMatch(/ › VPC Peering$/iu);
	});

	it('prints results for a person, with titles, ids and snippets', async () => {
		const { stdout, code } = await studybot('search', 'nat gateway');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^ 1\. .*NAT.*\[[a-z0-9-]+\.[a-z0-9-]+\] {2}score \d+\.\d/mu);
	});

	it('explains a bad query and exits with 2', async () => {
		const plain = await studybot('search', '   ');
		expect(plain.code).toBe(2);
		expect(plain.stdout).toMatch(/query is empty/u);
		const json = await studybot('search', '--json', '???');
		expect(json.code).toBe(2);
		expect(JSON.parse(json.stdout)).toMatchObject({
			query: '???',
			results: [],
			error: expect.stringMatching(/no words/u) as unknown,
		});
	});

	it('names a missing Discord token when asked to run the bot', async () => {
		const { stderr, code } = await studybot('bot');
		expect(code).toBe(1);
		expect(stderr).toMatch(/DISCORD_TOKEN is required/u);
	});

	it('stops at once, naming every missing or invalid setting, before touching anything', async () => {
		const { stderr, code } = await studybotWith(
			{ DISCORD_TOKEN: 'x'.repeat(60), DATABASE_URL: '', REDIS_URL: 'localhost:6379' },
			'worker',
		);
		expect(code).toBe(1);
		expect(stderr).toMatch(/^Invalid configuration:$/mu);
		expect(stderr).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/u);
		expect(stderr).not.toMatch(/x{10}/u);
	});

	it('names the content folder when it holds no notes, before connecting to the database', async () => {
		const { stderr, code } = await studybotWith(
			{
				DISCORD_TOKEN: 'x'.repeat(60),
				// Nothing listens here: start-up must stop on the content before it tries the database.
				DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
				CONTENT_DIR: 'no-such-folder',
			},
			'all',
		);
		expect(code).toBe(1);
		expect(stderr).toMatch(/No notes could be loaded from .*no-such-folder\/notes/u);
		expect(stderr).toMatch(/CONTENT_DIR must name the folder that holds notes\//u);
		expect(stderr).not.toMatch(/ECONNREFUSED|at async/u);
	});
});
