/**
 * What other modules may use of the people module: a person by id, creating and changing people (the
 * demo data), adding people in bulk (the register import), and marking a person left with a note (the
 * repair of people that are organisations). Its routes (the HR import's too) are registered by
 * server/app.ts from routes.ts.
 */
export { findPerson, insertPeople, type PersonRow } from './repository.ts';
export { createPerson } from './create-person.ts';
export { updatePerson } from './update-person.ts';
export { meansTheItUnit, meansTheSupplier, readsAsOrganisation, readsAsPersonName } from './holder-names.ts';
export { markPersonLeft } from './mark-left.ts';
