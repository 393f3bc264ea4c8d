import type { Source, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { FALSE } from "../../ruleset/unsure.js";
import { describeAnswer } from "../../answers/labels.js";
import { printable, printableDeep } from "../render/printable.js";
import { urgencyHeadline, watchForHeading } from "../render/text.js";
import { madeAtWords } from "../../engine/calendar.js";

type AnswerValue = string | number;

/** What a report is made from: the result, the answers as given, and when. */
export interface ReportInput {
  result: TriageResult;
  ruleset: Ruleset;
  answers: Readonly<Record<string, AnswerValue>>;
  /** The questions asked, in order; from a file: every question whose condition to be asked holds. */
  asked?: readonly string[];
  /** A list question answered item by item: each item's answer. */
  itemAnswers?: Readonly<Record<string, readonly { itemId: string; value: string }[]>>;
  now: Date;
  toolVersion: string;
  /** Where the answers came from, in words: "the interview", "answers.json". */
  from: string;
  /** The number emergency advice names, as given to the engine. */
  emergencyNumber?: string;
}

export interface ReportAnswer {
  question: string;
  answer: string;
  /** Each item of a list question asked on its own, with its answer. */
  items: { text: string; answer: string }[];
}

export interface ReportReason {
  tag: string;
  summary: string;
  possible: boolean;
  answers: string;
  sources: Source[];
}

/** Everything a report says, as printable text (control characters escaped), in the order shown. */
export interface ReportModel {
  title: string;
  madeAt: string;
  from: string;
  record?: string;
  headline: string;
  urgency: TriageResult["urgency"];
  verdict: string;
  advice: string[];
  reasons: ReportReason[];
  watchForHeading: string;
  watchFor: string[];
  answers: ReportAnswer[];
  notAsked: string[];
  ruleset: string;
  digest?: string;
  tool: string;
  disclaimer: string;
}

export function reportModel(input: ReportInput): ReportModel {
  const { ruleset, answers } = input;
  const result = printableDeep(input.result);
  const digest = (input.result.ruleset as { digest?: unknown }).digest;
  const asked = input.asked ?? askedFromFile(ruleset, answers);
  const words = ruleset.definition.advice.urgency;
  return {
    title: printable(ruleset.definition.title),
    madeAt: madeAtWords(input.now),
    from: printable(input.from),
    ...(result.id === undefined ? {} : { record: printable(JSON.stringify(input.result.id)) }),
    headline: urgencyHeadline(ruleset, result.urgency),
    urgency: result.urgency,
    verdict: result.verdict === "see-a-professional" ? "see a professional" : "self-care likely fine",
    advice: result.advice.split("\n"),
    reasons: result.reasons.map((reason) => ({
      tag: printable(words[reason.urgency].label.toUpperCase()),
      summary: reason.summary,
      possible: reason.certainty === "possible",
      answers: Object.entries(reason.answers)
        .map(([field, value]) => `${questionText(ruleset, field)} ${describeAnswer(ruleset, field, value)}`)
        .join("; "),
      sources: reason.sources,
    })),
    watchForHeading:
      result.urgency === "emergency" ? "" : watchForHeading(ruleset, result.urgency, input.emergencyNumber),
    watchFor: result.urgency === "emergency" ? [] : result.watchFor,
    answers: asked.map((id) => {
      const question = ruleset.questionsById.get(id)!;
      const items = question.type === "choice" ? (input.itemAnswers?.[id] ?? []) : [];
      return {
        question: printable(question.prompt),
        answer: describeAnswer(ruleset, id, answers[id]!),
        items: items.map(({ itemId, value }) => ({
          text: printable(
            question.type === "choice" ? (question.items?.find((item) => item.id === itemId)?.text ?? itemId) : itemId,
          ),
          answer: describeAnswer(ruleset, id, value),
        })),
      };
    }),
    notAsked: (result.unanswered ?? []).map((id) => printable(ruleset.questionsById.get(id)?.prompt ?? id)),
    ruleset: printable(`${ruleset.id} ${ruleset.version}`),
    ...(typeof digest === "string" ? { digest: printable(digest) } : {}),
    tool: `neck-triage ${input.toolVersion}`,
    disclaimer: result.disclaimer,
  };
}

/** A question as asked, ending in "?" or ":" so that its answer can follow it on the same line. */
function questionText(ruleset: Ruleset, field: string): string {
  return `${printable(ruleset.questionsById.get(field)?.label ?? field)}:`;
}

/** From a file of answers: the questions the interview would have asked for them. */
function askedFromFile(ruleset: Ruleset, answers: Readonly<Record<string, AnswerValue>>): string[] {
  const codes = ruleset.encode(answers);
  const switchedOff = new Set(
    ruleset.followUps.filter((followUp) => followUp.askWhen(codes) === FALSE).map((followUp) => followUp.question.id),
  );
  return ruleset.questions.filter((q) => answers[q.id] !== undefined && !switchedOff.has(q.id)).map((q) => q.id);
}
