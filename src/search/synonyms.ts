import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseContentJson } from './contentJson.js';

export interface SynonymEntry {
	/** The acronym or name that stands for the entry, as people write it (`SSE-KMS`). */
	readonly term: string;
	/** Other ways of writing the same thing (`kms managed keys`). */
	readonly forms: readonly string[];
}

const synonymFileSchema = z.object({
	entries: z
		.array(
			z.object({
				term: z.string().trim().min(1, 'term must not be empty'),
				forms: z.array(z.string().trim().min(1, 'a form must not be empty')).min(1, 'needs at least one form'),
			}),
		)
		.min(1),
});

export class SynonymFileError extends Error {
	public constructor(
		public readonly file: string,
		detail: string,
	) {
		super(`${file}: ${detail}`);
		this.name = 'SynonymFileError';
	}
}

/** Parses and validates a synonym table; errors name the file and the entry. */
export function parseSynonyms(file: string, json: string): SynonymEntry[] {
	const { entries } = parseContentJson(json, synonymFileSchema, (detail) => new SynonymFileError(file, detail));
	const seen = new Map<string, string>();
	for (const [index, entry] of entries.entries()) {
		const key = entry.term.toLowerCase();
		const previous = seen.get(key);
		if (previous !== undefined) {
			throw new SynonymFileError(file, `entries.${index}: term "${entry.term}" is already listed as "${previous}"`);
		}
		seen.set(key, entry.term);
	}
	return entries;
}

export async function loadSynonyms(file: string): Promise<SynonymEntry[]> {
	return parseSynonyms(file, await readFile(file, 'utf8'));
}
