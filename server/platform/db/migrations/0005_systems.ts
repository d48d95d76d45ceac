import type { Kysely } from 'kysely';

/**
 * The system register: systems, the förvaltningar that use them, dependencies between them,
 * suppliers with contacts, and agreements linked to systems. Nothing here is ever deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('register_no', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_sort', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('aliases_json', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('purpose', 'text')
    .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('kommungemensamt', 'integer', (c) => c.notNull())
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('criticality', 'text')
    .addColumn('samhallsviktig', 'integer')
    .addColumn('hosting', 'text')
    .addColumn('data_location', 'text')
    .addColumn('third_country_transfer', 'integer')
    .addColumn('third_country_basis', 'text')
    .addColumn('personal_data', 'text')
    .addColumn('auth_method', 'text')
    .addColumn('user_count', 'integer')
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('systems_register_idx').on('systems').column('register_no').unique().execute();
  await db.schema.createIndex('systems_name_idx').on('systems').columns(['name_sort', 'id']).execute();
  await db.schema.createIndex('systems_owner_idx').on('systems').columns(['owning_unit_id', 'name_sort', 'id']).execute();
  await db.schema.createIndex('systems_lifecycle_idx').on('systems').columns(['lifecycle', 'name_sort', 'id']).execute();
  await db.schema.createIndex('systems_hosting_idx').on('systems').columns(['hosting', 'name_sort', 'id']).execute();
  await db.schema.createIndex('systems_criticality_idx').on('systems').columns(['criticality', 'name_sort', 'id']).execute();
  await db.schema.createIndex('systems_updated_idx').on('systems').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('systems_confirmed_idx').on('systems').columns(['confirmed_at', 'id']).execute();
  await db.schema.createIndex('systems_shared_idx').on('systems').columns(['kommungemensamt', 'name_sort', 'id']).execute();

  await db.schema
    .createTable('system_units')
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('system_units_pk', ['system_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('system_units_unit_idx').on('system_units').columns(['unit_id', 'system_id']).execute();

  await db.schema
    .createTable('system_dependencies')
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('systems.id'))
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('system_dependencies_pk', ['system_id', 'depends_on_id'])
    .execute();
  await db.schema.createIndex('system_dependencies_reverse_idx').on('system_dependencies').columns(['depends_on_id', 'system_id']).execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_sort', 'text', (c) => c.notNull())
    .addColumn('org_number', 'text')
    .addColumn('website', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suppliers_name_idx').on('suppliers').columns(['name_sort', 'id']).execute();
  await db.schema.createIndex('suppliers_org_number_idx').on('suppliers').column('org_number').unique().execute();

  await db.schema
    .createTable('supplier_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('role_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_contacts_supplier_idx').on('supplier_contacts').columns(['supplier_id', 'name']).execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('notice_months', 'integer')
    .addColumn('auto_renewal', 'integer', (c) => c.notNull())
    .addColumn('document_url', 'text')
    .addColumn('responsible_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('clause_logging', 'integer')
    .addColumn('clause_backup', 'integer')
    .addColumn('clause_destruction', 'integer')
    .addColumn('clause_dpa', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreements_supplier_idx').on('agreements').columns(['supplier_id', 'end_date']).execute();
  await db.schema.createIndex('agreements_end_idx').on('agreements').columns(['end_date', 'id']).execute();

  await db.schema
    .createTable('agreement_systems')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id'))
    .addPrimaryKeyConstraint('agreement_systems_pk', ['agreement_id', 'system_id'])
    .execute();
  await db.schema.createIndex('agreement_systems_system_idx').on('agreement_systems').columns(['system_id', 'agreement_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
