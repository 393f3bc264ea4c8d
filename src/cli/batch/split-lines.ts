/**
 * Splits a byte stream into lines as chunks arrive, without ever holding more than `maxBytes` of one
 * line: a longer line is reported as too long (`text` undefined) and skipped up to its newline.
 * A final newline does not make an extra line; "\r\n" endings are accepted.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private discarding = false;
  private lineNumber = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (lineNumber: number, text: string | undefined) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline === -1) {
        this.keep(chunk, start, chunk.length);
        return;
      }
      this.keep(chunk, start, newline);
      this.emit();
      start = newline + 1;
    }
  }

  end(): void {
    if (this.discarding || this.pendingBytes > 0 || this.pending.length > 0) this.emit();
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.discarding || from === to) return;
    this.pendingBytes += to - from;
    if (this.pendingBytes > this.maxBytes) {
      this.discarding = true;
      this.pending = [];
      return;
    }
    this.pending.push(chunk.subarray(from, to));
  }

  private emit(): void {
    this.lineNumber++;
    if (this.discarding) {
      this.onLine(this.lineNumber, undefined);
    } else {
      const bytes = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
      let text = bytes.toString("utf8");
      if (text.endsWith("\r")) text = text.slice(0, -1);
      this.onLine(this.lineNumber, text);
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.discarding = false;
  }
}
