import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadNotes } from '../notes/loadNotes.js';
import type { NoteProblem } from '../notes/types.js';
import { SearchIndex } from './searchIndex.js';
import { loadSynonyms, type SynonymEntry } from './synonyms.js';

export interface LoadedSearchIndex {
	readonly index: SearchIndex;
	/** Files that were skipped, or a missing synonym table: worth a warning, not a stop. */
	readonly problems: readonly NoteProblem[];
}

export class NoNotesError extends Error {
	public constructor(
		public readonly notesDir: string,
		public readonly problems: readonly NoteProblem[],
	) {
		super(
			`No notes could be loaded from ${notesDir}: ${problems.map((problem) => `${problem.path} ${problem.reason}`).join('; ')}`,
		);
		this.name = 'NoNotesError';
	}
}

/**
 * Loads `<contentDir>/notes` and `<contentDir>/synonyms.json` and indexes them. Bad note
 * files are skipped and reported; without a single readable note it throws.
 */
export async function loadSearchIndex(contentDir: string): Promise<LoadedSearchIndex> {
	const notesDir = path.join(contentDir, 'notes');
	const library = await loadNotes(notesDir);
	if (library.sections.length === 0) {
		throw new NoNotesError(notesDir, library.problems);
	}
	const synonymsFile = path.join(contentDir, 'synonyms.json');
	const problems = [...library.problems];
	let synonyms: SynonymEntry[] = [];
	const present = await access(synonymsFile).then(
		() => true,
		() => false,
	);
	if (present) {
		synonyms = await loadSynonyms(synonymsFile);
	} else {
		problems.push({ path: synonymsFile, reason: 'is missing; searching without acronyms and synonyms' });
	}
	return { index: SearchIndex.build(library.sections, synonyms), problems };
}
