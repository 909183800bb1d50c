// Writes libs/report-import/src/test/fixtures/zhaoxian-union-2024.docx: EvalFlow's own DOCX of the sample (approved,
// as rendering's specs render it), for report-import's round-trip tests. report-import may not import rendering (a
// scope:server lib), not even in a spec, so the file is generated once here and committed; run again after a layout
// change (TEMPLATE_VERSION) and commit the new file.
// Usage: TS_NODE_PROJECT=tsconfig.base.json TS_NODE_COMPILER_OPTIONS='{"module":"commonjs","moduleResolution":"node10","ignoreDeprecations":"6.0"}' \
//   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/import-fixtures/sample-docx.cjs
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { renderDocument } = require('@evalflow/rendering');
const { sampleInput } = require('../../libs/rendering/src/test/sample');

const target = join(__dirname, '../../libs/report-import/src/test/fixtures/zhaoxian-union-2024.docx');
renderDocument('docx', sampleInput()).then((buffer) => {
  writeFileSync(target, buffer);
  console.log(`${target}: ${buffer.length} bytes`);
});
