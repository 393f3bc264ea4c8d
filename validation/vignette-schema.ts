import * as z from "zod";

export const URGENCIES = ["emergency", "urgent", "soon", "none"] as const;
export type ExpectedUrgency = (typeof URGENCIES)[number];

const text = z.string().trim().min(1);
const webAddress = z.url({ protocol: /^https?$/ });

const answerNote = z.strictObject({
  /** "stated": the source says it; "inferred": our reading of what the person would answer. */
  basis: z.enum(["stated", "inferred"]),
  note: text,
});

const correction = z.strictObject({ what: text, why: text });

/** One published case, encoded as the answers a lay person in it would give. */
export const VignetteSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
    title: text,
    source: z.strictObject({
      kind: text,
      citation: text,
      url: webAddress,
      /** Where the text was read, when that is a copy of the source at another address. */
      readAt: webAddress.optional(),
    }),
    disposition: z.strictObject({
      /** The source's own words for what the clinicians chose (a short quote). */
      quote: text,
      expectedUrgency: z.enum(URGENCIES),
      /** Why that disposition means this urgency. */
      mapping: text,
    }),
    summary: text,
    /** Default ruleset answers; the library validates them when the vignette is run. */
    answers: z.record(z.string(), z.union([z.string(), z.number()])),
    answerNotes: z.record(z.string(), answerNote),
    corrections: z.array(correction),
  })
  .superRefine((vignette, context) => {
    const answered = Object.keys(vignette.answers).sort().join(",");
    const noted = Object.keys(vignette.answerNotes).sort().join(",");
    if (answered !== noted) {
      context.addIssue({ code: "custom", path: ["answerNotes"], message: "needs exactly one note per answer" });
    }
  });

export type Vignette = z.infer<typeof VignetteSchema>;
