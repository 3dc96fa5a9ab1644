import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadNotes } from '../notes/loadNotes.js';
import type { NoteProblem } from '../notes/types.js';
import { loadQuestionBank, type LoadedQuestions } from '../quiz/questionBank.js';
import { Analyser } from './analyser.js';
import { loadExamCues, type ExamCue } from './examCues.js';
import { questionExpansions } from './questionExpansion.js';
import { SearchIndex } from './searchIndex.js';
import { loadSynonyms, type SynonymEntry } from './synonyms.js';

export interface LoadedSearchIndex {
	readonly index: SearchIndex;
	/** Files that were skipped, or a missing synonym or cue table: worth a warning, not a stop. */
	readonly problems: readonly NoteProblem[];
	/** The question bank, checked against the notes: the index learns from it too. */
	readonly bank: LoadedQuestions;
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

async function exists(file: string): Promise<boolean> {
	return access(file).then(
		() => true,
		() => false,
	);
}

/**
 * Loads `<contentDir>/notes`, `<contentDir>/synonyms.json`, `<contentDir>/exam-cues.json` and
 * the question bank in `<contentDir>/questions` (checked against the notes), and indexes the
 * notes with what the bank asks about each section. Bad note files are skipped and reported; without a single
 * readable note it throws.
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
	if (await exists(synonymsFile)) {
		synonyms = await loadSynonyms(synonymsFile);
	} else {
		problems.push({ path: synonymsFile, reason: 'is missing; searching without acronyms and synonyms' });
	}
	const analyser = new Analyser(synonyms);
	const cuesFile = path.join(contentDir, 'exam-cues.json');
	let cues: ExamCue[] = [];
	if (await exists(cuesFile)) {
		cues = await loadExamCues(cuesFile, analyser);
	} else {
		problems.push({ path: cuesFile, reason: 'is missing; scenarios are searched by their own words only' });
	}
	const sections = new Map(library.sections.map((section) => [section.id, section]));
	const bank = await loadQuestionBank(path.join(contentDir, 'questions'), { getSection: (id) => sections.get(id) });
	const index = SearchIndex.build(library.sections, { analyser, expansions: questionExpansions(bank.questions), cues });
	return { index, problems, bank };
}
