/** Sends a member the DM that reminds them of their due cards. */
export interface ReminderSender {
	/** `dm-closed` when Discord refuses: the member does not take DMs from the bot. */
	sendReviewReminder(userId: string, dueCards: number): Promise<'sent' | 'dm-closed'>;
}
