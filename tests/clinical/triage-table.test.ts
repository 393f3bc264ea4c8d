import { describe, expect, it } from "vitest";
import { type ComparedVignette, outcomeOf, renderReport, totalsOf } from "../../validation/triage-table.js";

const row = (id: string, expected: ComparedVignette["expected"], tool: ComparedVignette["tool"]): ComparedVignette => ({
  id,
  expected,
  tool,
  rules: tool === "none" ? [] : ["some-rule"],
});

describe("validation triage table", () => {
  it("an urgency above the expected one is over-triage, below it under-triage", () => {
    expect(outcomeOf({ expected: "soon", tool: "urgent" })).toBe("over-triage");
    expect(outcomeOf({ expected: "emergency", tool: "urgent" })).toBe("under-triage");
    expect(outcomeOf({ expected: "none", tool: "none" })).toBe("agree");
    expect(outcomeOf({ expected: "none", tool: "emergency" })).toBe("over-triage");
  });

  it("counts by expected level, emergencies caught, and under-triage by exactly one level", () => {
    const totals = totalsOf([
      row("a", "emergency", "emergency"),
      row("b", "emergency", "urgent"),
      row("c", "soon", "none"),
      row("d", "urgent", "none"),
      row("e", "none", "soon"),
    ]);
    expect(totals.emergenciesCaught).toBe(1);
    expect(totals.byLevel.emergency).toEqual({ vignettes: 2, agree: 1, over: 0, under: 1, underByOne: 1 });
    expect(totals.byLevel.urgent).toEqual({ vignettes: 1, agree: 0, over: 0, under: 1, underByOne: 0 });
    expect(totals.all).toEqual({ vignettes: 5, agree: 1, over: 1, under: 3, underByOne: 2 });
  });

  it("the report shows each vignette, the rates per level and the published figures beside them", () => {
    const report = renderReport([
      row("a", "emergency", "emergency"),
      row("b", "emergency", "urgent"),
      row("c", "none", "none"),
    ]);
    expect(report).toMatch(/^b\s+emergency\s+urgent\s+under-triage\s+NO\s+some-rule$/m);
    expect(report).toMatch(/^emergent \(emergency\)\s+2\s+1\/2 \(50%\)\s+0\/2 \(0%\)\s+1\/2 \(50%\)\s+80%\s+63%$/m);
    expect(report).toMatch(/^self-care \(none\)\s+1\s+1\/1 \(100%\)/m);
    expect(report).toContain("Emergencies caught: 1/2 (50%)");
    expect(report).toContain(
      "Safe advice (not under-triaged): 2/3 (67%); at most one level under (Gilbert et al.'s definition): 3/3 (100%)",
    );
  });
});
