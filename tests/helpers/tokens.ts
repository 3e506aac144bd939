/**
 * A token whose signature differs from `token`'s in exactly one character, and always differs: the
 * character replaced is the second-to-last, which in base64url carries six whole bits of the signature
 * (the last may carry padding bits a decoder ignores). Writing a fixed character there instead fails
 * one run in 64, when the token already holds that character.
 */
export function alterSignature(token: string): string {
  const at = token.length - 2;
  const replacement = token[at] === "A" ? "B" : "A";
  return `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`;
}
