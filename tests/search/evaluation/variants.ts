import path from 'node:path';
import type { NoteSection } from '../../../src/notes/types.js';
import { loadNotes } from '../../../src/notes/loadNotes.js';
import { loadQuestionBank, type Question } from '../../../src/quiz/questionBank.js';
import { Analyser } from '../../../src/search/analyser.js';
import { loadExamCues, type ExamCue } from '../../../src/search/examCues.js';
import { questionExpansions } from '../../../src/search/questionExpansion.js';
import { SearchIndex, type IndexingOptions } from '../../../src/search/searchIndex.js';
import { loadSynonyms, type SynonymEntry } from '../../../src/search/synonyms.js';

/** What the bot's index is built from, loaded once so that variants of it can be compared. */
export interface SearchParts {
	readonly sections: readonly NoteSection[];
	readonly synonyms: readonly SynonymEntry[];
	readonly cues: readonly ExamCue[];
	readonly questions: readonly Question[];
}

export async function loadSearchParts(contentDir: string): Promise<SearchParts> {
	const library = await loadNotes(path.join(contentDir, 'notes'));
	const synonyms = await loadSynonyms(path.join(contentDir, 'synonyms.json'));
	const cues = await loadExamCues(path.join(contentDir, 'exam-cues.json'), new Analyser(synonyms));
	const sections = new Map(library.sections.map((section) => [section.id, section]));
	const bank = await loadQuestionBank(path.join(contentDir, 'questions'), { getSection: (id) => sections.get(id) });
	return { sections: library.sections, synonyms, cues, questions: bank.questions };
}

/** One way of building the index, for the ablation table: each switch removes one technique. */
export interface Variant {
	readonly label: string;
	readonly synonyms?: boolean;
	readonly questions?: boolean;
	readonly cues?: boolean;
	readonly tuning?: IndexingOptions['tuning'];
}

export function buildVariant(parts: SearchParts, variant: Variant): SearchIndex {
	const analyser = new Analyser(variant.synonyms === false ? [] : parts.synonyms);
	return SearchIndex.build(parts.sections, {
		analyser,
		expansions: variant.questions === false ? new Map() : questionExpansions(parts.questions),
		cues: variant.cues === false ? [] : parts.cues,
		...(variant.tuning ? { tuning: variant.tuning } : {}),
	});
}
