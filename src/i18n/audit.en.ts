/** Strings of the yearly audit in English; audit.fa.ts has the same keys. */
export const audit = {
  'audit.title': 'Yearly audit',
  'audit.lead':
    'Each Iranian year the ministry draws a random sample of the registrations in force (5 %, at least 10) and checks their declarations (capacity, ex-works price, imported inputs) against the facts. A discrepancy calls for a decision on the registration, with its reason, which is public.',
  'audit.years': 'Years',
  'audit.year': 'Year {year}',
  'audit.draw': 'Draw the sample of {year}',
  'audit.draw_lead':
    'The sample of {year} is not drawn yet. {count} registrations are in force; {size} will be drawn at random.',
  'audit.none_in_force': 'No registration is in force: there is nothing to draw from.',
  'audit.not_drawn': 'No sample was drawn for {year}.',
  'audit.drawn':
    'Drawn on {date} from {population} registrations in force: {size} in the sample, {done} audited, {discrepancies} with a discrepancy.',
  'audit.col_product': 'Product',
  'audit.col_number': 'Registration number',
  'audit.col_producer': 'Production unit',
  'audit.col_outcome': 'Outcome',
  'audit.col_note': 'Note',
  'audit.outcome.pending': 'To audit',
  'audit.outcome.confirmed': 'Declaration confirmed',
  'audit.outcome.discrepancy': 'Discrepancy',
  'audit.form_title': 'In the audit sample of {year}',
  'audit.form_lead':
    'Check the declared capacity, price and imported inputs against the facts, then record what you found. A discrepancy calls for a decision below (suspend or revoke), with its reason.',
  'audit.outcome': 'What the audit found',
  'audit.note': 'Note',
  'audit.note_hint': 'Required for a discrepancy: what differs from the declaration. Kept in the ministry.',
  'audit.record': 'Record the audit',
} as const;
