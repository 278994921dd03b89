import { secp256k1 } from "@noble/curves/secp256k1";
import { erc20Abi, parseAbiItem, toHex, type Address } from "viem";
import { generatePrivateKey, HDKey, privateKeyToAddress, publicKeyToAddress } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANVIL_MNEMONIC, accountXpub, startLocalChain, type LocalChain } from "@/lib/testing/local-chain";

const transferEvent = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");
const freshAddress = (): Address => privateKeyToAddress(generatePrivateKey());

describe("local chain", () => {
  let chain: LocalChain;
  let token: Address;

  beforeAll(async () => {
    chain = await startLocalChain();
    token = await chain.deployToken();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("deploys a 6-decimal token and funds the first four accounts", async () => {
    expect(chain.chainId).toBe(31337);
    expect(chain.accounts).toHaveLength(10);
    const decimals = await chain.publicClient.readContract({ address: token, abi: erc20Abi, functionName: "decimals" });
    expect(decimals).toBe(6);
    for (const account of chain.accounts.slice(0, 4)) expect(await chain.balanceOf(token, account)).toBe(1_000_000_000_000n);
    expect(await chain.balanceOf(token, chain.accounts[4]!)).toBe(0n);
  });

  it("transfers in a block of its own and reads the Transfer log back", async () => {
    const to = freshAddress();
    const before = await chain.blockNumber();
    const sent = await chain.transfer(token, 1, to, 25_000_000n);
    expect(sent.blockNumber).toBe(before + 1n);

    const logs = await chain.publicClient.getLogs({
      address: token,
      event: transferEvent,
      args: { to },
      fromBlock: sent.blockNumber,
      toBlock: sent.blockNumber,
    });
    expect(logs).toHaveLength(1);
    const [log] = logs;
    expect(log!.transactionHash).toBe(sent.hash);
    expect(log!.blockHash).toBe(sent.blockHash);
    expect(log!.logIndex).toBe(sent.logIndex);
    expect(log!.args).toEqual({ from: chain.accounts[1], to, value: 25_000_000n });
    expect(await chain.balanceOf(token, to)).toBe(25_000_000n);
  });

  it("mines empty blocks on demand", async () => {
    const before = await chain.blockNumber();
    await chain.mine(5);
    expect(await chain.blockNumber()).toBe(before + 5n);
  });

  it("reverting to a snapshot drops a transfer and its log", async () => {
    const to = freshAddress();
    const before = await chain.blockNumber();
    const id = await chain.snapshot();
    const sent = await chain.transfer(token, 2, to, 1n);
    const query = { address: token, event: transferEvent, args: { to }, fromBlock: 0n, toBlock: "latest" } as const;
    expect(await chain.publicClient.getLogs(query)).toHaveLength(1);

    await chain.revert(id);
    expect(await chain.publicClient.getLogs(query)).toEqual([]);
    expect(await chain.blockNumber()).toBe(before);
    expect(await chain.balanceOf(token, to)).toBe(0n);
    await expect(chain.publicClient.getTransactionReceipt({ hash: sent.hash })).rejects.toThrow();
  });

  it("derives anvil's account 0 from the xpub of m/44'/60'/0'", () => {
    const xpub = accountXpub(ANVIL_MNEMONIC);
    expect(xpub).toMatch(/^xpub/);
    const compressed = HDKey.fromExtendedKey(xpub).deriveChild(0).deriveChild(0).publicKey!;
    // publicKeyToAddress hashes the uncompressed key (0x04 ‖ x ‖ y); HDKey gives the compressed one.
    const uncompressed = secp256k1.ProjectivePoint.fromHex(compressed).toRawBytes(false);
    expect(publicKeyToAddress(toHex(uncompressed))).toBe("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    expect(chain.accounts[0]).toBe("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  });
});
