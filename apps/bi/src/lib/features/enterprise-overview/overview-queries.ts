// The Cube queries behind the enterprise overview page (view enterprise_overview).
import type { Query } from '@cubejs-client/core';

export const VIEW = 'enterprise_overview';
export const COUNT = `${VIEW}.count`;
export const PREFECTURE = `${VIEW}.prefecture_name`;

/** Enterprise count per prefecture, largest first (ties by name). */
export const COUNT_BY_PREFECTURE: Query = {
  measures: [COUNT],
  dimensions: [PREFECTURE],
  order: [
    [COUNT, 'desc'],
    [PREFECTURE, 'asc'],
  ],
};

/** The total comes from the semantic layer too, never summed in the app. */
export const TOTAL_COUNT: Query = { measures: [COUNT] };
