import { SourceError } from '@sg/source-contract';

/** Why a bank drop or file cannot be processed at all (row-level problems are quarantined instead). */
export type BankFileErrorKind =
  | 'manifest_invalid'
  | 'file_mismatch'
  | 'unknown_layout'
  | 'wrong_encoding'
  | 'missing_columns'
  | 'title_invalid'
  | 'row_count_mismatch';

/** A bank drop or file the connector refused (checksum, unknown layout, encoding…). */
export const BANK_DROP_REFUSED = 'BankDropRefused';

export class BankFileError extends SourceError {
  readonly kind: BankFileErrorKind;
  /** The file (path) the error is about, when it is about one. */
  readonly file: string | undefined;

  constructor(kind: BankFileErrorKind, message: string, file?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BankFileError';
    this.kind = kind;
    this.file = file;
  }

  /** The same drop fails the same way until someone replaces it. */
  readonly retryable = false;

  override get failureType(): string {
    return BANK_DROP_REFUSED;
  }

  override get failureMessage(): string {
    return `bank drop refused: ${this.message} (${this.kind})`;
  }

  override get failureDetails(): Readonly<Record<string, unknown>> {
    return { kind: this.kind, file: this.file ?? null };
  }
}
