/**
 * The small part of FHIR R4 this package writes, typed here so that nothing depends on a FHIR
 * library at run time. Field names and code values are R4's own.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  system?: string;
  value?: string;
}

export interface Extension {
  url: string;
  valueInteger?: number;
  valueCodeableConcept?: CodeableConcept;
}

/** R4 value set questionnaire-enable-operator. */
export type EnableWhenOperator = "exists" | "=" | "!=" | ">" | "<" | ">=" | "<=";

export interface QuestionnaireEnableWhen {
  question: string;
  operator: EnableWhenOperator;
  answerBoolean?: boolean;
  answerInteger?: number;
  answerCoding?: Coding;
}

export interface QuestionnaireAnswerOption {
  valueCoding: Coding;
}

/** R4 value set item-type, as far as this package uses it. */
export type QuestionnaireItemType = "group" | "display" | "choice" | "integer";

export interface QuestionnaireItem {
  linkId: string;
  text?: string;
  type: QuestionnaireItemType;
  extension?: Extension[];
  enableWhen?: QuestionnaireEnableWhen[];
  /** R4 value set questionnaire-enable-behavior; required when there is more than one enableWhen. */
  enableBehavior?: "all" | "any";
  required?: boolean;
  answerOption?: QuestionnaireAnswerOption[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: "Questionnaire";
  url: string;
  /** R4: other identifiers of this questionnaire; here the digest of the ruleset it was made from. */
  identifier: Identifier[];
  version: string;
  name: string;
  title: string;
  /** R4 value set publication-status. */
  status: "active";
  description: string;
  subjectType: string[];
  item: QuestionnaireItem[];
}
