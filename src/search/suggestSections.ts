import type { NoteSection } from '../notes/types.js';
import { cleanQuery } from './query.js';
import type { SearchIndex } from './searchIndex.js';

/** Discord shows at most 25 autocomplete choices. */
export const MAX_SUGGESTIONS = 25;

function words(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length > 0);
}

/** A section's title and breadcrumb as typed text is compared with them. */
interface TitleKey {
	readonly section: NoteSection;
	readonly title: string;
	readonly titleWords: readonly string[];
	readonly breadcrumb: string;
}

/** Title keys per index, made on the first keystroke rather than on every one. */
const titleKeys = new WeakMap<SearchIndex, readonly TitleKey[]>();

function titleKeysOf(index: SearchIndex): readonly TitleKey[] {
	let keys = titleKeys.get(index);
	if (!keys) {
		keys = index.sections.map((section) => ({
			section,
			title: section.title.toLowerCase(),
			titleWords: words(section.title),
			breadcrumb: section.breadcrumb.join(' ').toLowerCase(),
		}));
		titleKeys.set(index, keys);
	}
	return keys;
}

/** How well a title answers what has been typed so far: lower is better, undefined is no match. */
function titleTier(key: TitleKey, typed: string, typedWords: readonly string[]): number | undefined {
	const { title, titleWords } = key;
	if (title === typed) {
		return 0;
	}
	if (title.startsWith(typed)) {
		return 1;
	}
	if (typedWords.length > 0 && typedWords.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)))) {
		return 2;
	}
	if (title.includes(typed)) {
		return 3;
	}
	if (key.breadcrumb.includes(typed)) {
		return 4;
	}
	return undefined;
}

/**
 * With nothing typed yet: the top-level topics of every note file, taken in turn. A file's top
 * level is its shallowest headings (a file with one `#` title has its topics under it).
 */
function pinnedSections(sections: readonly NoteSection[], limit: number): NoteSection[] {
	const byFile = new Map<string, NoteSection[]>();
	for (const section of sections) {
		byFile.set(section.file, [...(byFile.get(section.file) ?? []), section]);
	}
	const queues = [...byFile.values()].map((fileSections) => {
		const topDepth = Math.min(
			...fileSections.map((section) => section.breadcrumb.length).filter((depth) => depth >= 2),
		);
		return fileSections.filter((section) => section.breadcrumb.length === topDepth);
	});
	const pinned: NoteSection[] = [];
	for (let position = 0; pinned.length < limit && queues.some((queue) => position < queue.length); position += 1) {
		for (const queue of queues) {
			const section = queue[position];
			if (section && pinned.length < limit) {
				pinned.push(section);
			}
		}
	}
	return pinned;
}

/**
 * Sections to offer while someone types: exact title, then title prefix, then titles whose
 * words start with the typed words, then substrings, then what full-text search finds.
 */
export function suggestSections(index: SearchIndex, input: string, limit = MAX_SUGGESTIONS): NoteSection[] {
	const typed = cleanQuery(input).toLowerCase();
	if (!/[\p{L}\p{N}]/u.test(typed)) {
		return pinnedSections(index.sections, limit);
	}
	const typedWords = words(typed);
	const ranked = titleKeysOf(index)
		.map((key, position) => ({ section: key.section, position, tier: titleTier(key, typed, typedWords) }))
		.filter((entry): entry is { section: NoteSection; position: number; tier: number } => entry.tier !== undefined)
		.sort(
			(left, right) =>
				left.tier - right.tier ||
				left.section.title.length - right.section.title.length ||
				left.position - right.position,
		)
		.map((entry) => entry.section);
	const suggestions = ranked.slice(0, limit);
	if (suggestions.length < limit) {
		const chosen = new Set(suggestions.map((section) => section.id));
		for (const result of index.rank(typed, limit)) {
			const section = index.getSection(result.id);
			if (section && !chosen.has(section.id)) {
				chosen.add(section.id);
				suggestions.push(section);
			}
			if (suggestions.length >= limit) {
				break;
			}
		}
	}
	return suggestions;
}

export type SectionLookup =
	| { readonly status: 'exact'; readonly section: NoteSection }
	| { readonly status: 'closest'; readonly section: NoteSection }
	| { readonly status: 'none' };

/**
 * Resolves what someone put in a `topic` option: a section id picked from the suggestions,
 * a title typed in full, or else the best full-text match, said to be a guess.
 */
export function findSection(index: SearchIndex, input: string): SectionLookup {
	const cleaned = cleanQuery(input);
	const byId = index.getSection(cleaned);
	if (byId) {
		return { status: 'exact', section: byId };
	}
	const lowered = cleaned.toLowerCase();
	const byTitle = index.sections.find((section) => section.title.toLowerCase() === lowered);
	if (byTitle) {
		return { status: 'exact', section: byTitle };
	}
	if (!/[\p{L}\p{N}]/u.test(cleaned)) {
		return { status: 'none' };
	}
	const best = index.rank(cleaned, 1)[0];
	const section = best && index.getSection(best.id);
	return section ? { status: 'closest', section } : { status: 'none' };
}
