import path from 'node:path';
import { loadNotes } from '../../src/notes/loadNotes.js';
import type { NoteLibrary } from '../../src/notes/types.js';
import { loadSearchIndex } from '../../src/search/loadSearchIndex.js';
import type { SearchIndex } from '../../src/search/searchIndex.js';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');

let shipped: Promise<{ library: NoteLibrary; index: SearchIndex }> | undefined;

/** The notes the bot ships with, loaded and indexed as the bot does (with the bank), once per test file. */
export function shippedNotes(): Promise<{ library: NoteLibrary; index: SearchIndex }> {
	shipped ??= (async () => {
		const library = await loadNotes(path.join(CONTENT_DIR, 'notes'));
		const { index } = await loadSearchIndex(CONTENT_DIR);
		return { library, index };
	})();
	return shipped;
}
