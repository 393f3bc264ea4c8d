/** Urgency of one rule; `none` belongs only to a whole result. Highest first. */
export const RULE_URGENCIES = ["emergency", "urgent", "soon"] as const;
export type RuleUrgency = (typeof RULE_URGENCIES)[number];
export const URGENCIES = [...RULE_URGENCIES, "none"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Each urgency's position in URGENCIES: 0 is the highest (emergency), `none` ranks after every rule urgency. */
export const URGENCY_RANK = Object.freeze(
  Object.fromEntries(URGENCIES.map((urgency, rank) => [urgency, rank])),
) as Readonly<Record<Urgency, number>>;
