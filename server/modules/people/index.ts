/** What other modules may use of the people module. */
export { findPerson } from './repository.ts';
