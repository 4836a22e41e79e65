import { describe, expect, it } from 'vitest';
import { loadSemanticModel, parseModelFile } from './load-model.ts';
import { buildSemanticModel, ModelError } from './semantic-model.ts';

describe('the shipped model (semantic/model)', () => {
  const model = loadSemanticModel();

  it('exposes the enterprise_overview view with the contract members', () => {
    const view = model.views.get('enterprise_overview');
    expect(view?.public).toBe(true);
    expect([...(view?.measures.keys() ?? [])]).toEqual([
      'enterprise_overview.count',
      'enterprise_overview.total_registered_capital_yuan',
    ]);
    expect([...(view?.dimensions.keys() ?? [])]).toEqual([
      'enterprise_overview.prefecture_name',
      'enterprise_overview.county_name',
      'enterprise_overview.industry_section_name',
      'enterprise_overview.established_date',
    ]);
    expect(view?.from).toBe('lake.marts.enterprises AS "enterprises"');
  });

  it('keeps the cube private and titles in Chinese', () => {
    expect(model.cubeNames.has('enterprises')).toBe(true);
    expect(model.views.has('enterprises')).toBe(false);
    const prefecture = model.views
      .get('enterprise_overview')
      ?.dimensions.get('enterprise_overview.prefecture_name');
    expect(prefecture).toMatchObject({
      shortTitle: '地市',
      title: '企业分布概览 地市',
      type: 'string',
    });
    expect(
      model.views.get('enterprise_overview')?.measures.get('enterprise_overview.count')?.sql,
    ).toBe('count(*)');
  });
});

const CUBE = `
cubes:
  - name: things
    title: 东西
    sql_table: lake.marts.things
    measures:
      - { name: count, title: 数量, type: count }
      - { name: total, title: 合计, type: sum, sql: "{CUBE}.amount" }
    dimensions:
      - { name: kind, title: 类别, type: string, sql: "{CUBE}.kind" }
`;

const BAD_MODELS: { name: string; views: string; error: RegExp }[] = [
  {
    name: 'join path to an unknown cube',
    views: 'views: [{ name: v, title: 视图, cubes: [{ join_path: nothing, includes: "*" }] }]',
    error: /join_path 'nothing' is not a cube/,
  },
  {
    name: 'an included member the cube lacks',
    views: 'views: [{ name: v, title: 视图, cubes: [{ join_path: things, includes: [missing] }] }]',
    error: /cube 'things' has no member 'missing'/,
  },
  {
    name: 'a join between cubes',
    views: 'views: [{ name: v, title: 视图, cubes: [{ join_path: things.other, includes: "*" }] }]',
    error: /joins between cubes are not supported/,
  },
  {
    name: 'a view named like a cube',
    views: 'views: [{ name: things, title: 视图, cubes: [{ join_path: things, includes: "*" }] }]',
    error: /clashes/,
  },
];

describe('model errors are reported at load time', () => {
  it.each(BAD_MODELS)('$name', ({ views, error }) => {
    const files = [parseModelFile(CUBE, 'cube.yml'), parseModelFile(views, 'view.yml')];
    expect(() => buildSemanticModel(files)).toThrow(error);
  });

  it('rejects references other than {CUBE} in member SQL', () => {
    const cube = CUBE.replace('"{CUBE}.kind"', '"{other.kind}"');
    const view = 'views: [{ name: v, title: 视图, cubes: [{ join_path: things, includes: "*" }] }]';
    expect(() =>
      buildSemanticModel([parseModelFile(cube, 'c.yml'), parseModelFile(view, 'v.yml')]),
    ).toThrow(/\{other\.kind\} is not supported/);
  });

  it('rejects unknown keys and bad identifiers with the file name', () => {
    expect(() =>
      parseModelFile('cubes: [{ name: "bad name", title: x, sql_table: t }]', 'x.yml'),
    ).toThrow(/x\.yml: cubes\.0\.name/);
    expect(() =>
      parseModelFile('cubes: [{ name: a, title: x, sql_table: t, sqll: y }]', 'y.yml'),
    ).toThrow(ModelError);
  });

  it('supports includes "*", aliases and prefixes', () => {
    const view = `views:
  - name: v
    title: 视图
    cubes:
      - join_path: things
        prefix: true
        includes: [count, { name: kind, alias: category, title: 分类 }]`;
    const model = buildSemanticModel([
      parseModelFile(CUBE, 'c.yml'),
      parseModelFile(view, 'v.yml'),
    ]);
    const members = model.views.get('v');
    expect([...(members?.measures.keys() ?? [])]).toEqual(['v.things_count']);
    expect(members?.dimensions.get('v.things_category')).toMatchObject({
      shortTitle: '分类',
      sql: '"things".kind',
    });
    const all = buildSemanticModel([
      parseModelFile(CUBE, 'c.yml'),
      parseModelFile(
        'views: [{ name: w, title: W, cubes: [{ join_path: things, includes: "*", excludes: [total] }] }]',
        'w.yml',
      ),
    ]);
    expect([...(all.views.get('w')?.measures.keys() ?? [])]).toEqual(['w.count']);
  });
});
