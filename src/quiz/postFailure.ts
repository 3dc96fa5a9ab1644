/**
 * Why a question could not be posted. Only `temporary` failures are worth retrying on their
 * own: the others need someone to change something in the server first.
 */
export type PostFailure =
	/** The bot may not post in the channel; `missing` names the permissions it lacks, when known. */
	| { readonly kind: 'missing-access'; readonly missing: readonly string[] }
	/** The channel no longer exists. */
	| { readonly kind: 'channel-gone' }
	/** Discord refused the message for another reason, which retrying would not change. */
	| { readonly kind: 'rejected'; readonly detail: string }
	/** Discord or the network failed; a retry may well work. */
	| { readonly kind: 'temporary'; readonly detail: string };

export type PostFailureKind = PostFailure['kind'];

/** The last failed attempt to post a round, as recorded. */
export interface RecordedPostFailure {
	readonly failure: PostFailure;
	readonly at: Date;
	/** When the post is tried again by itself; undefined when it waits for a fix or a `/quiz post-now`. */
	readonly retryAt: Date | undefined;
	/** When the failure was reported to the server's admin channel. */
	readonly reportedAt: Date | undefined;
}

/** Thrown by an announcer that could not post: the use case records why and decides what next. */
export class PostFailedError extends Error {
	public constructor(public readonly failure: PostFailure) {
		super(`could not post the question: ${failure.kind}${'detail' in failure ? ` (${failure.detail})` : ''}`);
		this.name = 'PostFailedError';
	}
}

/**
 * How a post that failed for a temporary reason is retried: by the job queue, with exponential
 * backoff (5 s, 10 s, 20 s … about ten minutes in all). The queue's job options are built from it.
 */
export const POST_RETRIES = { attempts: 8, firstDelayMs: 5_000 } as const;

/** When attempt `attempt` (1-based) failing is followed by the next one, or undefined after the last. */
export function nextRetryAt(attempt: number, failedAt: Date): Date | undefined {
	return attempt >= POST_RETRIES.attempts
		? undefined
		: new Date(failedAt.getTime() + POST_RETRIES.firstDelayMs * 2 ** (attempt - 1));
}

/** A post that failed for want of access is looked at again after this long, in case the fix came unannounced. */
export const ACCESS_RECHECK_MS = 60 * 60_000;

/**
 * Whether the schedule keeper should try a failed post again now: a temporary failure once the
 * queue has given up on it; a failure that needs a fix only now and then (the bot also retries as
 * soon as the channel or a role changes); a missing channel never (it needs a new `/quiz setup`).
 */
export function keeperShouldRetry(recorded: RecordedPostFailure, now: Date): boolean {
	switch (recorded.failure.kind) {
		case 'temporary':
			return recorded.retryAt === undefined || recorded.retryAt < now;
		case 'missing-access':
		case 'rejected':
			return now.getTime() - recorded.at.getTime() >= ACCESS_RECHECK_MS;
		case 'channel-gone':
			return false;
	}
}
