import type { IssueCode, IssueParams } from "../codes.js";
import { answers, input } from "./answers.js";
import { fhir } from "./fhir.js";
import { ruleset } from "./ruleset.js";
import { schema } from "./schema.js";

/** The English of every issue code: one function per code (the compiler checks that none is missing). */
export const ISSUE_WORDING: { readonly [C in IssueCode]: (params: IssueParams[C]) => string } = {
  ...answers,
  ...input,
  ...fhir,
  ...ruleset,
  ...schema,
};
