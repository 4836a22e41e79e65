import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';

/**
 * Small reference seeds covering the lake fixtures (@sg/lake/testing): three Ningxia counties and
 * the industry paths of classes 0111, 1311 and 6513. Written only into a test's copy of the project
 * when models/seeds lacks the generated ones, never into models/seeds itself.
 */
export const TEST_REF_REGIONS_CSV = `region_code,region_name,level,parent_code,prefecture_code,prefecture_name
640000,宁夏回族自治区,province,,,
640100,银川市,prefecture,640000,640100,银川市
640104,兴庆区,county,640100,640100,银川市
640200,石嘴山市,prefecture,640000,640200,石嘴山市
640202,大武口区,county,640200,640200,石嘴山市
640300,吴忠市,prefecture,640000,640300,吴忠市
640302,利通区,county,640300,640300,吴忠市
`;

export const TEST_REF_INDUSTRIES_CSV = `industry_code,industry_name,level,parent_code,section_code,section_name
A,农、林、牧、渔业,section,,A,农、林、牧、渔业
01,农业,division,A,A,农、林、牧、渔业
011,谷物种植,group,01,A,农、林、牧、渔业
0111,稻谷种植,class,011,A,农、林、牧、渔业
C,制造业,section,,C,制造业
13,农副食品加工业,division,C,C,制造业
131,谷物磨制,group,13,C,制造业
1311,稻谷加工,class,131,C,制造业
I,信息传输、软件和信息技术服务业,section,,I,信息传输、软件和信息技术服务业
65,软件和信息技术服务业,division,I,I,信息传输、软件和信息技术服务业
651,软件开发,group,65,I,信息传输、软件和信息技术服务业
6513,应用软件开发,class,651,I,信息传输、软件和信息技术服务业
`;

const NOT_COPIED = new Set(['target', 'logs', 'dbt_packages']);
const SEEDS = [
  ['ref_regions.csv', TEST_REF_REGIONS_CSV],
  ['ref_industries.csv', TEST_REF_INDUSTRIES_CSV],
] as const;

/**
 * Copies the repository's dbt project into `dir`/models and returns its path. The generated
 * reference seeds are used when they exist (the fixtures' codes are in them, with the same names);
 * a missing one is replaced by the small test seed above, in the copy only.
 */
export async function createTestDbtProject(dir: string): Promise<string> {
  const projectDir = join(dir, 'models');
  await cp(join(findRepoRoot(), 'models'), projectDir, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(basename(source)),
  });
  await mkdir(join(projectDir, 'seeds'), { recursive: true });
  for (const [file, csv] of SEEDS) {
    const path = join(projectDir, 'seeds', file);
    if (!existsSync(path)) await writeFile(path, csv);
  }
  return projectDir;
}
