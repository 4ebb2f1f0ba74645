/**
 * A one-line progress counter on stderr for long runs, drawn only on a terminal so logs and
 * pipes get clean output.
 */
export class Progress {
  readonly #enabled: boolean;
  #shown = false;

  constructor(readonly total: number, minimum = 20) {
    this.#enabled = Boolean(process.stderr.isTTY) && total >= minimum;
  }

  update(done: number): void {
    if (!this.#enabled) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}`);
    this.#shown = true;
  }

  clear(): void {
    if (this.#shown) process.stderr.write('\r\x1b[2K');
    this.#shown = false;
  }
}
