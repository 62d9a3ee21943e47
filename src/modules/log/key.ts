import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519RawPublicKey } from '../../domain/tlog/keys.ts';
import { parseSignerKey, signerKey, verifierKey } from '../../domain/tlog/note.ts';

export interface LogSigner {
  name: string;
  privateKey: KeyObject;
  /** `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`, what verifiers need. */
  verifierKey: string;
}

export const SIGNER_KEY_FILE = 'log-signer.key';

const signerOf = ({ name, privateKey }: { name: string; privateKey: KeyObject }): LogSigner => ({
  name,
  privateKey,
  verifierKey: verifierKey(name, ed25519RawPublicKey(privateKey)),
});

/**
 * The log's signing key: IRANMADE_LOG_KEY when set, else `<dataDir>/log-signer.key`, created (mode 0600)
 * on first use. Processes sharing a PostgreSQL server must share the key too: give them IRANMADE_LOG_KEY.
 */
export function loadSigner(config: { logKey?: string; dataDir: string; logOrigin: string }): LogSigner {
  if (config.logKey) return signerOf(parseSignerKey(config.logKey.trim()));
  const path = join(config.dataDir, SIGNER_KEY_FILE);
  try {
    return signerOf(parseSignerKey(readFileSync(path, 'utf8').trim()));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const text = signerKey(config.logOrigin, generateKeyPairSync('ed25519').privateKey);
  // Written aside, then linked into place: when two processes start at once, both end up with the
  // one key that got there first, never with a half-written file.
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, `${text}\n`, { mode: 0o600 });
  try {
    linkSync(aside, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(aside);
  }
  return signerOf(parseSignerKey(readFileSync(path, 'utf8').trim()));
}
