import { normaliseText, searchTokens } from '../../domain/persian.ts';
import { FacetCounter, type Facets, type Filters, filterBits, packFacets } from './facets.ts';
import { type IdentifierQuery, identifiersIn } from './identifiers.ts';
import { grown, Postings } from './postings.ts';
import { Suggestions } from './suggestions.ts';
import { Vocabulary } from './vocabulary.ts';

export type { Facets, Filters };

/** What the index needs of a public product and its producer. */
export interface IndexedProduct {
  id: string;
  registrationNumber: string | null;
  gtin: string | null;
  tariffCode: string;
  nameFa: string;
  nameEn: string;
  descriptionFa: string;
  descriptionEn: string;
  brand: string;
  model: string;
  attributes: Record<string, string>;
  valueAddedPercent: number;
  /** Milliseconds since the epoch: the "newest" order. */
  registeredAt: number;
  producer: {
    id: string;
    nationalId: string;
    nameFa: string;
    nameEn: string;
    province: string;
    isic: string;
  };
}

export type SortOrder = 'relevance' | 'newest' | 'name';

/** The last item of the previous page: its sort key and its product number. */
export interface After {
  key: number | string;
  no: number;
}

export interface Query {
  text?: string;
  filters?: Filters;
  sort?: SortOrder;
  /** The name order's language. */
  lang?: 'fa' | 'en';
  limit: number;
  after?: After;
}

export interface Hit {
  id: string;
  after: After;
}

export interface Result {
  hits: Hit[];
  total: number;
  hasMore: boolean;
  facets: Facets;
}

// Names weigh most; then what a buyer remembers of a maker; then the long text.
const WEIGHTS = { name: 3, brand: 2, producer: 2, text: 1 } as const;
const K1 = 1.2;
const B = 0.75;
const PREFIX_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.5;
const MAX_PREFIXES = 40;
/** Fewer exact matches than this and misspellings are tried. */
const FEW = 3;
const IDENTIFIER_BOOST = 1e6;
const MAX_WORDS = 12;
/** Above the most clauses a query can have: each word, or its two halves. */
const STATES = 32;
/** The state of a dead slot: no query's state, so no query ever matches it. */
const DEAD = 0xffffffff;
const MAX_EPOCH = DEAD / STATES - 2;

// Per slot, what a query reads and writes for a match lies side by side in one record of 32 bytes,
// so a match costs one cache line instead of one per array: score and best as float64s (indexes
// within the record's four), then state, facet values, producer and length as uint32s (of eight).
const RECORD_BYTES = 32;
const SCORE = 0;
const BEST = 1;
const STATE = 4;
const FACET = 5;
const PRODUCER = 6;
const LENGTH = 7;
/** Distinct texts remembered with their words: a producer's name, a brand, a standard description. */
const MEMO = 30_000;

const JOINERS = /\u00A0|\u200C|\u200D|\u200E|\u200F/g;

interface Clause {
  words: { id: number; weight: number }[];
}

/**
 * The public catalog in memory: dense slot numbers, typed arrays of facet values, and postings of
 * weighted word frequencies from which BM25 is computed as they are read. A changed product gets a new
 * slot and its old one is marked dead, so a query touches only arrays and allocates nothing per match.
 */
