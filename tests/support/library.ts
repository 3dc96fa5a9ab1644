import path from 'node:path';
import { loadNotes } from '../../src/notes/loadNotes.js';
import type { NoteLibrary } from '../../src/notes/types.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { loadSynonyms } from '../../src/search/synonyms.js';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');

let shipped: Promise<{ library: NoteLibrary; index: SearchIndex }> | undefined;

/** The notes the bot ships with, loaded and indexed once per test file. */
export function shippedNotes(): Promise<{ library: NoteLibrary; index: SearchIndex }> {
	shipped ??= (async () => {
		const library = await loadNotes(path.join(CONTENT_DIR, 'notes'));
		const synonyms = await loadSynonyms(path.join(CONTENT_DIR, 'synonyms.json'));
		return { library, index: SearchIndex.build(library.sections, synonyms) };
	})();
	return shipped;
}
