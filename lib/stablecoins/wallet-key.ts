import { secp256k1 } from "@noble/curves/secp256k1";
import { bytesToHex, getAddress } from "viem";
import { HDKey, publicKeyToAddress } from "viem/accounts";
import { AppError } from "@/lib/errors/app-error";

/** BIP-32 version bytes of the extended keys wallets export: public (xpub, tpub) and the private ones refused. */
const PUBLIC_VERSIONS = { xpub: { private: 0x0488ade4, public: 0x0488b21e }, tpub: { private: 0x04358394, public: 0x043587cf } } as const;
const PRIVATE_PREFIXES = ["xprv", "tprv", "yprv", "zprv"];

/**
 * Reads a merchant's extended public key, refusing anything else in words the merchant can act on:
 * above all a private key, which Kassa must never hold. The key is the wallet account's
 * (m/44'/60'/0' as wallets export it); deposit addresses are its receive addresses 0/i.
 */
export function parseWalletKey(value: string): HDKey {
  const key = value.trim();
  const prefix = key.slice(0, 4);
  if (PRIVATE_PREFIXES.includes(prefix)) {
    throw new AppError("parameter_invalid", "This is an extended private key: it can spend the wallet's money. Never share it; paste the extended public key (xpub…) instead.", {
      param: "stablecoin_xpub",
    });
  }
  const versions = prefix === "tpub" ? PUBLIC_VERSIONS.tpub : PUBLIC_VERSIONS.xpub;
  try {
    if (prefix !== "xpub" && prefix !== "tpub") throw new Error("not an xpub");
    const parsed = HDKey.fromExtendedKey(key, versions);
    if (parsed.privateKey || !parsed.publicKey) throw new Error("not a public key");
    return parsed;
  } catch {
    throw new AppError("parameter_invalid", "must be a BIP-32 extended public key (xpub… or tpub…), as your wallet exports it.", { param: "stablecoin_xpub" });
  }
}

/** The EIP-55 address of receive address `index` (0/index below the key): where payment number `index` is sent. */
export function depositAddress(walletKey: string | HDKey, index: number): `0x${string}` {
  const key = typeof walletKey === "string" ? parseWalletKey(walletKey) : walletKey;
  const child = key.deriveChild(0).deriveChild(index);
  // An EVM address is the keccak-256 of the uncompressed public key; BIP-32 gives the compressed one.
  const uncompressed = secp256k1.ProjectivePoint.fromHex(child.publicKey!).toRawBytes(false);
  return getAddress(publicKeyToAddress(bytesToHex(uncompressed)));
}
