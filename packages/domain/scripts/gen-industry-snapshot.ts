/**
 * Writes data/industries-gb4754-2017.json from scripts/sources/gb4754-2017.tsv.
 *
 * The TSV (code<TAB>name; 门类 letter, 2-digit 大类, 3-digit 中类, 4-digit 小类, in standard order)
 * was transcribed from a public repository's GB/T 4754-2017 table (see README) and checked for
 * 20 门类 / 97 大类 / 473 中类. Where the standard does not subdivide a 中类, GB/T 4754 codes the
 * single 小类 as the 中类 code + "0" with the same name; the generator adds those rows.
 *
 * Run: npm run -w @sg/domain gen:industries
 */
import { readFileSync } from 'node:fs';
import {
  INDUSTRIES_SNAPSHOT_PATH,
  INDUSTRIES_SOURCE_PATH,
  writePrettyJson,
} from './snapshot-files.ts';

type IndustryLevel = 'section' | 'division' | 'group' | 'class';
interface SnapshotIndustry {
  code: string;
  name: string;
  level: IndustryLevel;
  parentCode: string | null;
}

function levelOf(code: string): IndustryLevel {
  if (/^[A-T]$/.test(code)) return 'section';
  if (/^\d{2}$/.test(code)) return 'division';
  if (/^\d{3}$/.test(code)) return 'group';
  if (/^\d{4}$/.test(code)) return 'class';
  throw new Error(`not a GB/T 4754 code: "${code}"`);
}

const rows = readFileSync(INDUSTRIES_SOURCE_PATH, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [code = '', name = ''] = line.split('\t');
    return { code: code.trim(), name: name.trim() };
  });

const industries: SnapshotIndustry[] = [];
let section = '';
let group: SnapshotIndustry | undefined;
let groupHasClasses = false;
const closeGroup = (): void => {
  if (group !== undefined && !groupHasClasses) {
    industries.push({
      code: `${group.code}0`,
      name: group.name,
      level: 'class',
      parentCode: group.code,
    });
  }
};
for (const { code, name } of rows) {
  const level = levelOf(code);
  if (level !== 'class') closeGroup();
  switch (level) {
    case 'section':
      section = code;
      group = undefined;
      industries.push({ code, name, level, parentCode: null });
      break;
    case 'division':
      group = undefined;
      industries.push({ code, name, level, parentCode: section });
      break;
    case 'group':
      group = { code, name, level, parentCode: code.slice(0, 2) };
      groupHasClasses = false;
      industries.push(group);
      break;
    case 'class':
      if (group === undefined || !code.startsWith(group.code)) {
        throw new Error(`小类 ${code} is not under the preceding 中类`);
      }
      groupHasClasses = true;
      industries.push({ code, name, level, parentCode: group.code });
      break;
  }
}
closeGroup();

const snapshot = {
  standard: 'GB/T 4754-2017',
  version: 'GB/T 4754-2017 国民经济行业分类',
  source:
    'Transcribed from a public GB/T 4754-2017 code table (GitHub, Python `industry` list); garbled entries 7271, 8053, 9051 restored from other public GB/T 4754-2017 tables',
  generatedBy: 'packages/domain/scripts/gen-industry-snapshot.ts',
  notes: [
    'Undivided 中类 get one 小类 coded <中类>0 with the same name, as in the standard.',
    'Amendment 第1号修改单 (2019) not separately verified; sources report 1380–1382 小类.',
  ],
  industries,
};
await writePrettyJson(INDUSTRIES_SNAPSHOT_PATH, snapshot);
console.log(`wrote ${industries.length} industries to ${INDUSTRIES_SNAPSHOT_PATH}`);
