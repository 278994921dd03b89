import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { mnemonicToSeedSync } from "@scure/bip39";
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  parseEventLogs,
  parseUnits,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type HttpTransport,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from "viem";
import { HDKey, mnemonicToAccount } from "viem/accounts";

/** Anvil's default mnemonic: its first ten accounts hold 10,000 ETH each on a fresh node. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

const START_TIMEOUT_MS = 20_000;
const ACCOUNT_COUNT = 10;
/** How many accounts `deployToken` funds, and with how many whole tokens each. */
const FUNDED_ACCOUNTS = 4;
const FUNDING = "1000000";

export type LocalChain = {
  rpcUrl: string;
  chainId: number;
  chain: Chain;
  publicClient: PublicClient<HttpTransport, Chain>;
  testClient: TestClient<"anvil", HttpTransport, Chain>;
  /** The ten default accounts, index i being `m/44'/60'/0'/0/i` of `ANVIL_MNEMONIC`. */
  accounts: Address[];
  /** A wallet client signing locally as `accounts[index]`. */
  walletClient(index: number): WalletClient<HttpTransport, Chain, Account>;
  /** Deploys a fresh test ERC-20 and mints 1,000,000 whole tokens to each of accounts[0..3]. */
  deployToken(options?: { name?: string; symbol?: string; decimals?: number }): Promise<Address>;
  /**
   * Sends an ERC-20 transfer from `accounts[from]` and waits for its receipt. With automine off it
   * waits until something mines the block (call `mine` without awaiting this first).
   */
  transfer(token: Address, from: number, to: Address, value: bigint): Promise<TransferResult>;
  balanceOf(token: Address, owner: Address): Promise<bigint>;
  mine(blocks: number): Promise<void>;
  blockNumber(): Promise<bigint>;
  snapshot(): Promise<Hex>;
  /** Rolls back to a snapshot. Anvil forgets the snapshot once reverted to: take a new one to reuse. */
  revert(id: Hex): Promise<void>;
  setAutomine(on: boolean): Promise<void>;
  stop(): Promise<void>;
};

export type TransferResult = { hash: Hex; blockNumber: bigint; blockHash: Hex; logIndex: number };

export type TokenArtifact = { abi: Abi; bytecode: Hex };

/** The BIP-32 extended public key (xpub) of `m/44'/60'/account'`, from which `0/i` derives address i. */
export function accountXpub(mnemonic: string, account = 0): string {
  return HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic)).derive(`m/44'/60'/${account}'`).publicExtendedKey;
}

/** Every anvil this process started and has not stopped yet: killed if the process ends first. */
const running = new Set<ChildProcess>();
const killRunning = () => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
};
// Vitest ends its fork workers with SIGTERM, and on a signal Node runs no 'exit' handlers: kill
// anvil there too, then re-raise the signal for it to do what it would have done without us.
const onSignal = (signal: NodeJS.Signals) => {
  killRunning();
  unhookProcess();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};
const SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;
function hookProcess() {
  process.on("exit", killRunning);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
function unhookProcess() {
  process.off("exit", killRunning);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
function track(child: ChildProcess) {
  if (running.size === 0) hookProcess();
  running.add(child);
}
function untrack(child: ChildProcess) {
  if (running.delete(child) && running.size === 0) unhookProcess();
}

/** The anvil binary shipped by the platform package `@foundry-rs/anvil` installed as optional dependency. */
function anvilBinary(): string {
  // The platform packages name x64 "amd64"; arm64 stays arm64.
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`anvil is not installed for ${process.platform}/${process.arch}: ${pkg} is missing (npm install @foundry-rs/anvil)`);
  }
  return path.join(path.dirname(manifest), "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
}

/**
 * Starts anvil on a free port with automine (every transaction mined in a block of its own) and
 * resolves once it accepts RPC. Stop it with `stop()`; should this process exit or be terminated
 * (SIGTERM, SIGINT, SIGHUP) first, anvil is killed with it.
 */
export async function startLocalChain(options: { chainId?: number } = {}): Promise<LocalChain> {
  const chainId = options.chainId ?? 31337;
  // `--port 0` lets the OS pick a free port, with no race against other workers; anvil prints the
  // port it got in its "Listening on" line. `--quiet` would hide that line, so stdout is read
  // (and discarded) instead.
  const child = spawn(
    anvilBinary(),
    ["--host", "127.0.0.1", "--port", "0", "--chain-id", String(chainId), "--mnemonic", ANVIL_MNEMONIC, "--accounts", String(ACCOUNT_COUNT)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  track(child);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      untrack(child);
      resolve();
    }),
  );

  let rpcUrl: string;
  try {
    rpcUrl = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      let listening = false;
      const fail = (why: string) => reject(new Error(`anvil did not start: ${why}${stderr ? `\nanvil stderr:\n${stderr}` : ""}`));
      const timer = setTimeout(() => fail(`no "Listening on" line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        if (listening) return; // keep draining, or a full pipe would block anvil
        stdout = (stdout + chunk).slice(-8_000);
        const match = /Listening on ([\d.]+):(\d+)/.exec(stdout);
        if (!match) return;
        listening = true;
        clearTimeout(timer);
        resolve(`http://${match[1]}:${match[2]}`);
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        fail(error.message);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        fail(`exited with ${signal ?? `code ${code}`}`);
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    untrack(child);
    throw error;
  }

  const chain = defineChain({
    id: chainId,
    name: "Local",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl);
  // viem caches the block number for `cacheTime` (4 s by default): on a local chain that is mined
  // on demand it must always be read fresh. A short polling interval keeps receipt waits quick.
  const publicClient: PublicClient<HttpTransport, Chain> = createPublicClient({ chain, transport, cacheTime: 0, pollingInterval: 50 });
  const testClient = createTestClient({ chain, transport, mode: "anvil", cacheTime: 0, pollingInterval: 50 });
  const signers = Array.from({ length: ACCOUNT_COUNT }, (_, i) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }));
  const wallets = signers.map((account) => createWalletClient({ account, chain, transport, pollingInterval: 50 }));
  const walletClient = (index: number) => {
    const wallet = wallets[index];
    if (!wallet) throw new Error(`no account ${index}: the local chain has accounts 0 to ${ACCOUNT_COUNT - 1}`);
    return wallet;
  };

  const reported = await publicClient.getChainId().catch((error: Error) => error.message);
  if (reported !== chainId) {
    child.kill("SIGKILL");
    throw new Error(`anvil at ${rpcUrl} answered eth_chainId with ${reported}, ${chainId} was asked for`);
  }

  /** Sends a token call from `accounts[from]` and waits until it is mined, failing if it reverted. */
  async function send(token: Address, from: number, functionName: string, args: readonly unknown[]) {
    const { abi } = await compileTestToken();
    const hash = await walletClient(from).writeContract({ address: token, abi, functionName, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted in ${hash}`);
    return receipt;
  }

  return {
    rpcUrl,
    chainId,
    chain,
    publicClient,
    testClient,
    accounts: signers.map((account) => account.address),
    walletClient,

    async deployToken({ name = "Test USD Coin", symbol = "USDC", decimals = 6 } = {}) {
      const { abi, bytecode } = await compileTestToken();
      const hash = await walletClient(0).deployContract({ abi, bytecode, args: [name, symbol, decimals] });
      const { contractAddress, status } = await publicClient.waitForTransactionReceipt({ hash });
      if (status !== "success" || !contractAddress) throw new Error(`token deployment failed in ${hash}`);
      for (const account of signers.slice(0, FUNDED_ACCOUNTS)) {
        await send(contractAddress, 0, "mint", [account.address, parseUnits(FUNDING, decimals)]);
      }
      return contractAddress;
    },

    async transfer(token, from, to, value) {
      const receipt = await send(token, from, "transfer", [to, value]);
      const { abi } = await compileTestToken();
      const log = parseEventLogs({ abi, logs: receipt.logs, eventName: "Transfer" }).find(
        (l) => l.address.toLowerCase() === token.toLowerCase(),
      );
      if (!log) throw new Error(`no Transfer log in ${receipt.transactionHash}`);
      return { hash: receipt.transactionHash, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash, logIndex: log.logIndex };
    },

    async balanceOf(token, owner) {
      const { abi } = await compileTestToken();
      const balance = await publicClient.readContract({ address: token, abi, functionName: "balanceOf", args: [owner] });
      if (typeof balance !== "bigint") throw new Error(`balanceOf returned ${String(balance)}`);
      return balance;
    },

    mine: (blocks) => testClient.mine({ blocks }),
    blockNumber: () => publicClient.getBlockNumber(),
    snapshot: () => testClient.snapshot(),
    async revert(id) {
      await testClient.revert({ id });
    },
    setAutomine: (on) => testClient.setAutomine(on),

    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        // SIGTERM normally ends anvil at once; do not let a wedged node hang the suite.
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** A minimal ERC-20 whose `mint` is open to anyone: a test token, never to be deployed for real. */
const TEST_TOKEN_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract TestToken {
    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= value, "ERC20: insufficient allowance");
            allowance[from][msg.sender] = allowed - value;
        }
        _transfer(from, to, value);
        return true;
    }

    function mint(address to, uint256 value) external {
        require(to != address(0), "ERC20: mint to the zero address");
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function _transfer(address from, address to, uint256 value) internal {
        require(to != address(0), "ERC20: transfer to the zero address");
        uint256 balance = balanceOf[from];
        require(balance >= value, "ERC20: insufficient balance");
        balanceOf[from] = balance - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
`;

type SolcOutput = {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
};

let compiled: Promise<TokenArtifact> | undefined;

/**
 * The test token's ABI and creation bytecode, compiled by solc-js once per process. solc is loaded
 * only here: its emscripten build takes a second or two to load, which tests without a token skip.
 */
export function compileTestToken(): Promise<TokenArtifact> {
  if (compiled) return compiled;
  compiled = (async () => {
    const solc = (await import("solc")).default;
    const input = {
      language: "Solidity",
      sources: { "TestToken.sol": { content: TEST_TOKEN_SOURCE } },
      settings: {
        optimizer: { enabled: true, runs: 200 },
        // Paris predates PUSH0 and the other newer opcodes: runs on any anvil hardfork.
        evmVersion: "paris",
        outputSelection: { "*": { TestToken: ["abi", "evm.bytecode.object"] } },
      },
    };
    const output = JSON.parse(solc.compile(JSON.stringify(input)) as string) as SolcOutput;
    const errors = (output.errors ?? []).filter((e) => e.severity === "error");
    if (errors.length > 0) throw new Error(`TestToken does not compile:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
    const contract = output.contracts?.["TestToken.sol"]?.["TestToken"];
    if (!contract) throw new Error("solc returned no TestToken");
    return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
  })();
  // A failed compile is not cached: the next call tries again (and reports its error again).
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}
