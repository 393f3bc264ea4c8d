import { spawn, type IPty } from "@lydell/node-pty";
import type { Terminal as HeadlessTerminal } from "@xterm/headless";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// @xterm/headless is CommonJS whose exports Node cannot see from ESM, and its typings declare no default export.
const { Terminal } = createRequire(import.meta.url)("@xterm/headless") as typeof import("@xterm/headless");

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(REPO_ROOT, "bin", "neck-triage");

/** Keys as a terminal sends them. */
export const KEY = {
  up: "\u001b[A",
  down: "\u001b[B",
  enter: "\r",
  ctrlC: "\u0003",
} as const;

export interface PtyExit {
  exitCode: number;
  signal: number | undefined;
}

export interface PtySessionOptions {
  cols?: number;
  rows?: number;
  /** Added to a minimal environment (PATH, HOME, TERM=xterm-256color); NO_COLOR is set unless `color`. */
  env?: Record<string, string>;
  /** Leave colour allowed: no NO_COLOR in the environment. */
  color?: boolean;
  args?: readonly string[];
  /** The bin/neck-triage to run (a snapshot of the build, see bundle-snapshot.ts); default the repository's. */
  bin?: string;
}

export interface ScreenRow {
  text: string;
  /** The terminal wrapped the previous row into this one: that line was longer than the width. */
  isWrapped: boolean;
}

/** The silence, after the last byte, that counts as "the program has finished drawing". */
const QUIET_MS = 100;
const POLL_MS = 15;
export const WAIT_MS = 12_000;

/** Collapses every run of white space (line breaks included) to one space, so wrapped text compares to the original. */
export function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The built CLI in a pseudo-terminal, its output fed into a headless xterm of the same size, so that
 * a test reads the screen a person would see (after cursor movement and erasing), not the raw bytes.
 */
export class PtySession {
  readonly cols: number;
  readonly rows: number;
  readonly terminal: HeadlessTerminal;
  readonly exited: Promise<PtyExit>;
  private readonly pty: IPty;
  private rawText = "";
  private lastDataAt = performance.now();
  private pendingWrites = 0;
  private exitInfo: PtyExit | undefined;

