import { mnemonicToSeedSync } from "@scure/bip39";
import { bytesToHex, hexToBytes } from "viem";
import { HDKey, privateKeyToAddress } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { depositAddress, parseWalletKey } from "../wallet-key";

// BIP-32 test vector 1 (bitcoin/bips, bip-0032.mediawiki): seed 000102…0f and its published keys.
const VECTOR_SEED = "0x000102030405060708090a0b0c0d0e0f";
const VECTOR_M_0H_XPUB = "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";
const VECTOR_M_0H_1_XPUB = "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ";
const VECTOR_M_0H_1_2H_2_XPUB = "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV";
const VECTOR_M_0H_1_2H_2_1000000000_XPUB = "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy";

// The mnemonic every Ethereum dev tool ships (Hardhat, Anvil) and its well-known first accounts.
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const DEV_ACCOUNTS = ["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"];

describe("the merchant's wallet key", () => {
  it("reads BIP-32 test vector 1's public keys and derives their non-hardened children without a private key", () => {
    const master = HDKey.fromMasterSeed(hexToBytes(VECTOR_SEED));
    expect(master.derive("m/0'").publicExtendedKey).toBe(VECTOR_M_0H_XPUB);
    expect(parseWalletKey(VECTOR_M_0H_XPUB).deriveChild(1).publicExtendedKey).toBe(VECTOR_M_0H_1_XPUB);
    expect(parseWalletKey(VECTOR_M_0H_1_2H_2_XPUB).deriveChild(1_000_000_000).publicExtendedKey).toBe(VECTOR_M_0H_1_2H_2_1000000000_XPUB);
  });

  it("derives the same addresses from the public key as the private key gives, at 0/i", () => {
    const master = HDKey.fromMasterSeed(hexToBytes(VECTOR_SEED));
    for (const index of [0, 1, 7, 2_147_483_647]) {
      const privateKey = master.derive(`m/0'/0/${index}`).privateKey!;
      expect(depositAddress(VECTOR_M_0H_XPUB, index)).toBe(privateKeyToAddress(bytesToHex(privateKey)));
    }
  });

  it("gives a wallet account's own receive addresses: the dev mnemonic's m/44'/60'/0' key yields its well-known accounts", () => {
    const account = HDKey.fromMasterSeed(mnemonicToSeedSync(DEV_MNEMONIC)).derive("m/44'/60'/0'");
    DEV_ACCOUNTS.forEach((address, index) => expect(depositAddress(account.publicExtendedKey, index)).toBe(address));
  });

  it("refuses a private key in words that say why, and anything else that is not an xpub", () => {
    const master = HDKey.fromMasterSeed(hexToBytes(VECTOR_SEED));
    const refusal = (value: string) => {
      try {
        parseWalletKey(value);
      } catch (error) {
        return isAppError(error) ? error.message : "not an AppError";
      }
      return "accepted";
    };
    expect(refusal(master.privateExtendedKey)).toMatch(/private key/);
    expect(refusal("xpub123")).toMatch(/extended public key/);
    expect(refusal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toMatch(/extended public key/);
    expect(refusal(`${VECTOR_M_0H_XPUB.slice(0, -1)}x`)).toMatch(/extended public key/);
    expect(refusal(` ${VECTOR_M_0H_XPUB} `)).toBe("accepted");
  });
});
