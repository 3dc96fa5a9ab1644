import path from 'node:path';
import {
	cleanTitle,
	firstClause,
	isShortTitleLine,
	isUnderline,
	matchMarkdownHeading,
	matchPlainHeading,
	type HeadingMatch,
} from './headings.js';
import { isLaidOutLine, normaliseProseLine, normaliseVerbatimLine } from './normaliseLine.js';
import { splitPassages } from './passages.js';
import { slugify } from './slug.js';
import { MAX_SECTION_ID_LENGTH, type NoteSection } from './types.js';

type NoteFormat = 'markdown' | 'plain';

interface DraftSection {
	readonly level: number;
	readonly title: string | undefined;
	readonly lines: string[];
}

const FENCE = /^(\s*)(```|~~~)\s*([\w+-]*)\s*$/u;
const FILE_SLUG_LENGTH = 30;
const TITLE_SLUG_LENGTH = MAX_SECTION_ID_LENGTH - FILE_SLUG_LENGTH - 4;

/** Words that read better in capitals in a file title. */
const TITLE_ACRONYMS = new Set([
	'aws',
	'saa',
	'vpc',
	'ec2',
	'ebs',
	'elb',
	'rds',
	'iam',
	's3',
	'dns',
	'sqs',
	'sns',
	'efs',
]);

export function titleFromFileName(file: string): string {
	const stem = path.basename(file, path.extname(file));
	const words = stem.split(/[-_\s]+/u).filter((word) => word.length > 0);
	const title = words
		.map((word, index) => {
			if (TITLE_ACRONYMS.has(word.toLowerCase())) {
				return word.toUpperCase();
			}
			return index === 0 ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word;
		})
		.join(' ');
	return title === '' ? stem : title;
}

function formatOf(file: string): NoteFormat {
	return /\.(?:md|markdown)$/iu.test(file) ? 'markdown' : 'plain';
}

/** Looks past a candidate title line: a real title has a body of its own under it. */
function hasBodyAfter(lines: readonly string[], index: number): boolean {
	let count = 0;
	let characters = 0;
	for (let next = index + 1; next < lines.length; next += 1) {
		const line = lines[next] ?? '';
		if (line.trim() === '') {
			continue;
		}
		if (!isLaidOutLine(line) && (isUnderline(line) || matchPlainHeading(line, false) || isShortTitleLine(line))) {
			break;
		}
		count += 1;
		characters += line.trim().length;
		if (count >= 2 || characters >= 80) {
			return true;
		}
	}
	return false;
}

class SectionBuilder {
	public readonly drafts: DraftSection[] = [{ level: 0, title: undefined, lines: [] }];
	private drawing = false;

	public get current(): DraftSection {
		return this.drafts.at(-1) ?? { level: 0, title: undefined, lines: [] };
	}

	/** True until the file has a heading other than a numbered topic. */
	public inNumberedTopics = true;

	public startSection(heading: HeadingMatch): void {
		this.endDrawing();
		this.inNumberedTopics &&= heading.numbered === true;
		this.drafts.push({ level: heading.level, title: heading.title, lines: [] });
		if (heading.rest !== undefined && heading.rest.trim() !== '') {
			this.addProse(heading.rest);
		}
	}

	public addProse(raw: string): void {
		if (isLaidOutLine(raw)) {
			if (!this.drawing) {
				this.current.lines.push('```');
				this.drawing = true;
			}
			this.current.lines.push(normaliseVerbatimLine(raw));
			return;
		}
		if (this.drawing && raw.trim() === '') {
			this.current.lines.push('');
			return;
		}
		this.endDrawing();
		this.current.lines.push(normaliseProseLine(raw));
	}

	public addVerbatim(line: string): void {
		this.current.lines.push(line);
	}

	/** Takes back the last prose line when an underline turns it into a heading. */
	public takeLastLine(): string | undefined {
		if (this.drawing) {
			return undefined;
		}
		const { lines } = this.current;
		const last = lines.at(-1);
		if (last === undefined || last.trim() === '') {
			return undefined;
		}
		lines.pop();
		return last;
	}

	public endDrawing(): void {
		if (!this.drawing) {
			return;
		}
		const { lines } = this.current;
		while (lines.at(-1)?.trim() === '') {
			lines.pop();
		}
		lines.push('```');
		this.drawing = false;
	}
}