  constructor(options: PtySessionOptions = {}) {
    this.cols = options.cols ?? 80;
    this.rows = options.rows ?? 24;
    this.terminal = new Terminal({ cols: this.cols, rows: this.rows, scrollback: 10_000, allowProposedApi: true });
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: tmpdir(),
      TERM: "xterm-256color",
      ...(options.color ? {} : { NO_COLOR: "1" }),
      ...options.env,
    };
    this.pty = spawn(process.execPath, [options.bin ?? BIN, ...(options.args ?? [])], {
      name: env.TERM ?? "xterm-256color",
      cols: this.cols,
      rows: this.rows,
      cwd: REPO_ROOT,
      env,
    });
    this.pty.onData((data) => {
      this.rawText += data;
      this.lastDataAt = performance.now();
      this.pendingWrites++;
      this.terminal.write(data, () => {
        this.pendingWrites--;
      });
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.exitInfo = { exitCode, signal };
        resolve(this.exitInfo);
      });
    });
  }

  get pid(): number {
    return this.pty.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** Everything the program wrote so far, escape sequences included. */
  get raw(): string {
    return this.rawText;
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  /** Every row: scrollback, then the visible screen. */
  allRows(): ScreenRow[] {
    const buffer = this.terminal.buffer.active;
    const rows: ScreenRow[] = [];
    for (let y = 0; y < buffer.length; y++) {
      const line = buffer.getLine(y);
      if (line) rows.push({ text: line.translateToString(true), isWrapped: line.isWrapped });
    }
    // Rows below the last one written are empty: leave them out.
    while (rows.length > 0 && rows[rows.length - 1]!.text === "") rows.pop();
    return rows;
  }

  /** The rows currently visible (what fits in the window). */
  screenRows(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let y = buffer.viewportY; y < buffer.viewportY + this.rows; y++)
      rows.push(buffer.getLine(y)?.translateToString(true) ?? "");
    return rows;
  }

  /** All text, scrollback included, rows joined with line breaks (rows the terminal wrapped joined without one). */
  text(): string {
    return this.allRows()
      .map((row, i) => (i > 0 && !row.isWrapped ? "\n" : "") + row.text)
      .join("");
  }

  /** The visible screen as one string. */
  screen(): string {
    return this.screenRows().join("\n");
  }

  /** Rows of the prompt waiting for an answer: from the last row starting "? " to the end, if none was answered after it. */
  activePrompt(): string | undefined {
    const rows = this.allRows();
    for (let i = rows.length - 1; i >= 0; i--) {
      const text = rows[i]!.text;
      if (text.startsWith("✔ ")) return undefined;
      if (text.startsWith("? "))
        return rows
          .slice(i)
          .map((r) => r.text)
          .join("\n");
    }
    return undefined;
  }

  /** Rows above the active prompt (what was said just before it). */
  textBeforeActivePrompt(): string {
    const rows = this.allRows();
    for (let i = rows.length - 1; i >= 0; i--) {
      if (rows[i]!.text.startsWith("? "))
        return rows
          .slice(0, i)
          .map((r) => r.text)
          .join("\n");
    }
    return "";
  }

  /** How many answers the screen shows as given ("✔ ..." rows). */
  answeredCount(): number {
    return this.allRows().filter((row) => row.text.startsWith("✔ ")).length;
  }

  /** True once nothing has arrived for QUIET_MS and the terminal has parsed everything. */
  isSettled(): boolean {
    return this.pendingWrites === 0 && performance.now() - this.lastDataAt >= QUIET_MS;
  }

  /** Waits until `ready` holds on a settled screen; fails with the screen when it does not within `timeoutMs`. */
  async waitUntil(what: string, ready: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.isSettled() && ready()) return;
      if (performance.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; exited: ${JSON.stringify(this.exitInfo)}; screen:\n${this.screen()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Waits for a prompt whose question is `prompt` (however wrapped) to be waiting for an answer. */
  async waitForPrompt(prompt: string, timeoutMs = WAIT_MS): Promise<string> {
    const wanted = flat(`? ${prompt}`);
    await this.waitUntil(
      `the prompt ${JSON.stringify(prompt)}`,
      () => flat(this.activePrompt() ?? "").startsWith(wanted),
      timeoutMs,
    );
    return this.activePrompt()!;
  }

  /**
   * Sends the keys that answer the waiting prompt and waits until the screen shows one more answer given
   * (and the next prompt drawn, or the program ended).
   */
  async answer(keys: string, timeoutMs = WAIT_MS): Promise<void> {
    const before = this.answeredCount();
    if (this.activePrompt() === undefined)
      throw new Error(`no prompt is waiting for an answer; screen:\n${this.screen()}`);
    this.write(keys);
    await this.waitUntil(
      `an answer to be taken after sending ${JSON.stringify(keys)}`,
      () => this.answeredCount() > before && (this.activePrompt() !== undefined || this.hasExited),
      timeoutMs,
    );
  }

  /** Index in `labels` of the choice the cursor (❯) is on, or -1. */
  highlighted(labels: readonly string[]): number {
    const shown = `${flat(this.activePrompt() ?? "")} `;
    return labels.findIndex((label) => shown.includes(`❯ ${flat(label)} `));
  }

  /**
   * Chooses `target` in the waiting list prompt as a person would: arrow keys to it (checking the screen
   * after each), then Enter. `labels` are all the list's choices, in order.
   */
  async select(labels: readonly string[], target: string, timeoutMs = WAIT_MS): Promise<void> {
    await this.moveTo(labels, target, timeoutMs);
    await this.answer(KEY.enter, timeoutMs);
  }

  /** Moves the cursor of the waiting list prompt to `target` with the arrow keys, one key at a time, without choosing. */
  async moveTo(labels: readonly string[], target: string, timeoutMs = WAIT_MS): Promise<void> {
    const to = labels.indexOf(target);
    if (to === -1) throw new Error(`${JSON.stringify(target)} is not one of ${JSON.stringify(labels)}`);
    await this.waitUntil(
      `a list with one of ${JSON.stringify(labels)} highlighted`,
      () => this.highlighted(labels) !== -1,
      timeoutMs,
    );
    let at = this.highlighted(labels);
    while (at !== to) {
      const next = at < to ? at + 1 : at - 1;
      this.write(at < to ? KEY.down : KEY.up);
      await this.waitUntil(
        `the cursor on ${JSON.stringify(labels[next])}`,
        () => this.highlighted(labels) === next,
        timeoutMs,
      );
      at = next;
    }
  }

  /** Waits for the program to end and the terminal to show all it wrote. */
  async waitForExit(timeoutMs = WAIT_MS): Promise<PtyExit> {
    const timeout = new Promise<never>((_, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the program did not exit within ${timeoutMs} ms; screen:\n${this.screen()}`)),
        timeoutMs,
      );
      void this.exited.finally(() => clearTimeout(timer));
    });
    const exit = await Promise.race([this.exited, timeout]);
    await this.waitUntil("the terminal to catch up after exit", () => true, timeoutMs);
    return exit;
  }

  /** Kills the program if it is still running, waits for it to end, and frees the terminal. */
  async dispose(): Promise<void> {
    if (!this.hasExited) {
      this.pty.kill("SIGKILL");
      await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    this.terminal.dispose();
  }
}
