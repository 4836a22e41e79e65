// Resolves member names from a request against the model. Only public views are queryable;
// a request can never introduce an identifier or SQL fragment of its own.
import type {
  SemanticModel,
  SemanticView,
  ViewDimension,
  ViewMeasure,
  ViewMember,
} from '../model/semantic-model.ts';
import { QueryError } from './query-errors.ts';

function publicViewNames(model: SemanticModel): string {
  return [...model.views.values()]
    .filter((v) => v.public)
    .map((v) => v.name)
    .join(', ');
}

/** Finds the public view a member name belongs to (`view.member`). */
export function resolveView(model: SemanticModel, memberName: string): SemanticView {
  const parts = memberName.split('.');
  const viewName = parts[0] ?? '';
  if (parts.length !== 2 || viewName === '' || parts[1] === '') {
    throw new QueryError(`'${memberName}' is not a member name: expected 'view.member'`);
  }
  const view = model.views.get(viewName);
  if (view?.public === true) return view;
  if (model.cubeNames.has(viewName) || view !== undefined) {
    throw new QueryError(
      `'${viewName}' is not public: query a view instead (${publicViewNames(model)})`,
    );
  }
  throw new QueryError(
    `unknown view '${viewName}' in '${memberName}'; public views: ${publicViewNames(model)}`,
  );
}

export function resolveMember(view: SemanticView, memberName: string): ViewMember {
  const member = view.measures.get(memberName) ?? view.dimensions.get(memberName);
  if (member === undefined) {
    const known = [...view.measures.keys(), ...view.dimensions.keys()].join(', ');
    throw new QueryError(`view '${view.name}' has no member '${memberName}'; members: ${known}`);
  }
  return member;
}

export function resolveMeasure(view: SemanticView, memberName: string): ViewMeasure {
  const member = resolveMember(view, memberName);
  if (member.kind !== 'measure') {
    throw new QueryError(`'${memberName}' is a dimension; list it under "dimensions"`);
  }
  return member;
}

export function resolveDimension(view: SemanticView, memberName: string): ViewDimension {
  const member = resolveMember(view, memberName);
  if (member.kind !== 'dimension') {
    throw new QueryError(`'${memberName}' is a measure; list it under "measures"`);
  }
  return member;
}

export function resolveTimeDimension(view: SemanticView, memberName: string): ViewDimension {
  const member = resolveDimension(view, memberName);
  if (member.type !== 'time') {
    throw new QueryError(`'${memberName}' is a ${member.type} dimension, not a time dimension`);
  }
  return member;
}
