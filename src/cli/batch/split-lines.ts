/**
 * Splits a byte stream into lines as chunks arrive, without ever holding more than `maxBytes` of one
 * line (plus the "\r" of a "\r\n"): a longer line is reported as too long (`text` undefined) the
 * moment it passes the limit, so a line that never ends (/dev/zero) is reported too, and skipped up
 * to its newline. A final newline does not make an extra line; "\r\n" endings are accepted; a UTF-8
 * byte order mark at the very start is not part of the first line.
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
    // One byte of slack for the "\r" of a "\r\n" ending: it is not part of the line. emit() decides.
    if (this.pendingBytes > this.maxBytes + 1) {
      this.discarding = true;
      this.pending = [];
      this.onLine(++this.lineNumber, undefined);
      return;
    }
    this.pending.push(chunk.subarray(from, to));
  }

  private emit(): void {
    if (this.discarding) {
      // Reported when it passed the limit; its end only closes it.
      this.discarding = false;
      this.pendingBytes = 0;
      return;
    }
    this.lineNumber++;
    const bytes = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    const crlf = bytes.length > 0 && bytes[bytes.length - 1] === 13;
    if (bytes.length - (crlf ? 1 : 0) > this.maxBytes) {
      this.onLine(this.lineNumber, undefined);
    } else {
      let text = bytes.toString("utf8", 0, bytes.length - (crlf ? 1 : 0));
      if (this.lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.onLine(this.lineNumber, text);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}
