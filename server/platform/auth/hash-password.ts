import argon2 from "argon2";

/**
 * Passwords are stored as argon2id hashes (OWASP's first choice) with OWASP's minimum settings:
 * 19 MiB memory, 2 iterations, 1 lane — about 50 ms here, so a sign-in stays quick and a stolen
 * hash stays expensive to guess. The parameters are stored in the hash, so raising them later
 * keeps old hashes verifiable.
 */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed hash in the store never signs anyone in.
    return false;
  }
}

/** A hash to verify against when no user has the e-mail, so both cases take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("no user has this password, it only costs the same time");
  return decoy;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function checkNewPassword(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `A password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (password.trim().length === 0) return "A password cannot be only spaces.";
  return undefined;
}
