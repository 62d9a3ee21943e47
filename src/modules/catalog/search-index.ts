import { normaliseText, searchTokens } from '../../domain/persian.ts';
import { hsChapter, PROVINCES } from '../../domain/reference.ts';
import { VALUE_ADDED_BANDS } from '../../domain/registration.ts';
import { type IdentifierQuery, identifiersIn } from './identifiers.ts';
import { grow, Postings } from './postings.ts';
import { Suggestions } from './suggestions.ts';
import { Vocabulary } from './vocabulary.ts';

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

export interface Filters {
  chapter?: string;
  section?: string;
  province?: string;
  isicDivision?: string;
  band?: string;
  producerId?: string;
}

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

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  section: FacetCount[];
  chapter: FacetCount[];
  isicDivision: FacetCount[];
  province: FacetCount[];
  band: FacetCount[];
  producer: FacetCount[];
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
const PREFIX_SCAN = 4000;
/** Fewer exact matches than this and misspellings are tried. */
const FEW = 3;
const IDENTIFIER_BOOST = 1e6;
const MAX_WORDS = 12;
const TOP_PRODUCERS = 20;

const SECTIONS = [
  ...new Set(
    Array.from({ length: 98 }, (_, i) => hsChapter(String(i).padStart(2, '0'))?.section).filter(
      (s) => s !== undefined,
    ),
  ),
];
const sectionNo = new Map(SECTIONS.map((s, i) => [s, i + 1]));
const provinceNo = new Map(PROVINCES.map((p, i) => [p.code, i + 1]));
const bandOf = (percent: number) => VALUE_ADDED_BANDS.findIndex((b) => percent >= b.min) + 1;
const JOINERS = /\u00A0|\u200C|\u200D|\u200E|\u200F/g;

interface Clause {
  words: { id: number; weight: number }[];
}

/**
 * The public catalog in memory: dense slot numbers, typed arrays of facet values, and postings of
 * precomputed BM25 impacts. A changed product gets a new slot and its old one is marked dead, so a query
 * touches only arrays and allocates nothing per match.
 */
