/**
 * Polls until `read` gives a value, for what a bot or worker brings about in the background.
 * A read that throws counts as "not yet".
 */
export async function eventually<T>(
	read: () => T | undefined | Promise<T | undefined>,
	what: string,
	timeoutMs = 15_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await Promise.resolve()
			.then(read)
			.catch(() => undefined);
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
