import type { ButtonInteraction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderNotice } from '../../src/discord/render/message.js';
import { DEFER_AFTER_MS, replyWhenReady } from '../../src/discord/respond.js';

/** Records what the handler asked Discord to do, in order. */
function recordingInteraction(): { interaction: ButtonInteraction; calls: string[] } {
	const calls: string[] = [];
	const stub = {
		reply: (options: { flags?: number }) => {
			calls.push(`reply${options.flags === undefined ? '' : ' ephemeral'}`);
			return Promise.resolve();
		},
		deferReply: (options: { flags?: number }) => {
			calls.push(`defer${options.flags === undefined ? '' : ' ephemeral'}`);
			return Promise.resolve();
		},
		editReply: () => {
			calls.push('edit');
			return Promise.resolve();
		},
	};
	// Only the three methods replyWhenReady uses are needed to see what it sends.
	return { interaction: stub as unknown as ButtonInteraction, calls };
}

describe('replyWhenReady', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	const message = renderNotice('Recorded.');

	it('replies at once when the work is quick', async () => {
		const { interaction, calls } = recordingInteraction();
		await replyWhenReady(interaction, true, () => Promise.resolve(message));
		expect(calls).toEqual(['reply ephemeral']);
	});

	it('acknowledges privately first when the work is slow, then edits the reply in', async () => {
		const { interaction, calls } = recordingInteraction();
		const replying = replyWhenReady(
			interaction,
			true,
			() =>
				new Promise((resolve) =>
					setTimeout(() => {
						resolve(message);
					}, DEFER_AFTER_MS + 500),
				),
		);
		await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS + 1);
		expect(calls).toEqual(['defer ephemeral']);
		await vi.advanceTimersByTimeAsync(500);
		await replying;
		expect(calls).toEqual(['defer ephemeral', 'edit']);
	});

	it('lets a failure through after acknowledging, so the router can say what went wrong', async () => {
		const { interaction, calls } = recordingInteraction();
		const replying = replyWhenReady(
			interaction,
			true,
			() =>
				new Promise((_, reject) =>
					setTimeout(() => {
						reject(new Error('database down'));
					}, DEFER_AFTER_MS + 10),
				),
		);
		const settled = expect(replying).rejects.toThrow('database down');
		await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS + 20);
		await settled;
		expect(calls).toEqual(['defer ephemeral']);
	});
});
