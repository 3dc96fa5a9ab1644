/** Lowercase ASCII words joined by `-`, cut at a word boundary to `maxLength`. */
export function slugify(text: string, maxLength: number): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/gu, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/u)
		.filter((word) => word.length > 0);
	let slug = '';
	for (const word of words) {
		const next = slug === '' ? word : `${slug}-${word}`;
		if (next.length > maxLength) {
			return slug === '' ? word.slice(0, maxLength) : slug;
		}
		slug = next;
	}
	return slug;
}
