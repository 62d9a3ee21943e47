/** Strings of the log area in English; log.fa.ts has the same keys. */
export const log = {
  'log.title': 'Transparency log',
  'log.lead':
    'Every change to a registration (submission, approval, rejection, suspension, revocation) is appended to a public, append-only log. Anyone can check that the log only grows, that an event is in it, and that the registry shows what the log says.',
  'log.checkpoint.heading': 'Latest signed checkpoint',
  'log.checkpoint.size': 'Entries: {size}',
  'log.checkpoint.none': 'No checkpoint has been signed yet.',
  'log.key.heading': 'Verifier key',
  'log.key.note': 'Checkpoints are signed with Ed25519 (C2SP signed note). Keep this key to check them.',
  'log.entries.heading': 'Entries, newest first',
  'log.entries.older': 'Older entries',
  'log.entries.newest': 'Newest entries',
  'log.entries.none': 'The log has no entries yet.',
  'log.entries.index': 'Index',
  'log.entries.event': 'Event',
  'log.entries.subject': 'Subject',
  'log.entries.seq': 'Event no.',
  'log.entries.time': 'Time',
  'log.entries.receipt': 'Receipt',
  'log.subject.product': 'Product',
  'log.subject.producer': 'Production unit',
  'log.how.heading': 'How to verify',
  'log.how.receipt': 'Download the receipt of an entry and check it offline with the verifier key:',
  'log.how.monitor':
    'Watch the log: each new checkpoint must extend the last one you saw (a consistency proof):',
  'log.how.audit':
    'Audit the whole log: download every entry, recompute the root and follow each subject’s chain:',
  'log.root': 'The tree’s root at the latest checkpoint, in hexadecimal:',
  'log.how.api':
    'The API: checkpoint, entries and proofs under /api/v1/log; the format is in docs/log-format.md.',
} as const;
