/** The optional record id echoed in the result, for matching records in batch. */
export const ID_MAX_LENGTH = 200;
export type RecordId = string | number;

/**
 * An id the result can echo unchanged: a string of at most ID_MAX_LENGTH characters, or an integer
 * within ±(2^53 − 1). Past that range (or with a fraction) a JSON number has already lost digits
 * when it is parsed, so it could come back as another number: 12345678901234567890 as
 * 12345678901234567000. `-0` is the number 0 (in JSON Schema and RFC 8785 too) and is echoed as 0.
 */
export function isRecordId(value: unknown): value is RecordId {
  return typeof value === "string" ? value.length <= ID_MAX_LENGTH : Number.isSafeInteger(value);
}
