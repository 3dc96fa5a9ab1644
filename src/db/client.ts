import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type { PrismaClient } from './generated/client.js';
export { Prisma, QuizStatus } from './generated/client.js';

/**
 * How long to wait for a connection, new or from the pool, before giving up. A refused
 * connection (Postgres down) fails at once; this bounds the rest: a pool busy with a burst of
 * answers (the member already sees "thinking…", and waits rather than being turned away) or a
 * network that swallows packets.
 */
const CONNECT_TIMEOUT_MS = 30_000;

/** node-postgres's own default. */
const DEFAULT_POOL_SIZE = 10;

/** The engine-free Prisma client over node-postgres, with at most `poolSize` connections. */
export function createPrismaClient(databaseUrl: string, poolSize = DEFAULT_POOL_SIZE): PrismaClient {
	return new PrismaClient({
		adapter: new PrismaPg({
			connectionString: databaseUrl,
			connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
			max: poolSize,
		}),
	});
}

/** True when Postgres answers a query. */
export async function databaseAnswers(prisma: PrismaClient): Promise<boolean> {
	return (await prisma.$queryRaw<unknown[]>`SELECT 1`).length === 1;
}

/** Prisma's codes for a database that cannot be reached or did not answer in time. */
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** The driver adapter's error kinds for the same. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** node-postgres messages that carry no code: a dropped connection or an exhausted connect timeout. */
const UNREACHABLE_MESSAGE =
	/Connection terminated|timeout exceeded when trying to connect|Can't reach database server/u;

interface ErrorShape {
	readonly code?: unknown;
	readonly message?: unknown;
	readonly cause?: unknown;
	readonly meta?: { readonly driverAdapterError?: { readonly cause?: { readonly kind?: unknown } } };
}

/**
 * True when an error means Postgres is unreachable for now (down, restarting, network cut), as
 * opposed to a bug or bad data: the caller should say "try again shortly" and change nothing.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	for (let current: unknown = error, depth = 0; current instanceof Object && depth < 5; depth += 1) {
		const shape = current as ErrorShape;
		if (
			(typeof shape.code === 'string' && UNREACHABLE_CODES.has(shape.code)) ||
			UNREACHABLE_KINDS.has(String(shape.meta?.driverAdapterError?.cause?.kind)) ||
			(typeof shape.message === 'string' && UNREACHABLE_MESSAGE.test(shape.message))
		) {
			return true;
		}
		current = shape.cause;
	}
	return false;
}

/** True for Prisma's unique-constraint violation: the row another writer got to first. */
export function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: unknown } | null)?.code === 'P2002';
}
