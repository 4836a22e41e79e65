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
}
