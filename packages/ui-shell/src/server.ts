// Server-only parts (they reach @sg/identity and the database): never import from a page component.
export { createSignInAction, type SignInEvent, type SignInOutcome } from './sign-in-action.ts';
