/** Texts about suppliers and agreements, in Swedish and English. */
export const sv = {
  'suppliers.org_number_format': 'Ange organisationsnumret som tio siffror: NNNNNN-NNNN.',
  'suppliers.org_number_checksum': 'Organisationsnumret är inte giltigt: kontrollsiffran (den sista siffran) stämmer inte.',
  'suppliers.org_number_taken': 'Leverantören {name} har redan det organisationsnumret.',
  'suppliers.website_invalid': 'Ange en webbadress som börjar med http:// eller https://.',
  'agreements.document_url_invalid': 'Ange en webbadress som börjar med http:// eller https://.',
  'agreements.supplier_not_found': 'Leverantören finns inte.',
  'agreements.responsible_not_found': 'Personen finns inte.',
  'agreements.responsible_left': '{name} har slutat och kan inte bli ansvarig för avtalet.',
  'agreements.end_before_start': 'Slutdatum kan inte vara före startdatum.',
  'agreements.system_not_found': 'Systemet finns inte.',
  'agreements.system_retired': 'Systemet är avvecklat och kan inte kopplas till fler avtal.',
  'agreements.already_linked': 'Avtalet är redan kopplat till systemet.',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'suppliers.org_number_format': 'Enter the organisation number as ten digits: NNNNNN-NNNN.',
  'suppliers.org_number_checksum': 'The organisation number is not valid: the check digit (the last digit) does not match.',
  'suppliers.org_number_taken': 'The supplier {name} already has that organisation number.',
  'suppliers.website_invalid': 'Enter a web address that starts with http:// or https://.',
  'agreements.document_url_invalid': 'Enter a web address that starts with http:// or https://.',
  'agreements.supplier_not_found': 'The supplier does not exist.',
  'agreements.responsible_not_found': 'The person does not exist.',
  'agreements.responsible_left': '{name} has left and cannot become responsible for the agreement.',
  'agreements.end_before_start': 'The end date cannot be before the start date.',
  'agreements.system_not_found': 'The system does not exist.',
  'agreements.system_retired': 'The system is retired and cannot be linked to more agreements.',
  'agreements.already_linked': 'The agreement is already linked to the system.',
};
