// The Node.js versions iranmade runs on are package.json's `engines.node`, read here so that the launcher
// and npm name the same ones. This module must load on an older Node, to say so there.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const engines = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).engines.node;

/** The range's alternatives, each `^X.Y.Z` (X.Y.Z or a later X) or `>=X[.Y.Z]` (that or any later). */
const alternatives = engines.split('||').map((part) => {
  const m = /^\s*(\^|>=)(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
  if (!m)
    throw new Error(`package.json's engines.node has a form the launcher does not read: ${part.trim()}`);
  return { sameMajor: m[1] === '^', from: [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)] };
});

const atLeast = (v, from) =>
  v[0] !== from[0] ? v[0] > from[0] : v[1] !== from[1] ? v[1] > from[1] : v[2] >= from[2];

/** Whether iranmade runs on Node.js `version` ("24.11.1"). */
export function supports(version) {
  const v = version.split('.').map(Number);
  return alternatives.some(({ sameMajor, from }) => atLeast(v, from) && (!sameMajor || v[0] === from[0]));
}

/** The supported versions in words: "22.12 or a later 22, or 24 or later". */
export const supportedInWords = alternatives
  .map(({ sameMajor, from }) => {
    const name = from[2] ? from.join('.') : from[1] ? `${from[0]}.${from[1]}` : String(from[0]);
    return sameMajor ? `${name} or a later ${from[0]}` : `${name} or later`;
  })
  .join(', or ');

/** The one line that says why iranmade will not run on this Node, and how to get one it runs on. */
export function refusal(version, execPath) {
  const packaged = fileURLToPath(new URL('node_modules/.bin/node', root));
  const how = existsSync(packaged)
    ? `run it as npm start, npm run iranmade or npx iranmade, or with ${packaged}, the Node.js 24 that npm install brought`
    : 'run npm install, which brings Node.js 24 into node_modules/.bin where npm has a build for this system (else install Node.js 24), then npm start or npx iranmade';
  return `iranmade needs Node.js ${supportedInWords}, not ${version} (${execPath}): ${how}`;
}
