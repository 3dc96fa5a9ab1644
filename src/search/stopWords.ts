/** Words too common in English prose to say anything about a passage. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	`a about above after again against all am an and any are aren as at be because been before being below
	between both but by can cannot could couldn d did didn do does doesn doing don down during each else etc
	few for from further had hadn has hasn have haven having he her here hers herself him himself his how i if
	in into is isn it its itself just ll let me more most mustn my myself no nor not now of off on once only or
	other ought our ours ourselves out over own re s same shan she should shouldn so some such t than that the
	their theirs them themselves then there these they this those through to too under until up us ve very was
	wasn we were weren what when where which while who whom why will with won would wouldn y you your yours
	yourself yourselves e g eg ie i.e also`.split(/\s+/u),
);

/**
 * Words that exam-style questions wrap around the real subject ("A company needs a solution
 * that…"): dropped from queries so that a pasted question is ranked by what it is about.
 */
export const QUERY_FILLER_WORDS: ReadonlySet<string> = new Set(
	`company companies organization organisation business solution solutions architect architects requirement
	requirements require requires need needs want wants meet meets best way ways option options must ensure
	ensures currently recommend recommended approach choose`.split(/\s+/u),
);
