// Parses each saved AsyncAPI document named on the command line with the official parser, as a subscriber who
// downloaded it would: from the file alone, nothing fetched. Exits 1 if any document has an error diagnostic
// (warnings and hints are printed, not failed on).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check-asyncapi.mjs <asyncapi document>...');
  process.exit(2);
}

const parser = new Parser();
let failed = false;
for (const file of files) {
  const path = resolve(file);
  const { document, diagnostics } = await parser.parse(await readFile(path, 'utf8'), { source: path });
  const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
  for (const d of diagnostics) {
    const level = Object.keys(DiagnosticSeverity).find(k => DiagnosticSeverity[k] === d.severity) ?? d.severity;
    console.log(`${file}: ${level} ${d.code}: ${d.message} at /${(d.path ?? []).join('/')}`);
  }
  if (errors.length > 0 || !document) {
    failed = true;
    console.log(`${file}: FAILED (${errors.length} errors)`);
  } else {
    console.log(`${file}: ok, ${document.messages().length} messages, ${document.channels().length} channels`);
  }
}
process.exit(failed ? 1 : 0);
