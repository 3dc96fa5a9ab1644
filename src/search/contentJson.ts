import type { z } from 'zod';

/**
 * Reads a JSON content file against its schema. What is wrong (not JSON, or the first place
 * that breaks the schema, as `entries.3.forms: …`) goes to `fail`, which names the file.
 */
export function parseContentJson<Schema extends z.ZodType>(
	json: string,
	schema: Schema,
	fail: (detail: string) => Error,
): z.infer<Schema> {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (error) {
		throw fail(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
	}
	const result = schema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0];
		const where = issue?.path.join('.') ?? '';
		throw fail(`${where === '' ? '' : `${where}: `}${issue?.message ?? 'is invalid'}`);
	}
	return result.data;
}
