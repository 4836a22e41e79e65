import { SourceError } from '@sg/source-contract';

/**
 * Errors that stop one file of a monthly drop from landing (the other entity's file still lands).
 * Row-level problems are not errors: those rows are quarantined with a reason.
 */
export type TaxFileErrorKind =
  | 'manifest_invalid'
  | 'file_missing'
  | 'checksum_mismatch'
  /** The bytes are not UTF-8 (typically GBK from an old export tool). */
  | 'encoding'
  /** A required column is missing from the header. */
  | 'missing_column'
  /** DuckDB could not parse the file at all (broken quoting, not an XLSX…). */
  | 'unreadable'
  /** The file holds another number of rows than its manifest says. */
  | 'row_count_mismatch';

/** A monthly tax drop the connector refused (checksum, encoding, missing column…). */
export const TAX_DROP_REFUSED = 'TaxDropRefused';

export class TaxFileError extends SourceError {
  override readonly name = 'TaxFileError';
  readonly kind: TaxFileErrorKind;
  constructor(kind: TaxFileErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }

  /** The same file fails the same way until someone replaces it. */
  readonly retryable = false;

  override get failureType(): string {
    return TAX_DROP_REFUSED;
  }

  override get failureMessage(): string {
    return `tax drop refused: ${this.message} (${this.kind})`;
  }

  override get failureDetails(): Readonly<Record<string, unknown>> {
    return { kind: this.kind };
  }
}
