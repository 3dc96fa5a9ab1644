import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Analyser } from './analyser.js';
import { parseContentJson } from './contentJson.js';

/**
 * A need described the way exam scenarios describe it, and what answers it: "upload from the
 * browser without credentials" points to presigned URLs although it names no service.
 */
export interface ExamCue {
	/** Phrases of two to four content words; the cue fires when all words of one are in a query. */
	readonly when: readonly string[];
	/** The service or feature names the query is then also searched for. */
	readonly add: string;
}

const MIN_PHRASE_TERMS = 2;
const MAX_PHRASE_TERMS = 4;
const MAX_ADD_WORDS = 5;

const cueFileSchema = z.object({
	cues: z
		.array(
			z.object({
				when: z.array(z.string().trim().min(1, 'a phrase must not be empty')).min(1, 'needs at least one phrase'),
				add: z
					.string()
					.trim()
					.min(1, 'add must not be empty')
					.refine((add) => add.split(/\s+/u).length <= MAX_ADD_WORDS, `add names at most ${MAX_ADD_WORDS} words`),
			}),
		)
		.min(1),
});

export class CueFileError extends Error {
	public constructor(
		public readonly file: string,
		detail: string,
	) {
		super(`${file}: ${detail}`);
		this.name = 'CueFileError';
	}
}

/**
 * Parses and validates a cue table. Phrases are checked as search reads them (stemmed, common
 * and filler words dropped), since a phrase of one content word would fire on half the queries
 * and one of five would almost never fire. Errors name the file, the cue and the phrase.
 */
export function parseExamCues(file: string, json: string, analyser: Analyser): ExamCue[] {
	const { cues } = parseContentJson(json, cueFileSchema, (detail) => new CueFileError(file, detail));
	const firstSeen = new Map<string, string>();
	for (const [cueIndex, cue] of cues.entries()) {
		if (analyser.queryTerms(cue.add).length === 0) {
			throw new CueFileError(file, `cues.${cueIndex}.add: "${cue.add}" has no searchable word`);
		}
		for (const [phraseIndex, phrase] of cue.when.entries()) {
			const where = `cues.${cueIndex}.when.${phraseIndex}`;
			const terms = analyser.phraseTerms(phrase);
			if (terms.length < MIN_PHRASE_TERMS || terms.length > MAX_PHRASE_TERMS) {
				throw new CueFileError(
					file,
					`${where}: "${phrase}" has ${terms.length} content words (${terms.join(', ') || 'none'}); a phrase needs ${MIN_PHRASE_TERMS} to ${MAX_PHRASE_TERMS}`,
				);
			}
			const key = [...terms].sort().join(' ');
			const earlier = firstSeen.get(key);
			if (earlier !== undefined) {
				throw new CueFileError(file, `${where}: "${phrase}" reads the same as ${earlier}`);
			}
			firstSeen.set(key, `${where} ("${phrase}")`);
		}
	}
	return cues;
}

export async function loadExamCues(file: string, analyser: Analyser): Promise<ExamCue[]> {
	return parseExamCues(file, await readFile(file, 'utf8'), analyser);
}

interface CompiledPhrase {
	readonly terms: readonly string[];
	readonly cue: number;
}

/** The cue table, ready to read queries: phrases filed under their first term. */
export class CueTable {
	private readonly phrasesByTerm = new Map<string, CompiledPhrase[]>();
	private readonly additions: readonly (readonly string[])[];

	public constructor(cues: readonly ExamCue[], analyser: Analyser) {
		this.additions = cues.map((cue) => analyser.queryTerms(cue.add));
		for (const [cue, { when }] of cues.entries()) {
			for (const phrase of when) {
				const terms = analyser.phraseTerms(phrase);
				const [first] = terms;
				if (first !== undefined) {
					this.phrasesByTerm.set(first, [...(this.phrasesByTerm.get(first) ?? []), { terms, cue }]);
				}
			}
		}
	}

	public get size(): number {
		return this.additions.length;
	}

	/** The terms that the cues a query's terms fire point to, each once, in cue order. */
	public termsFor(queryTerms: readonly string[]): string[] {
		const present = new Set(queryTerms);
		const fired = new Set<number>();
		for (const term of present) {
			for (const phrase of this.phrasesByTerm.get(term) ?? []) {
				if (phrase.terms.every((phraseTerm) => present.has(phraseTerm))) {
					fired.add(phrase.cue);
				}
			}
		}
		const terms = new Set<string>();
		for (const cue of [...fired].sort((left, right) => left - right)) {
			for (const term of this.additions[cue] ?? []) {
				terms.add(term);
			}
		}
		return [...terms];
	}
}
