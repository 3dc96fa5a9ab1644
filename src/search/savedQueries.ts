import { createHash } from 'node:crypto';

/**
 * Where queries too long for a button are kept, by key (Postgres in production: `src/db`), so
 * that paging through their results works after a restart and in any process.
 */
export interface SavedQueries {
	save(key: string, query: string): Promise<void>;
	find(key: string): Promise<string | undefined>;
}

/** How a results message's buttons find their query again: in the button itself, or by key. */
export type QueryReference =
	{ readonly kind: 'inline'; readonly query: string } | { readonly kind: 'saved'; readonly key: string };

/** Queries up to this long ride in the button's custom id (100 characters in all) and need no storage. */
export const INLINE_QUERY_LENGTH = 70;

/** The same query always gets the same key: saving it again changes nothing. */
export function queryKey(query: string): string {
	return createHash('sha256').update(query).digest('hex').slice(0, 16);
}

/** A reference for the buttons of a query's results; undefined when a long query could not be saved. */
export async function referTo(saved: SavedQueries, query: string): Promise<QueryReference | undefined> {
	if (query.length <= INLINE_QUERY_LENGTH) {
		return { kind: 'inline', query };
	}
	const key = queryKey(query);
	try {
		await saved.save(key, query);
	} catch {
		// Results still show; only their paging buttons are left out until the store is back.
		return undefined;
	}
	return { kind: 'saved', key };
}

/** The query a reference stands for; undefined when a saved one is gone. */
export async function resolveReference(saved: SavedQueries, reference: QueryReference): Promise<string | undefined> {
	return reference.kind === 'inline' ? reference.query : saved.find(reference.key);
}
