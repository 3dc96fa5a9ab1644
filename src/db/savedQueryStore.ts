import type { SavedQueries } from '../search/savedQueries.js';
import type { PrismaClient } from './client.js';

/** Queries too long for a button, in Postgres, touched on every use so old ones can be pruned. */
export class PrismaSavedQueries implements SavedQueries {
	public constructor(private readonly prisma: PrismaClient) {}

	public async save(key: string, query: string): Promise<void> {
		await this.prisma.searchQuery.upsert({
			where: { key },
			create: { key, query },
			update: { lastUsedAt: new Date() },
		});
	}

	public async find(key: string): Promise<string | undefined> {
		const row = await this.prisma.searchQuery.findUnique({ where: { key } });
		return row?.query;
	}

	/** Forgets queries nobody has paged through since `before`; returns how many. */
	public async prune(before: Date): Promise<number> {
		const { count } = await this.prisma.searchQuery.deleteMany({ where: { lastUsedAt: { lt: before } } });
		return count;
	}
}
