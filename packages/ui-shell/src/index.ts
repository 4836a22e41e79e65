export { appUrl, LAUNCHABLE_APPS, launcherApps, type LaunchableApp } from './launcher.ts';
export {
  DISPLAY_TIME_ZONE,
  formatMoneyFen,
  formatShanghaiDate,
  formatShanghaiDateTime,
} from './formatters.ts';
export {
  cellText,
  DEFAULT_PAGE_SIZE,
  nextSort,
  tablePage,
  tableQueryHref,
  tableQueryOf,
  type SortDirection,
  type TablePage,
  type TableQuery,
} from './paging.ts';
export { pageAccess, SIGN_IN_PATH, signInLocation, type PageAccess } from './page-access.ts';
export { fieldErrorsOf, parseForm, type FieldErrors } from './field-errors.ts';
export { parseSetCookie, type CookieOptions, type ParsedSetCookie } from './set-cookie.ts';
export { orgUnitTree, type OrgUnitLike, type OrgUnitTreeRow } from './org-unit-tree.ts';
