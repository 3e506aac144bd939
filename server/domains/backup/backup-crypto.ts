import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/**
 * Encrypted backups (BACKUP_KEY set): the gzip'd JSON Lines of backup-format.ts, encrypted with
 * AES-256-GCM (node:crypto). The file, byte by byte:
 *   0-7     "WPBKENC1" (magic and format version)
 *   8-23    salt of the key derivation (random per file)
 *   24-39   key check: the first 16 bytes of SHA-256("werkplaats-backup-key-check" ‖ key), so a wrong
 *           BACKUP_KEY is named as such before anything is decrypted
 *   40-51   GCM nonce (random per file)
 *   52…n-17 the encrypted gzip stream
 *   last 16 the GCM authentication tag (a changed or cut-off file fails to authenticate)
 * key = scrypt(BACKUP_KEY, salt, 32 bytes, N=2^14, r=8, p=1). BACKUP_KEY is any secret of at least
 * 16 characters; `openssl rand -base64 32` makes a good one. Without the key the file cannot be read:
 * keep the key apart from the backups (docs/security.md).
 */
export const encryptedMagic = Buffer.from("WPBKENC1", "latin1");
const headerLength = 8 + 16 + 16 + 12;
const tagLength = 16;
const minKeyLength = 16;

function deriveKey(secret: string, salt: Buffer): Buffer {
  if (secret.length < minKeyLength) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `BACKUP_KEY must be at least ${minKeyLength} characters (e.g. openssl rand -base64 32).`,
    );
  }
  return scryptSync(secret, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
}

function keyCheck(key: Buffer): Buffer {
  return createHash("sha256").update("werkplaats-backup-key-check").update(key).digest().subarray(0, 16);
}

/**
 * A pipeline stage that encrypts what passes (the gzip stream) and frames it as above:
 * `pipeline(source, createGzip(), encryptBackup(secret), createWriteStream(file))`.
 */
export function encryptBackup(secret: string): (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  const salt = randomBytes(16);
  const key = deriveKey(secret, salt);
  const nonce = randomBytes(12);
  return async function* encrypt(source) {
    const cipher = createCipheriv("aes-256-gcm", key, nonce);
    yield Buffer.concat([encryptedMagic, salt, keyCheck(key), nonce]);
    for await (const chunk of source) yield cipher.update(chunk);
    yield cipher.final();
    yield cipher.getAuthTag();
  };
}

/** Whether the file starts with the encrypted backup's magic. */
export async function isEncryptedBackup(inPath: string): Promise<boolean> {
  const handle = await open(inPath, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return bytesRead === 8 && buffer.equals(encryptedMagic);
  } finally {
    await handle.close();
  }
}

/**
 * The decrypted gzip stream of an encrypted backup. A missing or wrong key fails at once with a
 * clear message; a file changed or cut off after writing fails when its end is read (the GCM tag),
 * which checkBackupFile does before the restore writes anything.
 */
export async function decryptBackup(inPath: string, secret: string | undefined): Promise<Readable> {
  if (!secret) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${inPath} is encrypted: set BACKUP_KEY to the key it was written with.`);
  }
  const handle = await open(inPath, "r");
  let header: Buffer;
  let tag: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (size < headerLength + tagLength) {
      throw new DomainError(ErrorCode.INCOMPLETE_FILE, `${inPath} is a damaged or cut-off encrypted backup.`);
    }
    header = (await handle.read(Buffer.alloc(headerLength), 0, headerLength, 0)).buffer;
    tag = (await handle.read(Buffer.alloc(tagLength), 0, tagLength, size - tagLength)).buffer;
  } finally {
    await handle.close();
  }
  const key = deriveKey(secret, header.subarray(8, 24));
  if (!keyCheck(key).equals(header.subarray(24, 40))) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `BACKUP_KEY does not open ${inPath}: it was encrypted with another key.`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, header.subarray(40, 52));
  decipher.setAuthTag(tag);
  const body = createReadStream(inPath, { start: headerLength, end: size - tagLength - 1 });
  body.on("error", (error) => decipher.destroy(error));
  return body.pipe(decipher);
}
