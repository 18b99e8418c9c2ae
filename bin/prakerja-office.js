#!/usr/bin/env node
// `prakerja-office`: runs the built CLI (out/main/cli.js); from a source checkout without a build,
// runs the TypeScript entry through tsx when it is installed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'main', 'cli.js');

async function main() {
  if (fs.existsSync(built)) return import(pathToFileURL(built).href);
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    const message = 'Program baris perintah belum dibangun. Jalankan "npm run build" terlebih dahulu.';
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ error: { code: 'INTERNAL', message } })}\n`);
    else process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  tsx.register();
  return import(pathToFileURL(path.join(root, 'electron', 'cli', 'index.ts')).href);
}

await main();
