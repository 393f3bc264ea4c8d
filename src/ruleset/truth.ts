/**
 * Three-valued truth for clinical answers: 1 = the warning answer, ½ = "not sure", 0 = anything else
 * (or, while an interview is still going, not yet answered). `and` takes the lowest, `or` the highest.
 */
export type Truth = 0 | 0.5 | 1;
export const FALSE: Truth = 0;
export const UNSURE: Truth = 0.5;
export const TRUE: Truth = 1;
