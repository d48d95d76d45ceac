/**
 * The agreements module's face: suppliers, their contacts and agreements linked to systems. It owns the
 * suppliers, supplier_contacts, agreements and agreement_systems tables.
 */
export { findContact, findSupplier, insertSuppliers } from './repository.ts';
export { insertAgreements, updateAgreementAtVersion } from './agreement-repository.ts';
export { createSupplier } from './create-supplier.ts';
export { createAgreement } from './create-agreement.ts';
