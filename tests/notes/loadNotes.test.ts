import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/loadNotes.js';
import { MAX_PASSAGE_LENGTH } from '../../src/notes/passages.js';
import { MAX_SECTION_ID_LENGTH } from '../../src/notes/types.js';
import { CONTENT_DIR, shippedNotes } from '../support/library.js';

/** The notes the project was given, as given: our own notes are the supplements beside them. */
const SHIPPED_NOTES: Readonly<Record<string, string>> = {
	'architecture-and-services-notes.md': 'af8072de254cded167c2c85c3cf0a53fc8fd00535f95b76ed932ce7b9353b71f',
	'aws-quick-notes.txt': '54dc052df7699161cb79a0ca32e91082b6cd6d429d3b9bd48fd443594803db27',
	'aws-services-deep-dive.md': 'c6d952bad6f9e2236d73905995642b9317650a4d2faeb5188b24512e97407367',
	'databases-vpc-well-architected.txt': 'd4cf5256a07a066e93eb04d06b92bd73b769bbf084e9c791a5b4804d465be684',
	'saa-course-onenote.md': 'f721cae95784e9fe603ae18b6e2137c8e0f3293f657021d395d862957de7e749',
};
const SUPPLEMENTS = ['saa-supplement-cost.md', 'saa-supplement-resilience.md', 'saa-supplement-security.md'];

describe('loadNotes with malformed files', () => {
	let folder: string;

	beforeAll(async () => {
		folder = await mkdtemp(path.join(os.tmpdir(), 'studybot-notes-'));
		await mkdir(path.join(folder, 'nested'));
		await writeFile(path.join(folder, 'good.md'), '# VPC\nA virtual network.\n');
		await writeFile(
			path.join(folder, 'nested', 'more.txt'),
			'Subnets\nA subnet lives in one AZ.\nIt has a CIDR range.\n',
		);
		await writeFile(path.join(folder, 'empty.md'), '  \n\n');
		await writeFile(path.join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
		await writeFile(path.join(folder, 'latin1.txt'), Buffer.from('Caf\xe9 notes\n', 'latin1'));
		await writeFile(path.join(folder, 'headings-only.md'), '# One\n## Two\n');
		await writeFile(path.join(folder, 'ignored.pdf'), 'not a note');
		await mkdir(path.join(folder, 'folder.md'));
		await symlink(path.join(folder, 'missing-target.md'), path.join(folder, 'broken-link.md'));
	});

	afterAll(async () => {
		await rm(folder, { recursive: true, force: true });
	});

	it('loads the good files, recursively, and reports each bad one with its path', async () => {
		const library = await loadNotes(folder);
		expect(library.files).toEqual(['good.md', 'nested/more.txt']);
		expect(library.sections.map((section) => section.id)).toEqual(['good.vpc', 'nested-more.subnets']);
		const reasons = Object.fromEntries(
			library.problems.map((problem) => [path.relative(folder, problem.path), problem.reason]),
		);
		expect(reasons).toEqual({
			'binary.md': 'is a binary file, not text',
			'broken-link.md': 'cannot be read: the file is missing (a broken link?)',
			'empty.md': 'is empty',
			'headings-only.md': 'has no section with any text',
			'latin1.txt': 'is not valid UTF-8 text (save it as UTF-8)',
		});
	});

	it('reports a notes folder that does not exist', async () => {
		const missing = path.join(folder, 'nope');
		const library = await loadNotes(missing);
		expect(library.sections).toEqual([]);
		expect(library.problems).toEqual([
			{ path: missing, reason: 'cannot be read: the file is missing (a broken link?)' },
		]);
	});
});

describe('the shipped notes', () => {
	it('load the five shipped files and the three supplements without a problem', async () => {
		const { library } = await shippedNotes();
		expect(library.problems).toEqual([]);
		expect(library.files).toEqual([...Object.keys(SHIPPED_NOTES), ...SUPPLEMENTS].sort());
		expect(library.sections.length).toBeGreaterThan(500);
	});

	it('keep the five shipped files byte for byte as they were given (SHA-256 of the originals)', async () => {
		for (const [file, sha256] of Object.entries(SHIPPED_NOTES)) {
			const bytes = await readFile(path.join(CONTENT_DIR, 'notes', file));
			expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sha256);
		}
	});

	it('have unique, short ids and no empty section or oversized passage', async () => {
		const { library } = await shippedNotes();
		const ids = library.sections.map((section) => section.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const section of library.sections) {
			expect(section.id.length).toBeLessThanOrEqual(MAX_SECTION_ID_LENGTH);
			expect(section.title.trim()).not.toBe('');
			expect(section.body).toMatch(/[\p{L}\p{N}]/u);
			expect(section.passages.length).toBeGreaterThan(0);
			for (const passage of section.passages) {
				expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
			}
		}
	});

	it('keep no OneNote glyph bullets', async () => {
		const { library } = await shippedNotes();
		const withGlyphs = library.sections.filter((section) => /^\s*[•○§□]/mu.test(section.body));
		expect(withGlyphs.map((section) => section.id)).toEqual([]);
	});
});
