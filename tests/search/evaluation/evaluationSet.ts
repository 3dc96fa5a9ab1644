import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The frozen evaluation set of the notes search (issue 14): queries written from the notes by
 * someone who never saw the search code or its results, each with every section that answers
 * it. It is split once, by a fixed rule, into a half to tune on and a held-out half that only
 * measures: the held-out figures are the evidence, and CI gates on them.
 */
const querySchema = z.object({
	id: z.string().regex(/^q\d{3}$/u),
	kind: z.enum(['scenario', 'keywords', 'acronym', 'typo']),
	query: z.string().min(2),
	expect: z.array(z.string().min(3)).min(1),
});

export type EvaluationQuery = z.infer<typeof querySchema>;

/** The split rule: a query is held out when the SHA-256 of its id, read as a number, is odd. */
export function isHeldOut(query: Pick<EvaluationQuery, 'id'>): boolean {
	return Number.parseInt(createHash('sha256').update(query.id).digest('hex').slice(0, 8), 16) % 2 === 1;
}

export function loadEvaluationSet(): { tuning: EvaluationQuery[]; heldOut: EvaluationQuery[] } {
	const file = path.join(import.meta.dirname, 'queries.json');
	const queries = z.array(querySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
	return { tuning: queries.filter((query) => !isHeldOut(query)), heldOut: queries.filter(isHeldOut) };
}
