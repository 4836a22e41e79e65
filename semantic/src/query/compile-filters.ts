// Cube filters → SQL predicates. Member SQL comes from the model; every value is a bound parameter.
import type { SemanticView, ViewMember } from '../model/semantic-model.ts';
import type { MemberFilter, QueryFilter } from './cube-query.ts';
import { DateRangeError, normalizeBound, resolveDateRange } from './date-range.ts';
import { QueryError } from './query-errors.ts';
import { resolveMember } from './resolve-members.ts';

/** Collects positional parameters ($1, $2 …) in order. */
export class ParameterList {
  readonly values: string[] = [];
  add(value: string): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface CompiledFilter {
  readonly sql: string;
  /** 'where' for dimension predicates, 'having' for measure predicates. */
  readonly clause: 'where' | 'having';
}

type ValueType = 'string' | 'number' | 'time' | 'boolean';

const memberValueType = (member: ViewMember): ValueType =>
  member.kind === 'measure' ? 'number' : member.type;

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function typedParameter(
  params: ParameterList,
  type: ValueType,
  value: string,
  name: string,
): string {
  switch (type) {
    case 'string':
      return params.add(value);
    case 'number':
      if (!NUMBER.test(value.trim())) throw new QueryError(`'${value}' is not a number (${name})`);
      return `CAST(${params.add(value.trim())} AS DOUBLE)`;
    case 'boolean':
      if (value !== 'true' && value !== 'false') {
        throw new QueryError(`'${value}' is not true or false (${name})`);
      }
      return `CAST(${params.add(value)} AS BOOLEAN)`;
    case 'time':
      return `CAST(${params.add(withDateError(() => normalizeBound(value, 'from')))} AS TIMESTAMP)`;
  }
}

function withDateError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DateRangeError) throw new QueryError(error.message);
    throw error;
  }
}

const TEXT_OPERATORS = new Set([
  'contains',
  'notContains',
  'startsWith',
  'notStartsWith',
  'endsWith',
  'notEndsWith',
]);
const DATE_OPERATORS = new Set([
  'inDateRange',
  'notInDateRange',
  'beforeDate',
  'beforeOrOnDate',
  'afterDate',
  'afterOrOnDate',
]);
const COMPARISONS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const DATE_COMPARISONS = {
  beforeDate: ['<', 'from'],
  beforeOrOnDate: ['<=', 'to'],
  afterDate: ['>', 'to'],
  afterOrOnDate: ['>=', 'from'],
} as const;

/** LIKE pattern for a text operator, with %, _ and \ in the value escaped. */
export function likePattern(operator: string, value: string): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (operator.endsWith('ontains')) return `%${escaped}%`;
  if (operator.endsWith('tartsWith')) return `${escaped}%`;
  return `%${escaped}`;
}

function operatorFits(operator: string, type: ValueType): boolean {
  if (TEXT_OPERATORS.has(operator)) return type === 'string';
  if (DATE_OPERATORS.has(operator)) return type === 'time';
  if (operator in COMPARISONS) return type === 'number' || type === 'time';
  return true;
}

function requireValues(filter: MemberFilter, count: 'one' | 'some'): void {
  const ok = count === 'one' ? filter.values.length === 1 : filter.values.length > 0;
  if (!ok) {
    throw new QueryError(
      `filter '${filter.operator}' on '${filter.member}' needs ${count === 'one' ? 'exactly one value' : 'at least one value'}`,
    );
  }
}

function compileMemberFilter(
  filter: MemberFilter,
  member: ViewMember,
  params: ParameterList,
  now: Date,
): string {
  const type = memberValueType(member);
  const { operator, values } = filter;
  const column = member.sql;
  if (!operatorFits(operator, type)) {
    throw new QueryError(
      `operator '${operator}' does not apply to ${type} member '${member.name}'`,
    );
  }
  const each = (render: (value: string) => string): string[] => values.map(render);
  switch (operator) {
    case 'set':
      return `(${column} IS NOT NULL)`;
    case 'notSet':
      return `(${column} IS NULL)`;
    case 'equals': {
      requireValues(filter, 'some');
      const list = each((v) => typedParameter(params, type, v, member.name)).join(', ');
      return `(${column} IN (${list}))`;
    }
    case 'notEquals': {
      requireValues(filter, 'some');
      const list = each((v) => typedParameter(params, type, v, member.name)).join(', ');
      return `(${column} NOT IN (${list}) OR ${column} IS NULL)`;
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith': {
      requireValues(filter, 'some');
      const alternatives = each(
        (v) => `${column} ILIKE ${params.add(likePattern(operator, v))} ESCAPE '\\'`,
      );
      return `(${alternatives.join(' OR ')})`;
    }
    case 'notContains':
    case 'notStartsWith':
    case 'notEndsWith': {
      requireValues(filter, 'some');
      const all = each(
        (v) => `${column} NOT ILIKE ${params.add(likePattern(operator, v))} ESCAPE '\\'`,
      );
      return `(${all.join(' AND ')} OR ${column} IS NULL)`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      requireValues(filter, 'one');
      const value = values[0] ?? '';
      return `(${column} ${COMPARISONS[operator]} ${typedParameter(params, type, value, member.name)})`;
    }
    case 'inDateRange':
    case 'notInDateRange': {
      requireValues(filter, 'some');
      const range = withDateError(() => resolveDateRange(values, now));
      const between = `${column} >= CAST(${params.add(range.from)} AS TIMESTAMP) AND ${column} <= CAST(${params.add(range.to)} AS TIMESTAMP)`;
      return operator === 'inDateRange'
        ? `(${between})`
        : `(NOT (${between}) OR ${column} IS NULL)`;
    }
    case 'beforeDate':
    case 'beforeOrOnDate':
    case 'afterDate':
    case 'afterOrOnDate': {
      requireValues(filter, 'one');
      const [sign, bound] = DATE_COMPARISONS[operator];
      const value = withDateError(() => normalizeBound(values[0] ?? '', bound));
      return `(${column} ${sign} CAST(${params.add(value)} AS TIMESTAMP))`;
    }
  }
}

function clauseOf(member: ViewMember): 'where' | 'having' {
  return member.kind === 'measure' ? 'having' : 'where';
}

/** Compiles one (possibly nested and/or) Cube filter. */
export function compileFilter(
  view: SemanticView,
  filter: QueryFilter,
  params: ParameterList,
  now: Date,
): CompiledFilter {
  if ('member' in filter) {
    const member = resolveMember(view, filter.member);
    return { sql: compileMemberFilter(filter, member, params, now), clause: clauseOf(member) };
  }
  const [parts, joiner] = 'and' in filter ? [filter.and, ' AND '] : [filter.or, ' OR '];
  if (parts.length === 0) throw new QueryError('an and/or filter needs at least one filter');
  const compiled = parts.map((part) => compileFilter(view, part, params, now));
  const clauses = new Set(compiled.map((c) => c.clause));
  if (clauses.size > 1) {
    throw new QueryError('an and/or filter cannot mix measures and dimensions');
  }
  return {
    sql: `(${compiled.map((c) => c.sql).join(joiner)})`,
    clause: compiled[0]?.clause ?? 'where',
  };
}

/** Every member named anywhere in a filter tree (to check they all belong to one view). */
export function filterMembers(filter: QueryFilter): string[] {
  if ('member' in filter) return [filter.member];
  return ('and' in filter ? filter.and : filter.or).flatMap(filterMembers);
}
