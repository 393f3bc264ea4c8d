export type Path = (string | number)[];

/** Which `{placeholder}` names each piece of wording may use. */
export const TEMPLATE_PLACEHOLDERS: readonly [Path, readonly string[]][] = [
  [["advice", "urgency", "emergency", "advice"], ["emergencyNumber"]],
  [["advice", "urgency", "urgent", "advice"], ["emergencyNumber"]],
  [["advice", "urgency", "soon", "advice"], ["emergencyNumber"]],
  [
    ["advice", "droppedEmergency"],
    ["emergencyNumber", "list"],
  ],
  [
    ["advice", "selfCare", "advice"],
    ["emergencyNumber", "checkBack"],
  ],
  [["advice", "selfCare", "checkBackBefore", "one"], ["day"]],
  [
    ["advice", "selfCare", "checkBackBefore", "other"],
    ["day", "daysLeft"],
  ],
  [["advice", "selfCare", "checkBackAfter"], ["emergencyNumber"]],
  [
    ["advice", "selfCare", "checkBackBy"],
    ["date", "day"],
  ],
  [["advice", "watchForHeading", "none"], ["emergencyNumber"]],
  [["advice", "watchForHeading", "soon"], ["emergencyNumber"]],
  [["advice", "watchForHeading", "urgent"], ["emergencyNumber"]],
  [
    ["advice", "possibleGroup", "line"],
    ["unsure", "list"],
  ],
  [["advice", "possibleGroup", "more"], ["count"]],
];

/** Replaces `{name}` placeholders; the loader has checked that every name used is one we fill. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
