/** Result shape shared by the identifier parsers: never throws on user input. */

export interface ParseError<Code extends string = string> {
  readonly code: Code;
  /** User-facing message in Simplified Chinese. */
  readonly message: string;
}

export type ParseResult<Value, Code extends string = string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: ParseError<Code> };
