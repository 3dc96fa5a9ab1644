/** A part of a section small enough to rank and show on its own. */
export interface Passage {
	readonly sectionId: string;
	/** 0-based position of the passage inside its section. */
	readonly index: number;
	readonly text: string;
}

/** One heading of a note file and the text under it. */
export interface NoteSection {
	/** Stable slug: `<file-slug>.<title-slug>`, at most {@link MAX_SECTION_ID_LENGTH} characters. */
	readonly id: string;
	/** Path of the note file, relative to the notes folder, with `/` separators. */
	readonly file: string;
	readonly title: string;
	/** File title, then each enclosing heading, ending with this section's own title. */
	readonly breadcrumb: readonly string[];
	/** Normalised text: nested bullets as `- ` with two spaces a level, code and diagrams fenced. */
	readonly body: string;
	readonly passages: readonly Passage[];
}

export interface NoteProblem {
	readonly path: string;
	readonly reason: string;
}

export interface NoteLibrary {
	readonly sections: readonly NoteSection[];
	readonly problems: readonly NoteProblem[];
	/** Files that loaded, relative to the notes folder. */
	readonly files: readonly string[];
}

/** Ids go into button custom ids (100 characters at most), so they are kept short. */
export const MAX_SECTION_ID_LENGTH = 80;
