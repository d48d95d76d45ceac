/**
 * What other modules may use of the system register: a system as a subject of role assignments, and
 * the facts the policy engine reasons over.
 */
export { systemFactOf } from './get-responsibilities.ts';
export { canEdit as canEditSystem, personOfUser, type Caller } from './access.ts';
export { accountPerson } from './person-repository.ts';
export { findSystem, updateSystemAtVersion, type SystemRow } from './repository.ts';
export { systemSubject, type SystemSubject } from './role-subject.ts';
export { visibleCondition as systemVisibleCondition, seenBeyondKommuner as systemsSeenBeyondKommuner, type Visibility as SystemVisibility } from './visibility.ts';
export { cadenceOf, confirmationDue } from './present.ts';
export { readableSystem, readableSystemRefs, visibilityOf, type SystemRef } from './access.ts';
export { formatRegisterNo, parseRegisterNo, searchTextOf, TRANSITIONS, type AuthMethod, type Criticality, type DataLocation, type Hosting, type Lifecycle, type PersonalData, type SystemKind } from './model.ts';
export { lockSystems } from './system-rules.ts';
export { columnsOf as systemColumnsOf, diffFacts as diffSystemFacts, factsOf as systemFactsOf } from './present.ts';
export type { SystemFactsInput } from './schemas.ts';
export { insertSystems, insertUsingUnits, nextRegisterNo } from './repository.ts';
export { addDependency } from './add-dependency.ts';
export { changeLifecycle } from './change-lifecycle.ts';
export { createSystem } from './create-system.ts';
export { getSystem } from './get-system.ts';
export { neutraliseText, restoreText } from './export/neutralise.ts';
export { SYSTEM_WORDS, type SystemWords } from './export/words.ts';
export { withoutHiddenSystems } from './hidden-in-texts.ts';