function readDrafts(text: string, format: NoteFormat): DraftSection[] {
	const lines = text.replace(/^\uFEFF/u, '').split(/\r\n?|\n/u);
	const builder = new SectionBuilder();
	let fenceIndent: number | undefined;

	for (const [index, line] of lines.entries()) {
		const fence = FENCE.exec(line);
		if (fenceIndent !== undefined) {
			if (fence && (fence[2] === '```' || fence[2] === '~~~')) {
				builder.addVerbatim('```');
				fenceIndent = undefined;
			} else {
				builder.addVerbatim(
					normaliseVerbatimLine(line.slice(Math.min(fenceIndent, /^\s*/u.exec(line)?.[0].length ?? 0))),
				);
			}
			continue;
		}
		if (fence) {
			builder.endDrawing();
			builder.addVerbatim(`\`\`\`${fence[3] ?? ''}`);
			fenceIndent = fence[1]?.length ?? 0;
			continue;
		}

		const underline = isUnderline(line);
		if (underline) {
			const previousRaw = lines[index - 1] ?? '';
			const headingAbove = format === 'markdown' ? matchMarkdownHeading(previousRaw) : undefined;
			const title = previousRaw.trim() === '' || headingAbove ? undefined : builder.takeLastLine();
			if (title !== undefined && cleanTitle(title) !== '') {
				builder.startSection({ level: format === 'markdown' && underline === '-' ? 2 : 1, title: cleanTitle(title) });
			}
			continue;
		}

		const nextIsUnderline = isUnderline(lines[index + 1] ?? '') !== undefined;
		if (format === 'markdown') {
			const heading = matchMarkdownHeading(line);
			if (heading) {
				builder.startSection(heading);
				continue;
			}
		} else if (!nextIsUnderline && !isLaidOutLine(line)) {
			const heading =
				matchPlainHeading(line, builder.inNumberedTopics) ??
				(isShortTitleLine(line) && hasBodyAfter(lines, index) ? { level: 2, title: cleanTitle(line) } : undefined);
			if (heading) {
				builder.startSection(heading);
				continue;
			}
		}
		builder.addProse(line);
	}
	if (fenceIndent !== undefined) {
		builder.addVerbatim('```');
	}
	builder.endDrawing();
	return builder.drafts;
}

function tidyBody(lines: readonly string[]): string {
	const tidied: string[] = [];
	for (const line of lines) {
		if (line.trim() === '' && (tidied.length === 0 || tidied.at(-1) === '')) {
			continue;
		}
		tidied.push(line.trim() === '' ? '' : line);
	}
	while (tidied.at(-1) === '') {
		tidied.pop();
	}
	return tidied.join('\n');
}

function hasText(body: string): boolean {
	return /[\p{L}\p{N}]/u.test(body.replace(/^```.*$/gmu, ''));
}

/**
 * Parses one note file into sections. Ids depend only on the file name and the headings,
 * so editing one section never renames another.
 */
export function parseNoteFile(file: string, text: string): NoteSection[] {
	const fileTitle = titleFromFileName(file);
	const fileSlug = slugify(file.slice(0, file.length - path.extname(file).length), FILE_SLUG_LENGTH) || 'notes';
	const format = formatOf(file);
	const stack: { level: number; title: string }[] = [];
	const usedIds = new Set<string>();
	const sections: NoteSection[] = [];

	for (const draft of readDrafts(text, format)) {
		const body = tidyBody(draft.lines);
		const title = draft.title ?? (firstClause(body.split('\n')[0] ?? '') || fileTitle);
		while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= draft.level) {
			stack.pop();
		}
		const parent = stack.at(-1);
		if (draft.title !== undefined) {
			stack.push({ level: draft.level, title });
		}
		if (!hasText(body)) {
			continue;
		}
		const id = uniqueId(fileSlug, title, parent?.title, usedIds);
		const breadcrumb = [fileTitle, ...stack.map((entry) => entry.title)];
		if (draft.title === undefined) {
			breadcrumb.push(title);
		}
		sections.push({ id, file, title, breadcrumb, body, passages: splitPassages(id, body) });
	}
	return sections;
}

function uniqueId(fileSlug: string, title: string, parentTitle: string | undefined, used: Set<string>): string {
	const candidates = [slugify(title, TITLE_SLUG_LENGTH) || 'section'];
	if (parentTitle !== undefined) {
		candidates.push(slugify(`${parentTitle} ${title}`, TITLE_SLUG_LENGTH));
	}
	for (const candidate of candidates) {
		const id = `${fileSlug}.${candidate}`;
		if (!used.has(id)) {
			used.add(id);
			return id;
		}
	}
	for (let suffix = 2; ; suffix += 1) {
		const id = `${fileSlug}.${candidates[0] ?? 'section'}-${suffix}`;
		if (!used.has(id)) {
			used.add(id);
			return id;
		}
	}
}
