import { describe, expect, it, vi } from "vitest";
import { AnswersError, evaluate, loadRuleset, RulesetError, type DefaultAnswers } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { choiceQuestion, EDITED_COPY_ID, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * Contract, "Library": nothing in a ruleset is ever executed: no eval, no new Function, no code built
 * from ruleset text. zod can compile a parser with new Function from an object schema's keys (the
 * question ids); loading a ruleset and validating answers must not let it. The only Function zod may
 * make is its empty probe for whether it could.
 */

function codeBuiltDuring(action: () => void): string[] {
  const originalFunction = globalThis.Function;
  const originalEval = globalThis.eval;
  const built: string[] = [];
  const record = (args: readonly unknown[]) => {
    // eval and Function read their code as ToString of the last argument, as String does.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const body = String(args[args.length - 1] ?? "");
    if (body.trim() !== "") built.push(body);
  };
  globalThis.Function = new Proxy(originalFunction, {
    construct(target, args: unknown[]) {
      record(args);
      return Reflect.construct(target, args) as object;
    },
    apply(target, thisArg, args: unknown[]) {
      record(args);
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  globalThis.eval = (code: string) => {
    built.push(String(code));
    return originalEval(code) as unknown;
  };
  try {
    action();
  } finally {
    globalThis.Function = originalFunction;
    globalThis.eval = originalEval;
  }
  return built;
}

describe("no code is built from a ruleset", () => {
  it("loading a ruleset, valid or not", () => {
    const built = codeBuiltDuring(() => {
      loadRuleset(rulesetDocument((d) => d.questions.push({ ...choiceQuestion(d, "fever"), id: "feverSentinel" })));
      expect(() => loadRuleset(rulesetDocument((d) => (d.version = "one")))).toThrow(RulesetError);
    });
    expect(built).toEqual([]);
  });

  it("loading the first ruleset in a fresh copy of the library, before zod has parsed any", async () => {
    // Importing the library already loads the built-in rulesets (before any test can watch), and zod
    // keeps a parser it compiled with its schema: a fresh copy of the loader shows what a first load does.
    vi.resetModules();
    const fresh = await import("../../src/ruleset/load.js");
    const built = codeBuiltDuring(() => {
      expect(fresh.loadRuleset(rulesetDocument()).id).toBe(EDITED_COPY_ID);
    });
    expect(built).toEqual([]);
  });

  it("validating answers against a ruleset's questions, on the full schema's path too", () => {
    const ruleset = loadRuleset(rulesetDocument());
    const built = codeBuiltDuring(() => {
      expect(() => evaluate(ruleset, { ...calmAnswers(), fever: "maybe" })).toThrow(AnswersError);
      expect(() => evaluate(ruleset, { ...calmAnswers(), fevr: "yes" })).toThrow(AnswersError);
      const bare: DefaultAnswers = Object.assign<object, DefaultAnswers>(Object.create(null) as object, calmAnswers());
      expect(evaluate(ruleset, bare).verdict).toBe("self-care-likely-fine");
      expect(evaluate(ruleset, calmAnswers({ fever: "yes" })).urgency).toBe("urgent");
    });
    expect(built).toEqual([]);
  });
});
