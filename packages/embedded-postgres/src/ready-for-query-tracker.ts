// Follows the PostgreSQL backend's reply stream, delivered in arbitrary chunks, and remembers the
// transaction status of the last ReadyForQuery ('Z') message. Frames are type byte + int32 length
// (length counts itself, not the type byte).

export type TransactionStatus = 'idle' | 'in_transaction' | 'failed_transaction';

const READY_FOR_QUERY = 0x5a; // 'Z'
const STATUS_BY_BYTE: ReadonlyMap<number, TransactionStatus> = new Map([
  [0x49, 'idle'], // 'I'
  [0x54, 'in_transaction'], // 'T'
  [0x45, 'failed_transaction'], // 'E'
]);
const HEADER_LENGTH = 5;

export class ReadyForQueryTracker {
  readonly #header = new Uint8Array(HEADER_LENGTH);
  #headerFilled = 0;
  #bodyRemaining = 0;
  #messageType = 0;
  #lastStatus: TransactionStatus | undefined;

  /** Status from the last ReadyForQuery seen since the last reset; undefined if none. */
  get lastStatus(): TransactionStatus | undefined {
    return this.#lastStatus;
  }

  /** Forget everything: call at a message boundary (PGlite flushes whole messages per call). */
  reset(): void {
    this.#headerFilled = 0;
    this.#bodyRemaining = 0;
    this.#messageType = 0;
    this.#lastStatus = undefined;
  }

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#bodyRemaining > 0) {
        const take = Math.min(this.#bodyRemaining, chunk.length - offset);
        if (this.#messageType === READY_FOR_QUERY && this.#bodyRemaining === 1) {
          this.#lastStatus = STATUS_BY_BYTE.get(chunk[offset] ?? 0);
        }
        offset += take;
        this.#bodyRemaining -= take;
        continue;
      }
      this.#header[this.#headerFilled] = chunk[offset] ?? 0;
      this.#headerFilled += 1;
      offset += 1;
      if (this.#headerFilled === HEADER_LENGTH) {
        const view = new DataView(this.#header.buffer);
        this.#messageType = this.#header[0] ?? 0;
        this.#bodyRemaining = view.getInt32(1) - 4;
        this.#headerFilled = 0;
      }
    }
  }
}
