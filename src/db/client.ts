import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type { PrismaClient } from './generated/client.js';
export { Prisma, QuizStatus } from './generated/client.js';

/** The engine-free Prisma client over node-postgres. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
	return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

/** True for Prisma's unique-constraint violation: the row another writer got to first. */
export function isUniqueViolation(error: unknown): boolean {
	return (error as { code?: unknown } | null)?.code === 'P2002';
}
