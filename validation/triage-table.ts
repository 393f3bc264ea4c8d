import { type ExpectedUrgency, URGENCIES } from "./vignette-schema.js";

/** A vignette's expected urgency beside the tool's, with the rules that set the tool's level. */
export interface ComparedVignette {
  id: string;
  expected: ExpectedUrgency;
  tool: ExpectedUrgency;
  /** Rule ids whose urgency equals the tool's (empty for "none"). */
  rules: string[];
}

export type Outcome = "agree" | "over-triage" | "under-triage";

/** Higher is more urgent: emergency 3 … none 0. */
export function urgencyRank(urgency: ExpectedUrgency): number {
  return URGENCIES.length - 1 - URGENCIES.indexOf(urgency);
}

export function outcomeOf(row: Pick<ComparedVignette, "expected" | "tool">): Outcome {
  const difference = urgencyRank(row.tool) - urgencyRank(row.expected);
  return difference === 0 ? "agree" : difference > 0 ? "over-triage" : "under-triage";
}

export interface LevelTotals {
  vignettes: number;
  agree: number;
  over: number;
  under: number;
  /** Under-triaged by exactly one level: still "safe" in Gilbert et al.'s BMJ Open 2020 definition. */
  underByOne: number;
}

export interface Totals {
  byLevel: Record<ExpectedUrgency, LevelTotals>;
  all: LevelTotals;
  emergenciesCaught: number;
}

export function totalsOf(rows: ComparedVignette[]): Totals {
  const empty = (): LevelTotals => ({ vignettes: 0, agree: 0, over: 0, under: 0, underByOne: 0 });
  const byLevel = Object.fromEntries(URGENCIES.map((level) => [level, empty()])) as Record<
    ExpectedUrgency,
    LevelTotals
  >;
  const all = empty();
  for (const row of rows) {
    const outcome = outcomeOf(row);
    for (const totals of [byLevel[row.expected], all]) {
      totals.vignettes++;
      if (outcome === "agree") totals.agree++;
      else if (outcome === "over-triage") totals.over++;
      else {
        totals.under++;
        if (urgencyRank(row.expected) - urgencyRank(row.tool) === 1) totals.underByOne++;
      }
    }
  }
  const emergenciesCaught = rows.filter((row) => row.expected === "emergency" && row.tool === "emergency").length;
  return { byLevel, all, emergenciesCaught };
}

/** The published appropriate-triage rates, by the row of our table they compare with. */
const PUBLISHED: Record<ExpectedUrgency | "all", { semigran: string; hill: string }> = {
  emergency: { semigran: "80%", hill: "63%" },
  urgent: { semigran: "55%*", hill: "56%" },
  soon: { semigran: "55%*", hill: "30%" },
  none: { semigran: "33%", hill: "40%" },
  all: { semigran: "57%", hill: "49%" },
};

const LEVEL_LABELS: Record<ExpectedUrgency | "all", string> = {
  emergency: "emergent (emergency)",
  urgent: "non-emergent, same day (urgent)",
  soon: "routine (soon)",
  none: "self-care (none)",
  all: "all vignettes",
};

function percent(count: number, of: number): string {
  return of === 0 ? "—" : `${Math.round((100 * count) / of)}%`;
}

function fraction(count: number, of: number): string {
  return of === 0 ? "—" : `${count}/${of} (${percent(count, of)})`;
}

function table(header: string[], body: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)];
}

/** Per vignette, then the totals in the form of Semigran et al. 2015's table, with published figures beside them. */
export function renderReport(rows: ComparedVignette[]): string {
  const perVignette = table(
    ["vignette", "expected", "tool", "outcome", "emergency caught", "rules at the tool's level"],
    rows.map((row) => [
      row.id,
      row.expected,
      row.tool,
      outcomeOf(row),
      row.expected === "emergency" ? (row.tool === "emergency" ? "yes" : "NO") : "—",
      row.rules.join(", ") || "—",
    ]),
  );
  const totals = totalsOf(rows);
  const levels = [...URGENCIES, "all"] as const;
  const summary = table(
    ["expected triage level", "n", "agree", "over-triage", "under-triage", "Semigran 2015", "Hill 2020"],
    levels.map((level) => {
      const t = level === "all" ? totals.all : totals.byLevel[level];
      return [
        LEVEL_LABELS[level],
        String(t.vignettes),
        fraction(t.agree, t.vignettes),
        fraction(t.over, t.vignettes),
        fraction(t.under, t.vignettes),
        PUBLISHED[level].semigran,
        PUBLISHED[level].hill,
      ];
    }),
  );
  const { all } = totals;
  const emergencies = totals.byLevel.emergency.vignettes;
  return [
    ...perVignette,
    "",
    "Appropriate triage by expected level (the form of Semigran et al., BMJ 2015), with published symptom-checker figures:",
    ...summary,
    "",
    `Emergencies caught: ${fraction(totals.emergenciesCaught, emergencies)}`,
    `Safe advice (not under-triaged): ${fraction(all.vignettes - all.under, all.vignettes)}; ` +
      `at most one level under (Gilbert et al.'s definition): ${fraction(all.vignettes - all.under + all.underByOne, all.vignettes)}`,
    "",
    "Published figures: Semigran et al., BMJ 2015 (23 symptom checkers, 45 vignettes), appropriate triage;",
    "  * Semigran's 'non-emergent' level covers our urgent and routine rows together.",
    "  Hill et al., MJA 2020 (19 triage checkers, 48 vignettes): appropriate triage of emergency, urgent, non-urgent and self-care vignettes.",
    "  Schmieding et al., JMIR 2022 (same 45 vignettes, 2020): median triage accuracy 55.8%.",
    "  Gilbert et al., BMJ Open 2020 (200 vignettes): safe urgency advice Ada 97.0%, GPs 97.0% on average.",
  ].join("\n");
}