export class SearchIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly postings = new Postings();
  readonly suggestions = new Suggestions();
  private capacity = 1024;
  private slotCount = 0;
  private live = 0;
  private totalLength = 0;

  // Per slot. In the records: the score of the current query and a clause's best spelling so far;
  // the state (the query's number times STATES plus how many clauses the slot has matched, so one
  // comparison tells whether this query has seen it and whether it matched every clause so far); the
  // packed facet values; the producer; the words counted with their field weights (BM25's length).
  private records = new ArrayBuffer(this.capacity * RECORD_BYTES);
  private f64 = new Float64Array(this.records);
  private u32 = new Uint32Array(this.records);
  private alive = new Uint8Array(this.capacity);
  private productOf = new Int32Array(this.capacity);
  private tariff = new Int32Array(this.capacity);
  private registeredAt = new Float64Array(this.capacity);
  private readonly nameKey: [string[], string[]] = [[], []];

  // Scratch space of one query, reused by the next.
  private touched = new Int32Array(this.capacity);
  private touchedCount = 0;
  private epoch = 0;
  private norm0 = 0;
  private norm1 = 0;

  // Per product (stable across its changes) and per producer.
  private readonly productNo = new Map<string, number>();
  private readonly productIds: string[] = [];
  private slotOfProduct = new Int32Array(this.capacity).fill(-1);
  private readonly producerNo = new Map<string, number>();
  private readonly producerIds: string[] = [];
  private readonly nationalIds = new Map<string, number>();
  private readonly producerNames: { fa: string; en: string }[] = [];
  private liveOfProducer = new Int32Array(16);
  /** The packed facet values of a producer's latest product: its province and ISIC division. */
  private packedOfProducer = new Uint32Array(16);
  private readonly facets = new FacetCounter();

  private readonly registrationNumbers = new Map<string, number>();
  /** A GTIN's product, or its products when several share it. */
  private readonly gtins = new Map<string, number | number[]>();

  private readonly words = new Map<string, number[]>();
  private readonly keys = new Map<string, string>();
  private readonly frequencies = new Map<number, number>();

  get size() {
    return this.live;
  }

  /** Adds a product, or replaces the one with its id. */
  upsert(p: IndexedProduct) {
    this.remove(p.id);
    const slot = this.slotCount++;
    if (slot === this.capacity) this.growTo(this.capacity * 2);
    let no = this.productNo.get(p.id);
    if (no === undefined) {
      no = this.productIds.length;
      this.productNo.set(p.id, no);
      this.productIds.push(p.id);
      if (no >= this.slotOfProduct.length)
        this.slotOfProduct = grown(this.slotOfProduct, new Int32Array(no * 2).fill(-1));
    }
    this.slotOfProduct[no] = slot;
    this.productOf[slot] = no;
    this.alive[slot] = 1;
    this.live++;
    const r = slot * 8;
    const packed = packFacets(p.tariffCode, p.producer.province, p.producer.isic, p.valueAddedPercent);
    const producer = this.producer(p.producer);
    this.u32[r + FACET] = packed;
    this.u32[r + PRODUCER] = producer;
    this.packedOfProducer[producer] = packed;
    this.tariff[slot] = Number(p.tariffCode) || 0;
    this.registeredAt[slot] = p.registeredAt;
    const [fa, en] = this.nameKey;
    fa[slot] = this.keyOf(p.nameFa);
    en[slot] = this.keyOf(p.nameEn);
    if (p.registrationNumber) this.registrationNumbers.set(p.registrationNumber, no);
    if (p.gtin) {
      const others = this.gtins.get(p.gtin);
      if (others === undefined || others === no) this.gtins.set(p.gtin, no);
      else if (typeof others === 'number') this.gtins.set(p.gtin, [others, no]);
      else if (!others.includes(no)) others.push(no);
    }
    this.indexText(slot, p);
    this.suggestions.add(fa[slot] as string, p.nameFa);
    this.suggestions.add(en[slot] as string, p.nameEn);
    this.liveOfProducer[producer] = (this.liveOfProducer[producer] as number) + 1;
    if (this.liveOfProducer[producer] === 1) this.suggestProducer(producer, 'add');
  }

  /** Takes a product out of every answer from now on. */
  remove(id: string) {
    const no = this.productNo.get(id);
    if (no === undefined) return;
    const slot = this.slotOfProduct[no] as number;
    if (slot < 0) return;
    this.alive[slot] = 0;
    this.u32[slot * 8 + STATE] = DEAD;
    this.slotOfProduct[no] = -1;
    this.live--;
    this.totalLength -= this.u32[slot * 8 + LENGTH] as number;
    this.suggestions.drop(this.nameKey[0][slot] as string);
    this.suggestions.drop(this.nameKey[1][slot] as string);
    const producer = this.u32[slot * 8 + PRODUCER] as number;
    this.liveOfProducer[producer] = (this.liveOfProducer[producer] as number) - 1;
    if (this.liveOfProducer[producer] === 0) this.suggestProducer(producer, 'drop');
  }

  /** Makes what was added searchable; a query does it too, so calling it first keeps queries quick. */
  flush() {
    this.postings.flush(this.alive);
  }

  has(id: string) {
    const no = this.productNo.get(id);
    return no !== undefined && (this.slotOfProduct[no] as number) >= 0;
  }

  producerName(id: string, lang: 'fa' | 'en'): string | undefined {
    const no = this.producerNo.get(id);
    return no === undefined ? undefined : this.producerNames[no]?.[lang];
  }

  /** The ids of the live products of a producer. */
  productsOf(producerId: string): string[] {
    const producer = this.producerNo.get(producerId);
    const ids: string[] = [];
    if (producer === undefined) return ids;
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (this.alive[slot] && this.u32[slot * 8 + PRODUCER] === producer)
        ids.push(this.productIds[this.productOf[slot] as number] as string);
    }
    return ids;
  }

  /** A producer's names are suggested while it has a public product. */
  private suggestProducer(no: number, how: 'add' | 'drop') {
    const names = this.producerNames[no] as { fa: string; en: string };
    for (const name of [names.fa, names.en]) {
      if (how === 'add') this.suggestions.add(this.keyOf(name), name);
      else this.suggestions.drop(this.keyOf(name));
    }
  }

  private producer(p: IndexedProduct['producer']): number {
    let no = this.producerNo.get(p.id);
    if (no === undefined) {
      no = this.producerIds.length;
      this.producerNo.set(p.id, no);
      this.producerIds.push(p.id);
      if (no >= this.liveOfProducer.length) {
        this.liveOfProducer = grown(this.liveOfProducer, new Int32Array(no * 2));
        this.packedOfProducer = grown(this.packedOfProducer, new Uint32Array(no * 2));
      }
    }
    this.nationalIds.set(p.nationalId, no);
    const old = this.producerNames[no];
    if (old?.fa === p.nameFa && old.en === p.nameEn) return no;
    const live = (this.liveOfProducer[no] as number) > 0;
    if (live) this.suggestProducer(no, 'drop');
    this.producerNames[no] = { fa: p.nameFa, en: p.nameEn };
    if (live) this.suggestProducer(no, 'add');
    return no;
  }

  /** The normal form of a name (kept for sorting and suggestions), shared by products of that name. */
  private keyOf(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      if (this.keys.size === MEMO) this.keys.clear();
      key = normaliseText(text);
      this.keys.set(text, key);
    }
    return key;
  }

  /** The word ids of a text; a text seen before is not split and normalised again. */
  private wordsOf(text: string): number[] {
    let ids = this.words.get(text);
    if (ids === undefined) {
      if (this.words.size === MEMO) this.words.clear();
      ids = searchTokens(text).map((token) => this.vocabulary.intern(token));
      this.words.set(text, ids);
    }
    return ids;
  }

  private indexText(slot: number, p: IndexedProduct) {
    const frequencies = this.frequencies;
    let length = 0;
    const add = (text: string, weight: number) => {
      for (const id of this.wordsOf(text)) {
        frequencies.set(id, (frequencies.get(id) ?? 0) + weight);
        length += weight;
      }
    };
    add(p.nameFa, WEIGHTS.name);
    add(p.nameEn, WEIGHTS.name);
    add(p.brand, WEIGHTS.brand);
    add(p.model, WEIGHTS.brand);
    add(p.producer.nameFa, WEIGHTS.producer);
    add(p.producer.nameEn, WEIGHTS.producer);
    add(p.descriptionFa, WEIGHTS.text);
    add(p.descriptionEn, WEIGHTS.text);
    for (const value of Object.values(p.attributes)) add(value, WEIGHTS.text);
    this.u32[slot * 8 + LENGTH] = length;
    this.totalLength += length;
    for (const [id, tf] of frequencies) this.postings.add(slot, id, tf);
    frequencies.clear();
  }

  private growTo(capacity: number) {
    this.alive = grown(this.alive, new Uint8Array(capacity));
    this.productOf = grown(this.productOf, new Int32Array(capacity));
    this.tariff = grown(this.tariff, new Int32Array(capacity));
    this.registeredAt = grown(this.registeredAt, new Float64Array(capacity));
    const records = new ArrayBuffer(capacity * RECORD_BYTES);
    new Uint8Array(records).set(new Uint8Array(this.records));
    this.records = records;
    this.f64 = new Float64Array(records);
    this.u32 = new Uint32Array(records);
    this.touched = new Int32Array(capacity);
    this.capacity = capacity;
  }

  private idf(word: number) {
    const df = this.postings.count(word);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** The words of a query as clauses that must all match; each clause has its spellings. */
  private clauses(text: string, typos: boolean): Clause[] {
    const words = searchTokens(text.replace(JOINERS, ' ')).slice(0, MAX_WORDS);
    const typing = !/[\s\p{P}]$/u.test(text);
    const count = (id: number) => this.postings.count(id);
    const clauses: Clause[] = words.map((word, i) => {
      const spellings: Clause['words'] = [];
      const id = this.vocabulary.idOf(word);
      if (id !== undefined) spellings.push({ id, weight: 1 });
      if (i === words.length - 1 && typing) {
        for (const p of this.vocabulary.withPrefix(word, MAX_PREFIXES, count))
          spellings.push({ id: p, weight: PREFIX_WEIGHT });
      }
      if (typos && word.length >= 3 && /\p{L}/u.test(word)) {
        for (const t of this.vocabulary.nearby(word)) spellings.push({ id: t, weight: TYPO_WEIGHT });
      }
      return { words: spellings };
    });
    // «می روم» also finds «میروم»: the joined pair stands in for each of its halves.
    for (let i = 0; i + 1 < words.length; i++) {
      const joined = this.vocabulary.idOf(`${words[i]}${words[i + 1]}`);
      if (joined === undefined) continue;
      clauses[i]?.words.push({ id: joined, weight: 1 });
      clauses[i + 1]?.words.push({ id: joined, weight: 1 });
    }
    // «میروم» also finds «می روم»: a word the index lacks may be two words it has, written together.
    return clauses.flatMap((clause, i) =>
      clause.words.length ? [clause] : (this.split(words[i] as string) ?? [clause]),
    );
  }

  private split(word: string): Clause[] | null {
    for (let at = 2; at <= word.length - 2; at++) {
      const head = this.vocabulary.idOf(word.slice(0, at));
      const tail = this.vocabulary.idOf(word.slice(at));
      if (head !== undefined && tail !== undefined)
        return [{ words: [{ id: head, weight: 1 }] }, { words: [{ id: tail, weight: 1 }] }];
    }
    return null;
  }

  /** Counts the slot as seen by this query, with no clause matched yet. */
  private touch(slot: number) {
    const base = this.epoch * STATES;
    if ((this.u32[slot * 8 + STATE] as number) < base) {
      this.u32[slot * 8 + STATE] = base;
      this.f64[slot * 4 + SCORE] = 0;
      this.touched[this.touchedCount++] = slot;
    }
  }

  /**
   * Scores the products that match every clause. The rarest clause goes first and alone adds
   * products; a later clause only raises those that matched all before it, so the work done per
   * posting of a common word is one comparison.
   */
  private scoreText(clauses: Clause[]) {
    const size = (c: Clause) => c.words.reduce((n, w) => n + this.postings.count(w.id), 0);
    const ordered = clauses.map((c) => ({ c, n: size(c) })).sort((a, b) => a.n - b.n);
    const averageLength = this.live ? this.totalLength / this.live : 1;
    this.norm0 = K1 * (1 - B);
    this.norm1 = (K1 * B) / averageLength;
    const { postings } = this;
    ordered.forEach(({ c }, clause) => {
      const several = c.words.length > 1;
      for (const { id, weight } of c.words) {
        const w = this.idf(id) * weight * (K1 + 1);
        const from = postings.start[id] ?? 0;
        const to = from + (postings.length[id] ?? 0);
        this.scoreList(postings.slots, postings.tfs, from, to, w, clause, several);
        const tail = postings.tailSlots[id];
        const tailTfs = postings.tailTfs[id] as Uint8Array;
        if (tail) this.scoreList(tail, tailTfs, 0, postings.tailLength[id] as number, w, clause, several);
      }
    });
  }

  /** One list of one spelling of a clause; `several` when the clause has other spellings. */
  private scoreList(
    slots: Int32Array,
    tfs: Uint8Array,
    from: number,
    to: number,
    w: number,
    clause: number,
    several: boolean,
  ) {
    const { f64, u32, touched, norm0, norm1 } = this;
    const base = this.epoch * STATES;
    const before = base + clause;
    const within = before + 1;
    let count = this.touchedCount;
    for (let j = from; j < to; j++) {
      const slot = slots[j] as number;
      const r = slot * 8;
      const d = slot * 4;
      let s = u32[r + STATE] as number;
      if (s < base && clause === 0) {
        s = base;
        f64[d + SCORE] = 0;
        touched[count++] = slot;
      }
      if (s === before) {
        const tf = tfs[j] as number;
        const v = (w * tf) / (tf + norm0 + norm1 * (u32[r + LENGTH] as number));
        u32[r + STATE] = within;
        f64[d + SCORE] = (f64[d + SCORE] as number) + v;
        if (several) f64[d + BEST] = v;
      } else if (s === within && several) {
        const tf = tfs[j] as number;
        const v = (w * tf) / (tf + norm0 + norm1 * (u32[r + LENGTH] as number));
        const best = f64[d + BEST] as number;
        if (v > best) {
          f64[d + SCORE] = (f64[d + SCORE] as number) + v - best;
          f64[d + BEST] = v;
        }
      }
    }
    this.touchedCount = count;
  }

  private scoreIdentifiers(ids: IdentifierQuery, need: number) {
    // An exact identifier counts as a match of every word, and outranks any text match.
    const matchedAll = this.epoch * STATES + need;
    const hit = (slot: number) => {
      this.touch(slot);
      this.f64[slot * 4 + SCORE] = (this.f64[slot * 4 + SCORE] as number) + IDENTIFIER_BOOST;
      this.u32[slot * 8 + STATE] = matchedAll;
    };
    const slotOf = (no: number | undefined) => (no === undefined ? -1 : (this.slotOfProduct[no] as number));
    const byNumber = slotOf(
      ids.registrationNumber ? this.registrationNumbers.get(ids.registrationNumber) : undefined,
    );
    if (byNumber >= 0) hit(byNumber);
    const byGtin = ids.gtin === undefined ? undefined : this.gtins.get(ids.gtin);
    for (const no of typeof byGtin === 'number' ? [byGtin] : (byGtin ?? [])) {
      const slot = slotOf(no);
      if (slot >= 0) hit(slot);
    }
    const { alive, tariff, u32, slotCount } = this;
    const producer = ids.nationalId ? this.nationalIds.get(ids.nationalId) : undefined;
    if (producer !== undefined) {
      for (let slot = 0; slot < slotCount; slot++)
        if (u32[slot * 8 + PRODUCER] === producer && alive[slot]) hit(slot);
    }
    if (ids.tariff) {
      const { from, to } = ids.tariff;
      for (let slot = 0; slot < slotCount; slot++) {
        const t = tariff[slot] as number;
        if (t >= from && t < to && alive[slot] && u32[slot * 8 + PRODUCER] !== producer) hit(slot);
      }
    }
  }

  private matchAll() {
    for (let slot = 0; slot < this.slotCount; slot++) if (this.alive[slot]) this.touch(slot);
  }

  /** One query: every match counted in the facets, the best `limit` after the cursor returned. */
  search(q: Query): Result {
    this.flush();
    const text = (q.text ?? '').trim();
    let clauses = text ? this.clauses(text, false) : [];
    let found = this.collect(q, clauses, text);
    if (found.total < FEW && clauses.length) {
      clauses = this.clauses(text, true);
      found = this.collect(q, clauses, text);
    }
    return found;
  }

  private collect(q: Query, clauses: Clause[], text: string): Result {
    if (++this.epoch > MAX_EPOCH) {
      for (let slot = 0; slot < this.slotCount; slot++)
        this.u32[slot * 8 + STATE] = this.alive[slot] ? 0 : DEAD;
      this.epoch = 1;
    }
    this.touchedCount = 0;
    const need = clauses.length;
    if (!text) this.matchAll();
    else {
      this.scoreText(clauses);
      const ids = identifiersIn(text);
      if (ids) this.scoreIdentifiers(ids, need);
    }
    const { touched, u32, facets } = this;
    const matchedAll = this.epoch * STATES + need;
    const { producerId, ...rest } = q.filters ?? {};
    const f = filterBits(rest);
    const producer = producerId ? (this.producerNo.get(producerId) ?? -2) : -1;
    facets.reset(this.producerIds.length);
    const order = this.order(q);
    const top = new TopK(q.limit + 1, order);
    const { keys, stride } = order;
    const after = q.after;
    let total = 0;
    for (let i = 0; f && i < this.touchedCount; i++) {
      const slot = touched[i] as number;
      const r = slot * 8;
      if (u32[r + STATE] !== matchedAll) continue;
      const packed = u32[r + FACET] as number;
      const by = u32[r + PRODUCER] as number;
      if ((packed & f.mask) !== f.bits || (producer !== -1 && by !== producer)) continue;
      total++;
      facets.add(packed, by);
      if (keys && (keys[slot * stride] as number) < top.floor) continue;
      if (!after || top.isAfter(slot, after)) top.offer(slot);
    }
    const slots = top.sorted();
    const page = slots.slice(0, q.limit);
    return {
      hits: page.map((slot) => ({
        id: this.productIds[this.productOf[slot] as number] as string,
        after: top.cursorOf(slot),
      })),
      total,
      hasMore: slots.length > q.limit,
      facets: facets.result(this.producerIds, this.packedOfProducer),
    };
  }

  private order(q: Query): Order {
    const productOf = this.productOf;
    const no = (slot: number) => productOf[slot] as number;
    if (q.sort === 'newest') {
      const at = this.registeredAt;
      return {
        keys: at,
        stride: 1,
        key: (slot) => at[slot] as number,
        before: (a, b) => {
          const ka = at[a] as number;
          const kb = at[b] as number;
          return ka > kb || (ka === kb && (productOf[a] as number) < (productOf[b] as number));
        },
        no,
      };
    }
    if (q.sort === 'name') {
      const names = this.nameKey[q.lang === 'en' ? 1 : 0];
      return {
        stride: 0,
        key: (slot) => names[slot] as string,
        before: (a, b) => {
          const ka = names[a] as string;
          const kb = names[b] as string;
          return ka < kb || (ka === kb && (productOf[a] as number) < (productOf[b] as number));
        },
        no,
      };
    }
    const f64 = this.f64;
    return {
      keys: f64,
      stride: 4,
      key: (slot) => f64[slot * 4 + SCORE] as number,
      before: (a, b) => {
        const ka = f64[a * 4 + SCORE] as number;
        const kb = f64[b * 4 + SCORE] as number;
        return ka > kb || (ka === kb && (productOf[a] as number) < (productOf[b] as number));
      },
      no,
    };
  }
}

