// `npm run admin -- <command> <login>`: the first administrator and emergency access, on the server itself.
//   create-admin <login> [--name <姓名>]   a new administrator; the password from stdin, or prompted twice
//   reset-password <login>                 a temporary password from stdin or prompted; changed at the next login
//   unlock <login>                         unlocks an account locked after repeated failed logins
// Exit status: 0 done, 1 refused (the reason in Chinese on stderr), 2 wrong usage.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { userInfo } from 'node:os';
import { AccountError, createAccountByAdmin, PasswordPolicyError, resetPassword, unlockAccount } from '../db/account-admin';
import { findAccountByLogin } from '../db/accounts';
import { loadConfigOrExit } from '../config';
import { openStore } from '../db/connect';
import { ensureRoles, passwordPolicyFor } from '../db/install';

const USAGE = '用法：npm run admin -- create-admin <用户名> [--name <姓名>] | reset-password <用户名> | unlock <用户名>\n'
  + '（密码从标准输入读取；在终端中运行时提示输入两次，不回显）';

class UsageError extends Error {}

/** A password from stdin: the first line when piped, or typed twice without echo on a terminal. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const first = await prompt('新密码：');
  const second = await prompt('再次输入：');
  if (first !== second) throw new AccountError('两次输入的密码不一致。');
  return first;
}

function prompt(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({ write: (chunk, _enc, done) => { if (!muted) process.stdout.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(args: string[]): Promise<void> {
  const [command, login, ...rest] = args;
  if (!command || !login || !['create-admin', 'reset-password', 'unlock'].includes(command)) throw new UsageError(USAGE);
  const nameAt = rest.indexOf('--name');
  const displayName = nameAt >= 0 ? rest[nameAt + 1] : '系统管理员';
  if (!displayName) throw new UsageError(USAGE);
  const config = loadConfigOrExit();
  const policy = passwordPolicyFor(config.NODE_ENV === 'production');
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  // run on the server, possibly before the engine is up (installation): the wall clock dates the audit record
  const by = { name: `cli:${userInfo().username}`, at: new Date().toISOString() };
  try {
    if (command === 'create-admin') {
      await ensureRoles(store.db);
      const password = await readPassword();
      await createAccountByAdmin(store.db, by, { login, password, displayName, roles: [{ role: 'admin' }], mustChangePassword: false }, policy);
      console.log(`已创建系统管理员 ${login}。`);
      return;
    }
    const account = await findAccountByLogin(store.db, login);
    if (!account) throw new AccountError(`账号 ${login} 不存在。`);
    if (command === 'unlock') {
      await unlockAccount(store.db, by, account.id);
      console.log(`账号 ${login} 已解锁。`);
    } else {
      await resetPassword(store.db, by, account.id, await readPassword(), policy);
      console.log(`账号 ${login} 的密码已重置，登录后须修改。`);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof PasswordPolicyError || err instanceof AccountError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
