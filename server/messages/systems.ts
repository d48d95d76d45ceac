/** Texts about the system register, in Swedish and English. */
export const sv = {
  'systems.unit_not_found': 'Enheten finns inte.',
  'systems.unit_inactive': 'Enheten är inaktiv.',
  'systems.not_found': 'Systemet finns inte.',
  'systems.retired_read_only': 'Systemet är avvecklat. Ett avvecklat system kan inte ändras.',
  'systems.transition_not_allowed': 'Livscykeln kan inte gå från {from} till {to}.',
  'systems.operation_needs_roles': 'Systemet kan inte tas i drift förrän någon har rollen: {roles}.',
  'systems.depends_on_self': 'Ett system kan inte vara beroende av sig självt.',
  'systems.dependency_exists': 'Beroendet finns redan.',
  'systems.dependency_cycle': 'Det andra systemet är redan (direkt eller via andra system) beroende av det här systemet.',
  'systems.lifecycle.planned': 'planerad',
  'systems.lifecycle.implementing': 'under införande',
  'systems.lifecycle.in_operation': 'i drift',
  'systems.lifecycle.retiring': 'under avveckling',
  'systems.lifecycle.retired': 'avvecklad',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'systems.unit_not_found': 'The unit does not exist.',
  'systems.unit_inactive': 'The unit is inactive.',
  'systems.not_found': 'The system does not exist.',
  'systems.retired_read_only': 'The system is retired. A retired system cannot be changed.',
  'systems.transition_not_allowed': 'The lifecycle cannot go from {from} to {to}.',
  'systems.operation_needs_roles': 'The system cannot go into operation until someone holds the role: {roles}.',
  'systems.depends_on_self': 'A system cannot depend on itself.',
  'systems.dependency_exists': 'The dependency is already recorded.',
  'systems.dependency_cycle': 'The other system already depends (directly or through other systems) on this one.',
  'systems.lifecycle.planned': 'planned',
  'systems.lifecycle.implementing': 'being implemented',
  'systems.lifecycle.in_operation': 'in operation',
  'systems.lifecycle.retiring': 'being retired',
  'systems.lifecycle.retired': 'retired',
};
