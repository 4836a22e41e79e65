import { SourceError } from '@sg/source-contract';

/** Why a finance drop cannot be landed at all (row-level problems are quarantined instead). */
export type FinanceFileErrorKind =
  | 'manifest_invalid'
  | 'checksum_mismatch'
  | 'unreadable_workbook'
  | 'missing_sheet'
  | 'missing_header'
  | 'totals_mismatch';

/** A finance drop the connector refused: nothing of it landed. */
export const FINANCE_DROP_REFUSED = 'FinanceDropRefused';

export class FinanceFileError extends SourceError {
  override readonly name = 'FinanceFileError';
  readonly kind: FinanceFileErrorKind;
  /** The drop folder or file the error is about, when known. */
  readonly file: string | undefined;

  constructor(kind: FinanceFileErrorKind, message: string, file?: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
    this.file = file;
  }

  /** The same drop fails the same way until the finance department re-issues it. */
  readonly retryable = false;

  override get failureType(): string {
    return FINANCE_DROP_REFUSED;
  }

  override get failureMessage(): string {
    return `finance drop refused: ${this.message} (${this.kind})`;
  }

  override get failureDetails(): Readonly<Record<string, unknown>> {
    return { kind: this.kind, file: this.file ?? null };
  }
}
