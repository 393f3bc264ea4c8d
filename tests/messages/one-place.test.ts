import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every message a user sees is made in src/messages from a code and params. This reads the source of
// every other file in src/ (TypeScript's own parser, not a grep) and fails on words written elsewhere:
// a string or template with words given as an issue's or error's `message`, to an Error's constructor,
// to a problem written on stderr, or as a zod check's message (which must be a code).
// Not checked: src/web (the page's own words are its table, src/web/messages.ts) and "internal: …"
// errors, which state the code's own invariants and are never caused by input.

const SRC = join(import.meta.dirname, "../../src");
const EXEMPT = [/^messages\//, /^web\//];
const ZOD_CHECKS = new Set(["regex", "min", "max", "length", "refine", "superRefine"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The text of a string or template written in the source (the template's literal parts), if the expression is one. */
function writtenText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [writtenText(node.left), writtenText(node.right)].filter((part) => part !== undefined).join(" ");
  }
  if (ts.isConditionalExpression(node))
    return [writtenText(node.whenTrue), writtenText(node.whenFalse)].filter((part) => part !== undefined).join(" ");
  if (ts.isParenthesizedExpression(node)) return writtenText(node.expression);
  return undefined;
}

/** Words: two letters in a row. A code ("schema.condition-form") is not words. */
function hasWords(text: string | undefined): boolean {
  if (text === undefined || /^[a-z]+(\.[a-z0-9-]+)+$/.test(text) || text.startsWith("internal: ")) return false;
  return /[A-Za-z]{2}/.test(text);
}

/** Each place in `source` where words are written as a message, as "file:line: what". */
function messagesWrittenIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${what}: ${node.getText(file).slice(0, 80)}`);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ["message", "problem"].includes(node.name.getText(file)) &&
      hasWords(writtenText(node.initializer))
    ) {
      report(node, "a message property");
    }
    if (
      ts.isNewExpression(node) &&
      /Error$/.test(node.expression.getText(file)) &&
      node.arguments?.some((arg) => hasWords(writtenText(arg)))
    ) {
      report(node, "an error's words");
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      const name = callee.name.text;
      if (
        name === "write" &&
        /stderr$/.test(callee.expression.getText(file)) &&
        node.arguments.some((arg) => hasWords(writtenText(arg)))
      ) {
        report(node, "words written on stderr");
      }
      if (ZOD_CHECKS.has(name) && node.arguments.slice(1).some((arg) => hasWords(writtenText(arg))))
        report(node, "a zod check's words");
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("every message a user sees comes from src/messages", () => {
  it("no file elsewhere in src/ writes a message's words", () => {
    const files = sourceFiles(SRC).filter((path) => !EXEMPT.some((pattern) => pattern.test(relative(SRC, path))));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((path) => messagesWrittenIn(relative(SRC, path), readFileSync(path, "utf8")));
    expect(found).toEqual([]);
  });

  // The check itself: each kind of place it must catch, and what it must let through.
  it.each([
    ["an issue written by hand", 'issues.push({ path: "fever", message: `expected ${allowed}, got ${got}` });'],
    ["a plain string message", 'const issue = { path: "(root)", message: "longer than 1 MiB" };'],
    ["a problem's words", 'if (typed === "") return { problem: `Please type a number from 1 to ${n}.` };'],
    ["a usage error's words", "throw new UsageError(`${name}: empty; expected one JSON object`);"],
    ["a type error's words", 'throw new TypeError("options: expected an object");'],
    ["words on stderr", 'io.stderr.write("\\nCancelled.\\n");'],
    [
      "a conditional message",
      'const issue = { path, message: suggestion ? `did you mean ${suggestion}?` : "unknown field" };',
    ],
    ["a zod check's English", 'const id = z.string().regex(/^[a-z]+$/, "must be lower-case");'],
  ])("catches %s", (_, source) => {
    expect(messagesWrittenIn("example.ts", source)).toHaveLength(1);
  });

  it.each([
    ["a message made from a code", 'issues.push(issue("fever", "answers.missing", { expected }));'],
    ["a code as a zod check's message", 'const id = z.string().regex(/^[a-z]+$/, schemaCheck("schema.kebab-case"));'],
    ["a code as a custom zod issue's message", 'ctx.addIssue({ code: "custom", message: "schema.condition-form" });'],
    ["a message passed through", "throw new OutputError(message);"],
    ["a made message on stderr", 'io.stderr.write(`\\n${message("cli.cancelled", {})}\\n`);'],
    ["an internal invariant", 'throw new Error(`internal: condition reads unknown question "${id}"`);'],
  ])("lets through %s", (_, source) => {
    expect(messagesWrittenIn("example.ts", source)).toEqual([]);
  });
});
