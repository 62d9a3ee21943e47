import { MEASUREMENT_UNITS } from '../domain/registration.ts';
/** Strings of the opendata area in English; opendata.fa.ts has the same keys. */
export const opendata = {
  'opendata.file.products': 'Public products (approved, suspended, revoked, expired)',
  'opendata.file.producers': 'Public production units',
  'opendata.file.decisions': 'Ministry decisions on public registrations, with their reasons',
  'opendata.snapshots':
    'Once a day (UTC) each file is frozen as a daily snapshot: gzip-compressed, with its SHA-256 published. A snapshot never changes, so a copy can be cited by its day and checked against its digest. The files of the last {days} days are kept; their digests are kept for ever.',

  'opendata.field.products.id': 'Product id',
  'opendata.field.products.registrationNumber': 'Registration number (year-serial-check digit)',
  'opendata.field.products.status': 'Registration status',
  'opendata.field.products.nameFa': 'Name in Persian',
  'opendata.field.products.nameEn': 'Name in English',
  'opendata.field.products.descriptionFa': 'Description in Persian',
  'opendata.field.products.descriptionEn': 'Description in English',
  'opendata.field.products.tariffCode': 'Customs tariff code, 8 digits',
  'opendata.field.products.brand': 'Brand',
  'opendata.field.products.model': 'Model',
  'opendata.field.products.gtin': 'GTIN barcode',
  'opendata.field.products.unit': `Unit of measurement: ${MEASUREMENT_UNITS.join(', ')}`,
  'opendata.field.products.annualCapacity': 'Annual production capacity, in the unit',
  'opendata.field.products.exWorksPrice': 'Ex-works price per unit, IRR',
  'opendata.field.products.importedInputsCost': 'Cost of imported inputs per unit, IRR',
  'opendata.field.products.valueAddedPercent': 'Domestic value added, % of the ex-works price',
  'opendata.field.products.exportMarkets': 'Export markets, ISO 3166 codes separated by spaces',
  'opendata.field.products.producerId': 'Production unit id',
  'opendata.field.products.producerNationalId': "Production unit's national ID",
  'opendata.field.products.producerNameFa': "Production unit's name in Persian",
  'opendata.field.products.registeredAt': 'First approval (UTC)',
  'opendata.field.products.validUntil': 'Valid until (UTC)',
  'opendata.field.products.updatedAt': 'Last change (UTC)',

  'opendata.field.producers.id': 'Production unit id',
  'opendata.field.producers.status': 'Registration status',
  'opendata.field.producers.nationalId': 'Legal-entity national ID',
  'opendata.field.producers.nameFa': 'Name in Persian',
  'opendata.field.producers.nameEn': 'Name in English',
  'opendata.field.producers.province': 'Province, ISO 3166-2:IR (2020 codes)',
  'opendata.field.producers.city': 'City',
  'opendata.field.producers.isic': 'Economic activity, ISIC Rev.4 class',
  'opendata.field.producers.licenceNo': 'Operating licence number',
  'opendata.field.producers.website': 'Website',
  'opendata.field.producers.approvedAt': 'Approved (UTC)',
  'opendata.field.producers.updatedAt': 'Last change (UTC)',

  'opendata.field.decisions.logIndex': 'Index of the decision in the transparency log',
  'opendata.field.decisions.decision':
    'Decision (approved, rejected, changes_requested, suspended, reinstated, revoked)',
  'opendata.field.decisions.subjectKind': 'product or producer',
  'opendata.field.decisions.subjectId': 'Id of the product or production unit',
  'opendata.field.decisions.registrationNumber': 'Registration number of the product',
  'opendata.field.decisions.at': 'Time of the decision (UTC)',
  'opendata.field.decisions.reason': 'Reason given',

  'opendata.page.title': 'Open data',
  'opendata.page.lead':
    'Everything public in the registry, as files anyone may download, reuse and republish. No account is needed.',
  'opendata.page.licence': 'Licence',
  'opendata.page.licence_text':
    'You may copy, adapt and republish the files, commercially too, if you name the source: the national registry of domestically-made products (iranmade). Licence:',
  'opendata.page.files': 'Files',
  'opendata.page.formats':
    'CSV is UTF-8 with a byte-order mark (so Excel opens it), comma-separated with quoting as in RFC 4180; a text that starts with = + - or @ is written after an apostrophe, so that a spreadsheet does not run it as a formula. JSON Lines keeps every text as written, one JSON object a line is one JSON object a line. Both are sent gzip-compressed when the client asks for it (Accept-Encoding: gzip, as browsers do), and are read a page at a time, so a file of any size downloads at once.',
  'opendata.page.format': 'Format',
  'opendata.page.conditional':
    'Each file changes when the registry does. Send the ETag you hold in If-None-Match: an unchanged file answers 304 without a body. The same list, with the digests of the newest snapshot, as JSON:',
  'opendata.page.live': 'Live file',
  'opendata.page.snapshot': 'Newest snapshot',
  'opendata.page.snapshots': 'Daily snapshots',
  'opendata.page.snapshot_latest':
    'The newest snapshot is of {day}: the registry as it stood at transparency-log size {size}. Its digests:',
  'opendata.page.snapshot_verify':
    "To check a download, fetch the day's SHA256SUMS beside it and let sha256sum compare them:",
  'opendata.page.snapshot_none':
    'No snapshot has been taken yet: the first is taken shortly after the server starts.',
  'opendata.page.snapshot_list':
    'Every snapshot, newest day first, with its digest, size and log size, as JSON:',
  'opendata.page.fields': 'Fields',
  'opendata.page.field': 'Field',
  'opendata.page.meaning': 'Meaning',
  'opendata.page.feed': 'The change feed, for mirrors',
  'opendata.page.feed_lead':
    'GET /api/v1/changes lists every public event of the registry in the order of the transparency log, so another site can keep an exact copy and prove it.',
  'opendata.page.feed_start':
    'Start without after (or after=-1): the answer is a page of up to limit events (at most 1000), with nextCursor and more.',
  'opendata.page.feed_next':
    'Ask again with after=nextCursor until more is false. Keep the last cursor: later, the same request returns only what changed since.',
  'opendata.page.feed_stream':
    'With Accept: application/x-ndjson the whole feed from after to the end streams as one event a line.',
  'opendata.page.feed_replay':
    "Apply each event's fields to the product or production unit with that id: replayed from the start, the feed rebuilds the public catalog exactly. An event with public false belongs to a registration that was not public yet and carries no fields.",
  'opendata.page.feed_proof':
    "Each event carries logIndex, its leaf in the transparency log: check it against the log's signed checkpoints to prove the mirror followed the registry faithfully.",
  'opendata.page.limits': 'Limits',
  'opendata.page.limits_text':
    'The API answers up to {anonymous} requests a minute to each address without a token, and {token} a minute to each API token (Authorization: Bearer).',
  'opendata.page.limits_headers':
    'Every answer carries the RateLimit and RateLimit-Policy headers; beyond the limit the answer is 429, a problem+json with Retry-After. Public GET endpoints allow every origin (CORS), so web apps can read them, the 429 included.',
} as const;
