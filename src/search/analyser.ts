import { stemmer } from 'stemmer';
import { QUERY_FILLER_WORDS, STOP_WORDS } from './stopWords.js';
import type { SynonymEntry } from './synonyms.js';

/** A term of the index and where in the text it came from. */
export interface Token {
	readonly term: string;
	readonly start: number;
	readonly end: number;
}

/** Prefix of terms that stand for a whole synonym entry, so no word can collide with them. */
export const SYNONYM_PREFIX = '≡';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

interface Word {
	readonly stem: string;
	readonly lower: string;
	readonly start: number;
	readonly end: number;
}

interface Phrase {
	readonly stems: readonly string[];
	readonly term: string;
}

/** Stemming is the costliest step of analysis and the notes repeat their words: stems are kept. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** Light stemming: plural and verb endings go; short words, acronyms with digits and numbers stay. */
export function stem(word: string): string {
	if (word.length <= 3 || /\d/u.test(word)) {
		return word;
	}
	let stemmed = stemCache.get(word);
	if (stemmed === undefined) {
		if (stemCache.size >= STEM_CACHE_LIMIT) {
			stemCache.clear();
		}
		stemmed = stemmer(word);
		stemCache.set(word, stemmed);
	}
	return stemmed;
}

function foldCase(text: string): string {
	const lower = text.toLowerCase();
	return /^[ -~]*$/u.test(lower) ? lower : lower.normalize('NFKD').replace(/[\u0300-\u036f]/gu, '');
}

function readWords(text: string): Word[] {
	const words: Word[] = [];
	for (const match of text.matchAll(WORD)) {
		const folded = foldCase(match[0]);
		const lower = /^[a-z0-9]*$/u.test(folded) ? folded : folded.replace(/[^\p{L}\p{N}]/gu, '');
		if (lower !== '') {
			words.push({ stem: stem(lower), lower, start: match.index, end: match.index + match[0].length });
		}
	}
	return words;
}

export function synonymTerm(entry: SynonymEntry): string {
	return `${SYNONYM_PREFIX}${readWords(entry.term)
		.map((word) => word.lower)
		.join('-')}`;
}

/**
 * Turns text into index terms: words are case-folded and stemmed, stop words dropped, and every
 * acronym or name of the synonym table adds the entry's own term, so `ALB` in a query meets
 * `Application Load Balancer` in a note and the other way round.
 */
export class Analyser {
	private readonly phrasesByFirstStem = new Map<string, Phrase[]>();

	public constructor(synonyms: readonly SynonymEntry[]) {
		for (const entry of synonyms) {
			const term = synonymTerm(entry);
			for (const form of [entry.term, ...entry.forms]) {
				const stems = readWords(form).map((word) => word.stem);
				const first = stems[0];
				if (first === undefined) {
					continue;
				}
				const phrases = this.phrasesByFirstStem.get(first) ?? [];
				if (!phrases.some((phrase) => phrase.term === term && phrase.stems.join(' ') === stems.join(' '))) {
					phrases.push({ stems, term });
				}
				this.phrasesByFirstStem.set(first, phrases);
			}
		}
	}

	/** Every token of `text` with its place, synonym terms spanning the words they matched. */
	public tokens(text: string, options: { dropFiller?: boolean } = {}): Token[] {
		const words = readWords(text);
		const tokens: Token[] = [];
		for (const [index, word] of words.entries()) {
			if (!STOP_WORDS.has(word.lower) && !(options.dropFiller === true && QUERY_FILLER_WORDS.has(word.lower))) {
				tokens.push({ term: word.stem, start: word.start, end: word.end });
			}
			for (const phrase of this.phrasesByFirstStem.get(word.stem) ?? []) {
				const last = words[index + phrase.stems.length - 1];
				if (last && phrase.stems.every((phraseStem, offset) => words[index + offset]?.stem === phraseStem)) {
					if (!tokens.some((token) => token.term === phrase.term && token.start === word.start)) {
						tokens.push({ term: phrase.term, start: word.start, end: last.end });
					}
				}
			}
		}
		return tokens;
	}

	/** Terms to index a field by. */
	public indexTerms(text: string): string[] {
		return this.tokens(text).map((token) => token.term);
	}

	/**
	 * Terms to search by: like {@link indexTerms}, less the filler words of exam questions
	 * (unless nothing else is left), less one- and two-letter words that are neither numbers nor
	 * part of a known acronym (a stray `x` would otherwise find every X-Ray passage), and without
	 * repeats. A word whose stem the index does not
	 * know is most likely misspelt, and stemming a misspelling can take it further from the
	 * word meant (`egres` stems to `egr`): such a word is looked up both as typed and stemmed.
	 */
	public queryTerms(text: string, isKnownTerm: (term: string) => boolean = () => true): string[] {
		const terms = new Set<string>();
		for (const token of this.searchableTokens(text)) {
			terms.add(token.term);
			if (!token.term.startsWith(SYNONYM_PREFIX) && !isKnownTerm(token.term)) {
				terms.add(foldCase(text.slice(token.start, token.end)));
			}
		}
		return [...terms];
	}

	/**
	 * The concepts of a short phrase: its query terms, with the words of a synonym folded into
	 * the synonym's term (`s3 without nat gateway` is `≡s3 without ≡nat-gateway`), so that a
	 * phrase matches a query that writes the service either way.
	 */
	public phraseTerms(text: string): string[] {
		const tokens = this.searchableTokens(text);
		const synonyms = tokens.filter((token) => token.term.startsWith(SYNONYM_PREFIX));
		const covered = (token: Token): boolean =>
			synonyms.some((synonym) => synonym !== token && synonym.start <= token.start && token.end <= synonym.end);
		return [...new Set(tokens.filter((token) => !covered(token)).map((token) => token.term))];
	}

	private searchableTokens(text: string): Token[] {
		const searchable = (token: Token): boolean =>
			token.term.startsWith(SYNONYM_PREFIX) || token.term.length > 2 || /\d/u.test(token.term);
		const focused = this.tokens(text, { dropFiller: true }).filter(searchable);
		return focused.length > 0 ? focused : this.tokens(text).filter(searchable);
	}
}
