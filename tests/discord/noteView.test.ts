import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/customId.js';
import { paginateNote, pageOfPassage, renderNotePage, renderSharedNote } from '../../src/discord/render/noteView.js';
import { escapeText, renderNoteText } from '../../src/discord/render/escape.js';
import { shippedNotes } from '../support/library.js';
import { expectSendable } from './assertions.js';

describe('renderNotePage', () => {
	it('renders every page of every shipped section within Discord limits, privately', async () => {
		const { index } = await shippedNotes();
		for (const section of index.sections) {
			const pages = paginateNote(section.body);
			for (let page = 0; page < pages.length; page += 1) {
				const message = renderNotePage(section, page);
				expectSendable(message);
				expect(message.ephemeral).toBe(true);
				expect(message.embeds[0]?.description).toBe(pages[page]);
			}
		}
	});

	it('shows the breadcrumb, title, page and id, with paging and share buttons', async () => {
		const { index } = await shippedNotes();
		const section = index.sections.find((candidate) => paginateNote(candidate.body).length > 1);
		if (!section) {
			throw new Error('expected a section longer than one page');
		}
		const pageCount = paginateNote(section.body).length;
		const message = renderNotePage(section, 1);
		const [embed] = message.embeds;
		expect(embed?.author?.name).toBe(section.breadcrumb.slice(0, -1).join(' › '));
		expect(embed?.footer?.text).toBe(`Page 2/${String(pageCount)}`);
		expect(embed?.title).toBe(`${escapeText(section.title)} (continued)`);
		expect(JSON.stringify(message.embeds)).not.toContain(section.id);
		expect(message.components[0]?.components.map((component) => component.disabled)).toEqual([
			false,
			pageCount === 2,
			false,
		]);
		expect(message.components[0]?.components.map((component) => decodeCustomId(component.custom_id))).toEqual([
			{ feature: 'note', action: 'page', sectionId: section.id, page: 0 },
			{ feature: 'note', action: 'page', sectionId: section.id, page: Math.min(2, pageCount - 1) },
			{ feature: 'note', action: 'share', sectionId: section.id, page: 1 },
		]);
	});

	it('shares a page publicly, naming who shared it without pinging them', async () => {
		const { index } = await shippedNotes();
		const section = index.sections[0];
		if (!section) {
			throw new Error('no sections');
		}
		const message = renderSharedNote(section, 0, '123456789012345678');
		expect(message.ephemeral).toBe(false);
		expect(message.content).toBe('📣 Shared by <@123456789012345678>');
		expect(message.components).toEqual([]);
		expect(message.embeds[0]?.title).toBeDefined();
	});
});

describe('paginateNote', () => {
	it('keeps every line, in order, and closes and reopens a code block cut by a page break', () => {
		const code = Array.from({ length: 400 }, (_, line) => `line ${line} of a long listing`).join('\n');
		const body = `Intro text\n\`\`\`\n${code}\n\`\`\`\nAfter the code`;
		const pages = paginateNote(body);
		expect(pages.length).toBeGreaterThan(1);
		for (const page of pages) {
			expect(page.length).toBeLessThanOrEqual(4096);
			expect((page.match(/^```/gmu) ?? []).length % 2).toBe(0);
		}
		const kept = (text: string) => text.split('\n').filter((line) => !line.startsWith('```') && line.trim() !== '');
		expect(kept(pages.join('\n'))).toEqual(kept(renderNoteText(body)));
	});

	it('starts a page at a block, never in the middle of a nested list', () => {
		const block = (n: number) =>
			[
				`- Topic ${n}: ${'words '.repeat(30)}`,
				...Array.from({ length: 6 }, (_, i) => `  - detail ${n}.${i} ${'more '.repeat(20)}`),
			].join('\n');
		const body = Array.from({ length: 12 }, (_, n) => block(n)).join('\n');
		const pages = paginateNote(body);
		expect(pages.length).toBeGreaterThan(1);
		for (const page of pages.slice(1)) {
			expect(page.split('\n')[0]).toMatch(/^- Topic \d+:/u);
		}
		for (const page of pages) {
			expect(page.length).toBeLessThanOrEqual(4096);
		}
		const kept = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
		expect(kept(pages.join('\n'))).toEqual(kept(renderNoteText(body)));
	});

	it('starts every later page of every shipped section at a block, or at the shallowest bullet of a block longer than a page', async () => {
		const { index } = await shippedNotes();
		const depth = (line: string) => /^\s*/u.exec(line)?.[0].length ?? 0;
		let later = 0;
		for (const section of index.sections) {
			const pages = paginateNote(section.body);
			for (const [number, page] of pages.entries()) {
				if (number === 0) {
					continue;
				}
				later += 1;
				const first = page.split('\n')[0] ?? '';
				// A page is cut only once it is half full (about 2,000 characters): past that point, no line
				// of the page before was shallower than the line this one starts with.
				let filled = 0;
				const secondHalf = (pages[number - 1] ?? '').split('\n').filter((line) => {
					filled += line.length + 1;
					return filled - line.length - 1 >= 2_000 && !line.startsWith('```');
				});
				expect(
					secondHalf.every((line) => line.trim() === '' || depth(line) >= depth(first)),
					`${section.id} page ${String(number + 1)}`,
				).toBe(true);
			}
		}
		expect(later).toBeGreaterThan(0);
	});
});

describe('pageOfPassage', () => {
	it('opens every result on the page where its passage starts', async () => {
		const { index } = await shippedNotes();
		let laterPages = 0;
		for (const section of index.sections) {
			const pages = paginateNote(section.body);
			for (const passage of section.passages) {
				const page = pageOfPassage(section, passage.index);
				const firstLine = passage.text.split('\n').find((line) => line.trim() !== '') ?? '';
				expect(pages[page]).toContain(renderNoteText(firstLine).trim());
				laterPages += page > 0 ? 1 : 0;
			}
		}
		expect(laterPages).toBeGreaterThan(0);
	});
});
