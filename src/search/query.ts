/** Long enough for an exam question pasted whole with its answers. */
export const MAX_QUERY_LENGTH = 1500;

/** Zero-width and direction marks: removed, so `v\u200bpc` still reads as `vpc`. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Control characters (tabs and new lines included) and line separators: read as spaces. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/gu;

export type QueryCheck =
	{ readonly ok: true; readonly query: string } | { readonly ok: false; readonly problem: string };

/** Drops zero-width characters, turns control characters into spaces and folds runs of white space. */
export function cleanQuery(raw: string): string {
	return raw.replace(FORMAT_CHARACTERS, '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/gu, ' ').trim();
}

/** Says in words what is wrong with a query, or gives it back cleaned. */
export function checkQuery(raw: string): QueryCheck {
	const query = cleanQuery(raw);
	if (query === '') {
		return { ok: false, problem: 'The search query is empty. Type a few words, for example `s3 lifecycle`.' };
	}
	if (query.length > MAX_QUERY_LENGTH) {
		return {
			ok: false,
			problem: `The search query is ${query.length} characters long; keep it under ${MAX_QUERY_LENGTH}.`,
		};
	}
	if (!/[\p{L}\p{N}]/u.test(query)) {
		return {
			ok: false,
			problem: 'The search query has no words or numbers in it. Type a topic, for example `nat gateway`.',
		};
	}
	return { ok: true, query };
}

/**
 * A message's text as a query: cleaned, and if longer than a query may be, cut at the last
 * word that fits (a pasted question leads with its scenario, so its start is what matters).
 */
export function queryFromMessage(text: string): string {
	const cleaned = cleanQuery(text);
	if (cleaned.length <= MAX_QUERY_LENGTH) {
		return cleaned;
	}
	const cut = cleaned.slice(0, MAX_QUERY_LENGTH + 1);
	const lastSpace = cut.lastIndexOf(' ');
	return (lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, MAX_QUERY_LENGTH)).trim();
}