export class SearchIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly postings = new Postings();
  readonly suggestions = new Suggestions();
  private capacity = 1024;
  private slotCount = 0;
  private live = 0;
  private totalLength = 0;

  // Per slot.
  private alive = new Uint8Array(this.capacity);
  private productOf = new Int32Array(this.capacity);
  private chapter = new Uint8Array(this.capacity);
  private section = new Uint8Array(this.capacity);
  private province = new Uint8Array(this.capacity);
  private isicDivision = new Uint8Array(this.capacity);
  private band = new Uint8Array(this.capacity);
  private producerOf = new Int32Array(this.capacity);
  private tariff = new Int32Array(this.capacity);
  private registeredAt = new Float64Array(this.capacity);
  private nameKey: string[][] = [[], []];
  private suggestionKeys: string[][] = [];

  // Scratch space of one query, reused by the next.
  private score = new Float64Array(this.capacity);
  private best = new Float32Array(this.capacity);
  private matched = new Uint8Array(this.capacity);
  private seenIn = new Uint32Array(this.capacity);
  private clauseIn = new Uint32Array(this.capacity);
  private touched = new Int32Array(this.capacity);
  private epoch = 0;
  private clauseEpoch = 0;

  // Per product (stable across its changes) and per producer.
  private readonly productNo = new Map<string, number>();
  private readonly productIds: string[] = [];
  private slotOfProduct = new Int32Array(this.capacity).fill(-1);
  private readonly producerNo = new Map<string, number>();
  private readonly producerIds: string[] = [];
  private readonly nationalIds = new Map<string, number>();
  private readonly producerNames: { fa: string; en: string }[] = [];
  private producerCounts = new Int32Array(16);

  private readonly registrationNumbers = new Map<string, number>();
  private readonly gtins = new Map<string, Set<number>>();

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
        this.slotOfProduct = grow(this.slotOfProduct, new Int32Array(no * 2).fill(-1));
    }
    this.slotOfProduct[no] = slot;
    this.productOf[slot] = no;
    this.alive[slot] = 1;
    this.live++;
    const chapter = p.tariffCode.slice(0, 2);
    this.chapter[slot] = Number(chapter);
    this.section[slot] = sectionNo.get(hsChapter(chapter)?.section ?? '') ?? 0;
    this.province[slot] = provinceNo.get(p.producer.province) ?? 0;
    this.isicDivision[slot] = Number(p.producer.isic.slice(0, 2)) || 0;
    this.band[slot] = bandOf(p.valueAddedPercent);
    this.producerOf[slot] = this.producer(p.producer);
    this.tariff[slot] = Number(p.tariffCode) || 0;
    this.registeredAt[slot] = p.registeredAt;
    (this.nameKey[0] as string[])[slot] = normaliseText(p.nameFa);
    (this.nameKey[1] as string[])[slot] = normaliseText(p.nameEn);
    if (p.registrationNumber) this.registrationNumbers.set(p.registrationNumber, no);
    if (p.gtin) {
      const set = this.gtins.get(p.gtin) ?? new Set();
      this.gtins.set(p.gtin, set.add(no));
    }
    this.indexText(slot, p);
    this.suggestionKeys[slot] = this.suggestions.add([
      p.nameFa,
      p.nameEn,
      p.producer.nameFa,
      p.producer.nameEn,
    ]);
  }

  /** Takes a product out of every answer from now on. */
  remove(id: string) {
    const no = this.productNo.get(id);
    if (no === undefined) return;
    const slot = this.slotOfProduct[no] as number;
    if (slot < 0) return;
    this.alive[slot] = 0;
    this.slotOfProduct[no] = -1;
    this.live--;
    this.suggestions.drop(this.suggestionKeys[slot] ?? []);
    this.suggestionKeys[slot] = [];
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
      if (this.alive[slot] && this.producerOf[slot] === producer)
        ids.push(this.productIds[this.productOf[slot] as number] as string);
    }
    return ids;
  }

  private producer(p: IndexedProduct['producer']): number {
    let no = this.producerNo.get(p.id);
    if (no === undefined) {
      no = this.producerIds.length;
      this.producerNo.set(p.id, no);
      this.producerIds.push(p.id);
      if (no >= this.producerCounts.length)
        this.producerCounts = grow(this.producerCounts, new Int32Array(no * 2));
    }
    this.nationalIds.set(p.nationalId, no);
    this.producerNames[no] = { fa: p.nameFa, en: p.nameEn };
    return no;
  }

  private indexText(slot: number, p: IndexedProduct) {
    const frequencies = new Map<string, number>();
    let length = 0;
    const add = (text: string, weight: number) => {
      for (const token of searchTokens(text)) {
        frequencies.set(token, (frequencies.get(token) ?? 0) + weight);
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
    this.totalLength += length;
    const averageLength = this.totalLength / this.slotCount;
    const norm = K1 * (1 - B + (B * length) / averageLength);
    for (const [token, tf] of frequencies) {
      this.postings.add(this.vocabulary.intern(token), slot, (tf * (K1 + 1)) / (tf + norm));
    }
  }

  private growTo(capacity: number) {
    this.alive = grow(this.alive, new Uint8Array(capacity));
    this.productOf = grow(this.productOf, new Int32Array(capacity));
    this.chapter = grow(this.chapter, new Uint8Array(capacity));
    this.section = grow(this.section, new Uint8Array(capacity));
    this.province = grow(this.province, new Uint8Array(capacity));
    this.isicDivision = grow(this.isicDivision, new Uint8Array(capacity));
    this.band = grow(this.band, new Uint8Array(capacity));
    this.producerOf = grow(this.producerOf, new Int32Array(capacity));
    this.tariff = grow(this.tariff, new Int32Array(capacity));
    this.registeredAt = grow(this.registeredAt, new Float64Array(capacity));
    this.score = new Float64Array(capacity);
    this.best = new Float32Array(capacity);
    this.matched = new Uint8Array(capacity);
    this.seenIn = new Uint32Array(capacity);
    this.clauseIn = new Uint32Array(capacity);
    this.touched = new Int32Array(capacity);
    this.epoch = 0;
    this.clauseEpoch = 0;
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
    const clauses: Clause[] = words.map((word, i) => {
      const spellings: Clause['words'] = [];
      const id = this.vocabulary.idOf(word);
      if (id !== undefined) spellings.push({ id, weight: 1 });
      if (i === words.length - 1 && typing) {
        const prefixed = this.vocabulary.withPrefix(word, PREFIX_SCAN);
        prefixed.sort((a, b) => this.postings.count(b) - this.postings.count(a));
        for (const p of prefixed.slice(0, MAX_PREFIXES)) spellings.push({ id: p, weight: PREFIX_WEIGHT });
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

  private touch(slot: number, count: number) {
    if (this.seenIn[slot] !== this.epoch) {
      this.seenIn[slot] = this.epoch;
      this.score[slot] = 0;
      this.matched[slot] = 0;
      this.touched[count++] = slot;
    }
    return count;
  }

  /** Scores every product that matches each clause; returns how many slots were touched. */
  private scoreText(clauses: Clause[], count: number): number {
    const { slots, impacts } = this.postings;
    const { score, best, matched, clauseIn } = this;
    for (const clause of clauses) {
      const clauseEpoch = ++this.clauseEpoch;
      for (const { id, weight } of clause.words) {
        const w = this.idf(id) * weight;
        const list = slots[id] as Int32Array;
        const values = impacts[id] as Float32Array;
        const n = this.postings.count(id);
        for (let j = 0; j < n; j++) {
          const slot = list[j] as number;
          const v = (values[j] as number) * w;
          count = this.touch(slot, count);
          if (clauseIn[slot] !== clauseEpoch) {
            clauseIn[slot] = clauseEpoch;
            best[slot] = v;
            score[slot] = (score[slot] as number) + v;
            matched[slot] = (matched[slot] as number) + 1;
          } else if (v > (best[slot] as number)) {
            score[slot] = (score[slot] as number) + v - (best[slot] as number);
            best[slot] = v;
          }
        }
      }
    }
    return count;
  }

  private scoreIdentifiers(ids: IdentifierQuery, count: number, need: number): number {
    // An exact identifier counts as a match of every word, and outranks any text match.
    const hit = (slot: number) => {
      count = this.touch(slot, count);
      this.score[slot] = (this.score[slot] as number) + IDENTIFIER_BOOST;
      this.matched[slot] = need;
    };
    const slotOf = (no: number | undefined) => (no === undefined ? -1 : (this.slotOfProduct[no] as number));
    const byNumber = slotOf(
      ids.registrationNumber ? this.registrationNumbers.get(ids.registrationNumber) : undefined,
    );
    if (byNumber >= 0) hit(byNumber);
    for (const no of (ids.gtin && this.gtins.get(ids.gtin)) || []) {
      const slot = slotOf(no);
      if (slot >= 0) hit(slot);
    }
    const producer = ids.nationalId ? this.nationalIds.get(ids.nationalId) : undefined;
    if (producer !== undefined || ids.tariff) {
      const from = ids.tariff?.from ?? -1;
      const to = ids.tariff?.to ?? -1;
      for (let slot = 0; slot < this.slotCount; slot++) {
        if (!this.alive[slot]) continue;
        const t = this.tariff[slot] as number;
        if (this.producerOf[slot] === producer || (t >= from && t < to)) hit(slot);
      }
    }
    return count;
  }

  private matchAll(count: number): number {
    for (let slot = 0; slot < this.slotCount; slot++) if (this.alive[slot]) count = this.touch(slot, count);
    return count;
  }

  /** One query: every match counted in the facets, the best `limit` after the cursor returned. */
  search(q: Query): Result {
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
    this.epoch++;
    const need = clauses.length;
    let count = 0;
    if (!text) count = this.matchAll(count);
    else {
      count = this.scoreText(clauses, count);
      const ids = identifiersIn(text);
      if (ids) count = this.scoreIdentifiers(ids, count, need);
    }
    const accept = this.filter(q.filters ?? {});
    const facets = new FacetCounter(this.producerCounts);
    const top = new TopK(q.limit + 1, this.order(q));
    const after = q.after;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const slot = this.touched[i] as number;
      if (this.matched[slot] !== need || !this.alive[slot] || !accept(slot)) continue;
      total++;
      facets.add(
        this.section[slot] as number,
        this.chapter[slot] as number,
        this.isicDivision[slot] as number,
        this.province[slot] as number,
        this.band[slot] as number,
        this.producerOf[slot] as number,
      );
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
      facets: facets.result(this.producerIds),
    };
  }

  private filter(f: Filters): (slot: number) => boolean {
    const checks: ((slot: number) => boolean)[] = [];
    const equal = (values: Uint8Array | Int32Array, value: number) =>
      checks.push((slot) => values[slot] === value);
    if (f.chapter) equal(this.chapter, Number(f.chapter));
    if (f.section) equal(this.section, sectionNo.get(f.section) ?? -1);
    if (f.province) equal(this.province, provinceNo.get(f.province) ?? -1);
    if (f.isicDivision) equal(this.isicDivision, Number(f.isicDivision));
    if (f.band) equal(this.band, VALUE_ADDED_BANDS.findIndex((b) => b.id === f.band) + 1 || -1);
    if (f.producerId) equal(this.producerOf, this.producerNo.get(f.producerId) ?? -1);
    return (slot) => checks.every((check) => check(slot));
  }

  private order(q: Query): Order {
    const no = (slot: number) => this.productOf[slot] as number;
    if (q.sort === 'newest') {
      const at = this.registeredAt;
      return {
        key: (slot) => at[slot] as number,
        before: (a, b) => (at[a] as number) > (at[b] as number) || (at[a] === at[b] && no(a) < no(b)),
        no,
      };
    }
    if (q.sort === 'name') {
      const names = this.nameKey[q.lang === 'en' ? 1 : 0] as string[];
      return {
        key: (slot) => names[slot] as string,
        before: (a, b) =>
          (names[a] as string) < (names[b] as string) || (names[a] === names[b] && no(a) < no(b)),
        no,
      };
    }
    const score = this.score;
    return {
      key: (slot) => score[slot] as number,
      before: (a, b) =>
        (score[a] as number) > (score[b] as number) || (score[a] === score[b] && no(a) < no(b)),
      no,
    };
  }
}

interface Order {
  key(slot: number): number | string;
  /** Whether a comes before b in the answer. */
  before(a: number, b: number): boolean;
  no(slot: number): number;
}

/** The best k slots in a small binary heap whose root is the worst kept. */
class TopK {
  private readonly heap: Int32Array;
  private size = 0;
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

const increment = (counts: Int32Array, i: number) => (counts[i] = (counts[i] as number) + 1);

/** Facet counts by one array increment per match. */
class FacetCounter {
  private readonly section = new Int32Array(SECTIONS.length + 1);
  private readonly chapter = new Int32Array(100);
  private readonly isic = new Int32Array(100);
  private readonly province = new Int32Array(PROVINCES.length + 1);
  private readonly band = new Int32Array(VALUE_ADDED_BANDS.length + 1);
  private readonly touchedProducers: number[] = [];

  constructor(private readonly producers: Int32Array) {}

  add(section: number, chapter: number, isic: number, province: number, band: number, producer: number) {
    increment(this.section, section);
    increment(this.chapter, chapter);
    increment(this.isic, isic);
    increment(this.province, province);
    increment(this.band, band);
    if (increment(this.producers, producer) === 1) this.touchedProducers.push(producer);
  }

  result(producerIds: readonly string[]): Facets {
    const list = (counts: Int32Array, label: (i: number) => string | undefined) => {
      const out: FacetCount[] = [];
      for (let i = 1; i < counts.length; i++) {
        const value = label(i);
        if (counts[i] && value) out.push({ value, count: counts[i] as number });
      }
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    };
    const two = (i: number) => String(i).padStart(2, '0');
    const producer = this.touchedProducers
      .map((p) => ({ value: producerIds[p] as string, count: this.producers[p] as number }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, TOP_PRODUCERS);
    for (const p of this.touchedProducers) this.producers[p] = 0;
    return {
      section: list(this.section, (i) => SECTIONS[i - 1]),
      chapter: list(this.chapter, two),
      isicDivision: list(this.isic, two),
      province: list(this.province, (i) => PROVINCES[i - 1]?.code),
      band: list(this.band, (i) => VALUE_ADDED_BANDS[i - 1]?.id),
      producer,
    };
  }
}
