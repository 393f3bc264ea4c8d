// The exit codes of the contract (docs/contract.md): `run` returns one of these and only main.ts hands it to the process.

/** Evaluated (whatever the verdict, without --exit-code), or help and version printed. */
export const EXIT_OK = 0;

/** An internal error, or output that cannot be written (a full disk). */
export const EXIT_INTERNAL_ERROR = 1;

/** Bad usage or bad input (answers, ruleset, options): every problem on its own line. */
export const EXIT_USAGE = 2;

/** With --exit-code: the verdict is see-a-professional (for batch: any record's is). */
export const EXIT_REFERRAL = 3;

/** The person cancelled the interview (Ctrl-C, or the input closed). */
export const EXIT_CANCELLED = 130;

/** Each exit code and what it means, as --help lists them. */
export const EXIT_CODE_MEANINGS: readonly (readonly [code: number, meaning: string])[] = [
  [EXIT_OK, "evaluated"],
  [EXIT_USAGE, "bad usage or input"],
  [EXIT_REFERRAL, "referral (with --exit-code)"],
  [EXIT_INTERNAL_ERROR, "internal error or output that cannot be written"],
  [EXIT_CANCELLED, "cancelled"],
];
