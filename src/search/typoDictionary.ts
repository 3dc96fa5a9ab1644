/**
 * Finds the known terms within a few edits of a word, fast enough to run on every keystroke.
 *
 * Symmetric deletion (as SymSpell does it): two words within `k` edits (insertions, deletions,
 * substitutions) always reach a common string by deleting at most `k` letters from each. So
 * every term is filed at build under each string its deletions reach, a lookup makes the same
 * deletions of the word, and only the terms filed there are measured with a real edit distance.
 * A lookup costs a few dozen map reads, where walking a radix tree with edits allowed visits
 * much of the tree.
 */
export class TypoDictionary {
	/** Deletion → the terms that reach it; most reach one, kept without an array. */
	private readonly byDeletion = new Map<string, string | string[]>();

	public constructor(
		terms: Iterable<string>,
		public readonly maxEdits: number,
	) {
		for (const term of terms) {
			this.file(term, term, maxEdits);
		}
	}

	/** Files `term` under `text` and under every string reached by deleting up to `edits` letters of it. */
	private file(term: string, text: string, edits: number): void {
		const filed = this.byDeletion.get(text);
		if (filed === undefined) {
			this.byDeletion.set(text, term);
		} else if (filed === term || (typeof filed !== 'string' && filed.at(-1) === term)) {
			// Reached before by deleting other letters (`aab` less either `a`): its subtree is filed too.
			return;
		} else if (typeof filed === 'string') {
			this.byDeletion.set(text, [filed, term]);
		} else {
			filed.push(term);
		}
		if (edits > 0) {
			for (let at = 0; at < text.length; at += 1) {
				this.file(term, text.slice(0, at) + text.slice(at + 1), edits - 1);
			}
		}
	}

	/** The known terms within `edits` of `word` (the word itself too, if known), with their distance. */
	public within(word: string, edits: number): Map<string, number> {
		const allowed = Math.min(edits, this.maxEdits);
		const found = new Map<string, number>();
		for (const reached of deletions(word, allowed)) {
			const filed = this.byDeletion.get(reached) ?? [];
			for (const term of typeof filed === 'string' ? [filed] : filed) {
				if (!found.has(term) && Math.abs(term.length - word.length) <= allowed) {
					const distance = editDistance(word, term, allowed);
					if (distance <= allowed) {
						found.set(term, distance);
					}
				}
			}
		}
		return found;
	}
}

/** The word and every string reached by deleting up to `count` of its letters. */
function deletions(word: string, count: number): Set<string> {
	const reached = new Set([word]);
	let frontier = [word];
	for (let round = 0; round < count; round += 1) {
		const next: string[] = [];
		for (const text of frontier) {
			for (let at = 0; at < text.length; at += 1) {
				const shorter = text.slice(0, at) + text.slice(at + 1);
				if (!reached.has(shorter)) {
					reached.add(shorter);
					next.push(shorter);
				}
			}
		}
		frontier = next;
	}
	return reached;
}

/** Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(left: string, right: string, limit: number): number {
	let previous = Array.from({ length: right.length + 1 }, (_, column) => column);
	for (let row = 1; row <= left.length; row += 1) {
		const current = [row];
		let best = row;
		for (let column = 1; column <= right.length; column += 1) {
			const substitution = (previous[column - 1] ?? 0) + (left[row - 1] === right[column - 1] ? 0 : 1);
			const value = Math.min(substitution, (previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1);
			current.push(value);
			best = Math.min(best, value);
		}
		if (best > limit) {
			return limit + 1;
		}
		previous = current;
	}
	return previous[right.length] ?? limit + 1;
}