interface Order {
  /** For orders by a number, descending: where the number of slot s is, at keys[s * stride]. */
  keys?: Float64Array;
  stride: number;
  key(slot: number): number | string;
  /** Whether a comes before b in the answer. */
  before(a: number, b: number): boolean;
  no(slot: number): number;
}

/** The best k slots in a small binary heap whose root is the worst kept. */
class TopK {
  private readonly heap: Int32Array;
  private size = 0;
  /** Once full, in an order by a number: the number of the last kept, which nothing below can enter. */
  floor = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly k: number,
    private readonly order: Order,
  ) {
    this.heap = new Int32Array(k);
  }

  isAfter(slot: number, after: After): boolean {
    const key = this.order.key(slot);
    if (key === after.key) return this.order.no(slot) > after.no;
    // Descending keys for scores and dates, ascending for names.
    return typeof key === 'string' ? key > after.key : key < (after.key as number);
  }

  cursorOf(slot: number): After {
    return { key: this.order.key(slot), no: this.order.no(slot) };
  }

  offer(slot: number) {
    const { heap, order } = this;
    if (this.size < this.k) {
      let i = this.size++;
      heap[i] = slot;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!order.before(heap[parent] as number, heap[i] as number)) break;
        this.swap(parent, i);
        i = parent;
      }
      if (this.size === this.k) this.raiseFloor();
      return;
    }
    if (!order.before(slot, heap[0] as number)) return;
    heap[0] = slot;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && order.before(heap[worst] as number, heap[l] as number)) worst = l;
      if (r < this.size && order.before(heap[worst] as number, heap[r] as number)) worst = r;
      if (worst === i) break;
      this.swap(worst, i);
      i = worst;
    }
    this.raiseFloor();
  }

  private raiseFloor() {
    const { keys, stride } = this.order;
    if (keys) this.floor = keys[(this.heap[0] as number) * stride] as number;
  }

  private swap(a: number, b: number) {
    const t = this.heap[a] as number;
    this.heap[a] = this.heap[b] as number;
    this.heap[b] = t;
  }

  sorted(): number[] {
    return [...this.heap.subarray(0, this.size)].sort((a, b) => (this.order.before(a, b) ? -1 : 1));
  }
}
