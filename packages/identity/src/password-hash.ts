// argon2id for better-auth's password hooks (its default is scrypt). OWASP's argon2id minimum is
// m = 19 MiB, t = 2, p = 1; @node-rs/argon2's defaults (m = 19 MiB, t = 2, p = 1) meet it.
import { hash, verify } from '@node-rs/argon2';

// The algorithm is left at the library's default, argon2id (its `Algorithm` is a const enum, which
// verbatimModuleSyntax cannot import); the identity test checks the stored hash says `$argon2id$`.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(input.hash, input.password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}
