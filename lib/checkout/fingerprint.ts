import { derivedKey } from "@/lib/config/env";
import { hmacHex } from "@/lib/crypto/tokens";

/** Recognises the same card across payments; without the key it reveals nothing about the number. */
export function cardFingerprint(pan: string): string {
  return hmacHex(derivedKey("card-fingerprint"), pan);
}
