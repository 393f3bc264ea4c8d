import { closest, distance } from "fastest-levenshtein";

/** The known name closest to a misspelt one, if it is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  // The edit distance is at least the difference in length: a name far longer than every known one
  // cannot be a typo of any, and measuring it against each would cost its length times theirs.
  const longest = Math.max(...known.map((candidate) => candidate.length));
  if (name.length - longest > Math.max(2, Math.floor(longest / 4))) return undefined;
  const best = closest(
    name.toLowerCase(),
    known.map((candidate) => candidate.toLowerCase()),
  );
  const match = known.find((candidate) => candidate.toLowerCase() === best);
  return match !== undefined && distance(name.toLowerCase(), best) <= Math.max(2, Math.floor(match.length / 4))
    ? match
    : undefined;
}
