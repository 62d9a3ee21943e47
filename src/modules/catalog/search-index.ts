import { createHash } from 'node:crypto';
import { normaliseText, SUFFIXES, searchTokens, spelledTokens } from '../../domain/persian.ts';
import type { IndexedProducer, IndexedProduct } from '../products/service.ts';
import { holdingEvery } from './co-occurrence.ts';
import { type After, Collector, FACET, type Order, PRODUCER, TopK } from './collector.ts';
import { FacetCounter, type Facets, type Filters, filterBits, packFacets } from './facets.ts';
import {
  gtinKey,
  type IdentifierQuery,
  identifiersIn,
  nationalIdKey,
  registrationKey,
  tariffRange,
} from './identifiers.ts';
import { Ids, NumberKeys } from './ids.ts';
import { KeyOrder } from './key-order.ts';
import { grown, Postings } from './postings.ts';
import { Suggestions } from './suggestions.ts';
import { Vocabulary } from './vocabulary.ts';

/** What the index needs of a public product and its producer, as the products' service reads them. */
export type { After, Facets, Filters, IndexedProducer, IndexedProduct };

export type SortOrder = 'relevance' | 'newest' | 'name';

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
/** What a tariff prefix among other words adds: about a name's match of a common word. */
const TARIFF_SCORE = 1;
const MAX_WORDS = 12;
/** Above the most clauses a query can have: each word, or its two halves. */
const STATES = 32;
/** The state of a dead slot: no query's state, so no query ever matches it. */
const DEAD = 0xffff;
const MAX_EPOCH = DEAD / STATES - 2;

// Per slot, what every match reads and writes lies side by side in one record of 16 bytes, four to a
// cache line: the score as a float32; state and length as uint16s (of eight); facet values and
// producer as uint32s (of four). A 16-bit state wraps every two thousand queries, when one pass over
// the slots resets it.
const RECORD_BYTES = 16;
const SCORE = 0;
const STATE = 2;
const LENGTH = 3;
const MAX_LENGTH = 0xffff;
/** Distinct texts remembered with their words: a producer's name, a brand, a standard description. */
const MEMO = 30_000;

const JOINERS = /\u00A0|\u200C|\u200D|\u200E|\u200F/g;
/** In `written`, a word only seen as a part of a word written with ZWNJ. */
const PART_ONLY = '';

interface Clause {
  words: { id: number; weight: number }[];
  /** Among other words, a tariff prefix also matches the products of its codes. */
  tariff?: { from: number; to: number } | null;
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
  /**
   * How a word made of parts written together is written («میلی‌متر» for «میلیمتر»), and PART_ONLY
   * for a part no text has written alone so far («میلی»): completions offer words as written.
   */
  private readonly written = new Map<number, string>();
  private capacity = 1024;
  private slotCount = 0;
  private live = 0;
  private totalLength = 0;

  // Per slot. In the records: the score of the current query; the state (the query's number times
  // STATES plus how many clauses the slot has matched, so one comparison tells whether this query has
  // seen it and whether it matched every clause so far); the words counted with their field weights
  // (BM25's length); the packed facet values; the producer. Beside them: the best spelling so far of
  // a clause after the first (the first clause's score is its best spelling).
  private records = new ArrayBuffer(this.capacity * RECORD_BYTES);
  private f32 = new Float32Array(this.records);
  private u16 = new Uint16Array(this.records);
  private u32 = new Uint32Array(this.records);
  private best = new Float32Array(this.capacity);
  private alive = new Uint8Array(this.capacity);
  private productOf = new Int32Array(this.capacity);
  private tariff = new Int32Array(this.capacity);
  private registeredAt = new Float64Array(this.capacity);
  /** The product's place among equal keys, the same in every process: see `placeOf`. */
  private place = new Float64Array(this.capacity);
  private readonly nameKey: [string[], string[]] = [[], []];

  // Scratch space of one query, reused by the next.
  private touched = new Int32Array(this.capacity);
  private touchedCount = 0;
  private epoch = 0;
  private norm0 = 0;
  private norm1 = 0;
  /** Set while the query's only clause is scored, which then hands each match over at once. */
  private sink: Collector | null = null;

  // Per product (stable across its changes) and per producer.
  private readonly productIds = new Ids();
  private slotOfProduct = new Int32Array(this.capacity).fill(-1);
  private readonly producerIds = new Ids();
  private readonly nationalIds = new NumberKeys();
  private readonly producerNames: { fa: string; en: string }[] = [];
  private liveOfProducer = new Int32Array(16);
  /** The packed facet values of a producer's latest product: its province and ISIC division. */
  private packedOfProducer = new Uint32Array(16);
  private readonly facets = new FacetCounter();
  private readonly tariffOrder = new KeyOrder();
  private readonly producerOrder = new KeyOrder();

  private readonly registrationNumbers = new NumberKeys();
  /** Several products may share a GTIN. */
  private readonly gtins = new NumberKeys();

  private readonly words = new Map<string, number[]>();
  private readonly keys = new Map<string, string>();
  // One product's word frequencies while it is indexed: by word, and the words in the order met.
  private frequency = new Uint32Array(1024);
  private readonly met: number[] = [];
  private length = 0;

  get size() {
    return this.live;
  }

  /** The keys of the two slot orders: a slot's tariff code, and its producer's number. */
  private get tariffOf() {
    const { tariff } = this;
    return (slot: number) => tariff[slot] as number;
  }
  private get producerOf() {
    const { u32 } = this;
    return (slot: number) => u32[slot * 4 + PRODUCER] as number;
  }

  /** Slots taken, live or dead: a changed product takes a new one, and only a new index frees them. */
  get slots() {
    return this.slotCount;
  }

  /** Adds a product, or replaces the one with its id. */
  upsert(p: IndexedProduct) {
    this.remove(p.id);
    const slot = this.slotCount++;
    if (slot === this.capacity) this.growTo(this.capacity * 2);
    const no = this.productIds.add(p.id);
    if (no >= this.slotOfProduct.length)
      this.slotOfProduct = grown(this.slotOfProduct, new Int32Array(no * 2).fill(-1));
    this.slotOfProduct[no] = slot;
    this.productOf[slot] = no;
    this.alive[slot] = 1;
    this.live++;
    const r = slot * 4;
    const packed = packFacets(p.tariffCode, p.producer.province, p.producer.isic, p.valueAddedPercent);
    const producer = this.producer(p.producer);
    this.u32[r + FACET] = packed;
    this.u32[r + PRODUCER] = producer;
    this.packedOfProducer[producer] = packed;
    this.tariff[slot] = Number(p.tariffCode) || 0;
    this.registeredAt[slot] = p.registeredAt;
    this.place[slot] = placeOf(p.id);
    const [fa, en] = this.nameKey;
    fa[slot] = this.keyOf(p.nameFa);
    en[slot] = this.keyOf(p.nameEn);
    this.registrationNumbers.set(no, p.registrationNumber ? registrationKey(p.registrationNumber) : null);
    this.gtins.set(no, p.gtin ? gtinKey(p.gtin) : null);
    this.indexText(slot, p);
    this.suggestions.add(fa[slot] as string, p.nameFa);
    this.suggestions.add(en[slot] as string, p.nameEn);
    this.liveOfProducer[producer] = (this.liveOfProducer[producer] as number) + 1;
    if (this.liveOfProducer[producer] === 1) this.suggestProducer(producer, 'add');
  }

  /** Takes a product out of every answer from now on. */
  remove(id: string) {
    const no = this.productIds.numberOf(id);
    if (no === undefined) return;
    const slot = this.slotOfProduct[no] as number;
    if (slot < 0) return;
    this.alive[slot] = 0;
    this.u16[slot * 8 + STATE] = DEAD;
    this.slotOfProduct[no] = -1;
    this.live--;
    this.totalLength -= this.u16[slot * 8 + LENGTH] as number;
    this.suggestions.drop(this.nameKey[0][slot] as string);
    this.suggestions.drop(this.nameKey[1][slot] as string);
    const producer = this.u32[slot * 4 + PRODUCER] as number;
    this.liveOfProducer[producer] = (this.liveOfProducer[producer] as number) - 1;
    if (this.liveOfProducer[producer] === 0) this.suggestProducer(producer, 'drop');
  }

  /** Makes what was added searchable; a query does it too, so calling it first keeps queries quick. */
  flush() {
    this.postings.flush(this.alive);
    this.tariffOrder.refresh(this.slotCount, this.tariffOf);
    this.producerOrder.refresh(this.slotCount, this.producerOf);
    // The remembered texts serve a load or a batch of changes; between them they only take room.
    this.words.clear();
    this.keys.clear();
  }

  /** Clears what queries left in the slots: when the state wraps, and in an index read from a file. */
  forgetQueries() {
    for (let slot = 0; slot < this.slotCount; slot++)
      this.u16[slot * 8 + STATE] = this.alive[slot] ? 0 : DEAD;
    this.epoch = 0;
  }

  has(id: string) {
    const no = this.productIds.numberOf(id);
    return no !== undefined && (this.slotOfProduct[no] as number) >= 0;
  }

  producerName(id: string, lang: 'fa' | 'en'): string | undefined {
    const no = this.producerIds.numberOf(id);
    return no === undefined ? undefined : this.producerNames[no]?.[lang];
  }

  /**
   * What to offer while `typed` is typed: the names of live products and producers that start with it;
   * when they are fewer than `limit`, the catalog's commonest words that complete its last word, from
   * any field («آجد» → «آجدار»). After other words, only a word that some live product holds together
   * with all of them («rebar gr» → «rebar grade», never a completion that would then find nothing).
   */
  complete(typed: string, limit: number): string[] {
    const names = this.suggestions.complete(typed, limit);
    if (names.length === limit) return names;
    // A word joined by ZWNJ («دست‌ک») is completed as one («دستکش»), as the index keeps it.
    const at = typed.search(/(?:\S|\u00A0)+$/);
    const word = at < 0 ? '' : normaliseText(typed.slice(at).replace(JOINERS, ''));
    if (word.length < 2 || !/\p{L}/u.test(word)) return names;
    const lead = typed.slice(0, at);
    const before = searchTokens(lead.replace(JOINERS, ' ')).slice(0, MAX_WORDS - 1);
    const ids = before.map((token) => this.vocabulary.idOf(token));
    if (!ids.every((id) => id !== undefined)) return names;
    const within = ids.length
      ? holdingEvery(this.postings, this.alive, ids)
      : (slot: number) => this.alive[slot] === 1;
    if (!within) return names;
    const count = (id: number) => this.postings.count(id);
    for (const id of this.vocabulary.withPrefix(word, 2 * limit, count)) {
      if (names.length === limit) break;
      const written = this.written.get(id) ?? (this.vocabulary.words[id] as string);
      if (written !== PART_ONLY && !ids.includes(id) && this.postings.someSlot(id, within))
        names.push(`${ids.length ? lead : ''}${written}`);
    }
    return names;
  }

  /** The ids of the live products of a producer. */
  productsOf(producerId: string): string[] {
    const producer = this.producerIds.numberOf(producerId);
    const ids: string[] = [];
    if (producer === undefined) return ids;
    this.producerOrder.forEachIn(producer, producer + 1, this.slotCount, this.producerOf, (slot) => {
      if (this.alive[slot]) ids.push(this.productIds.idOf(this.productOf[slot] as number));
    });
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

  private producer(p: IndexedProducer): number {
    const no = this.producerIds.add(p.id);
    if (no >= this.liveOfProducer.length) {
      this.liveOfProducer = grown(this.liveOfProducer, new Int32Array(no * 2));
      this.packedOfProducer = grown(this.packedOfProducer, new Uint32Array(no * 2));
    }
    this.nationalIds.set(no, nationalIdKey(p.nationalId));
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
      ids = [];
      for (const [token, written] of spelledTokens(text)) {
        const known = this.vocabulary.idOf(token);
        const id = known ?? this.vocabulary.intern(token);
        const kept = this.written.get(id);
        if (written === null) {
          if (known === undefined) this.written.set(id, PART_ONLY);
        } else if (written !== token) {
          if (kept === undefined || kept === PART_ONLY) this.written.set(id, written);
        } else if (kept === PART_ONLY) this.written.delete(id);
        ids.push(id);
      }
      this.words.set(text, ids);
    }
    return ids;
  }

  private indexText(slot: number, p: IndexedProduct) {
    this.length = 0;
    this.addText(p.nameFa, WEIGHTS.name);
    this.addText(p.nameEn, WEIGHTS.name);
    this.addText(p.brand, WEIGHTS.brand);
    this.addText(p.model, WEIGHTS.brand);
    this.addText(p.producer.nameFa, WEIGHTS.producer);
    this.addText(p.producer.nameEn, WEIGHTS.producer);
    this.addText(p.descriptionFa, WEIGHTS.text);
    this.addText(p.descriptionEn, WEIGHTS.text);
    this.addText(p.attributeText, WEIGHTS.text);
    const length = Math.min(this.length, MAX_LENGTH);
    this.u16[slot * 8 + LENGTH] = length;
    this.totalLength += length;
    const { frequency, met } = this;
    for (const id of met) {
      this.postings.add(slot, id, frequency[id] as number);
      frequency[id] = 0;
    }
    met.length = 0;
  }

  private addText(text: string, weight: number) {
    const ids = this.wordsOf(text);
    if (this.frequency.length < this.vocabulary.size)
      this.frequency = grown(this.frequency, new Uint32Array(this.vocabulary.size * 2));
    const { frequency } = this;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (!frequency[id]) this.met.push(id);
      frequency[id] = (frequency[id] as number) + weight;
    }
    this.length += weight * ids.length;
  }

  private growTo(capacity: number) {
    this.alive = grown(this.alive, new Uint8Array(capacity));
    this.productOf = grown(this.productOf, new Int32Array(capacity));
    this.tariff = grown(this.tariff, new Int32Array(capacity));
    this.registeredAt = grown(this.registeredAt, new Float64Array(capacity));
    this.place = grown(this.place, new Float64Array(capacity));
    this.best = grown(this.best, new Float32Array(capacity));
    const records = new ArrayBuffer(capacity * RECORD_BYTES);
    new Uint8Array(records).set(new Uint8Array(this.records));
    this.records = records;
    this.f32 = new Float32Array(records);
    this.u16 = new Uint16Array(records);
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
    // The last word is still being typed, unless the text ends in a space or a mark, or the word is one
    // letter, or a short ending joined by ZWNJ («پنبه‌ای»): completing those matches half the catalog.
    const last = words.at(-1) ?? '';
    const typing =
      !/[\s\p{P}]$/u.test(text) && last.length > 1 && !/[\u200C\u200D][^\s\u200C\u200D]{1,2}$/u.test(text);
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
      return { words: spellings, tariff: words.length > 1 ? tariffRange(word) : null };
    });
    // «می روم» also finds «میروم»: the joined pair stands in for each of its halves.
    for (let i = 0; i + 1 < words.length; i++) {
      const joined = this.vocabulary.idOf(`${words[i]}${words[i + 1]}`);
      if (joined === undefined) continue;
      clauses[i]?.words.push({ id: joined, weight: 1 });
      clauses[i + 1]?.words.push({ id: joined, weight: 1 });
    }
    // «میروم» also finds «می روم»: a word the index lacks may be two words it has, written together.
    // «لوله‌ی» and «لوله‌ها» find «لوله»: an ending after another word, which no product has, is dropped.
    return clauses.flatMap((clause, i) => {
      if (clause.words.length || clause.tariff) return [clause];
      const word = words[i] as string;
      return this.split(word) ?? (i > 0 && SUFFIXES.has(word) ? [] : [clause]);
    });
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
    if ((this.u16[slot * 8 + STATE] as number) < base) {
      this.u16[slot * 8 + STATE] = base;
      this.f32[slot * 4 + SCORE] = 0;
      this.touched[this.touchedCount++] = slot;
    }
  }

  /**
   * Scores the products that match every clause. The rarest clause goes first and alone adds
   * products; a later clause only raises those that matched all before it, so the work done per
   * posting of a common word is one comparison.
   */
  private scoreText(clauses: Clause[]) {
    // A tariff range has no list to count: it goes last, to narrow what the words found.
    const size = (c: Clause) =>
      c.tariff ? Number.POSITIVE_INFINITY : c.words.reduce((n, w) => n + this.postings.count(w.id), 0);
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
      if (c.tariff) this.scoreTariff(c.tariff, clause);
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
    const { f32, u16, best, touched, norm0, norm1, sink } = this;
    const first = clause === 0;
    // The first clause's score is its best spelling so far: with several, a match's key may rise.
    const rises = sink !== null && several && sink.byScore;
    const base = this.epoch * STATES;
    const before = base + clause;
    const within = before + 1;
    let count = this.touchedCount;
    for (let j = from; j < to; j++) {
      const slot = slots[j] as number;
      const r = slot * 4;
      const h = slot * 8;
      let s = u16[h + STATE] as number;
      if (s < base && first) {
        s = base;
        touched[count++] = slot;
      }
      if (s === before) {
        const tf = tfs[j] as number;
        const v = (w * tf) / (tf + norm0 + norm1 * (u16[h + LENGTH] as number));
        u16[h + STATE] = within;
        if (first) f32[r + SCORE] = v;
        else {
          f32[r + SCORE] = (f32[r + SCORE] as number) + v;
          if (several) best[slot] = v;
        }
        if (sink) sink.take(slot);
      } else if (s === within && several) {
        const tf = tfs[j] as number;
        const v = Math.fround((w * tf) / (tf + norm0 + norm1 * (u16[h + LENGTH] as number)));
        if (first) {
          if (v > (f32[r + SCORE] as number)) {
            f32[r + SCORE] = v;
            if (rises) sink.raise(slot);
          }
        } else {
          const was = best[slot] as number;
          if (v > was) {
            f32[r + SCORE] = (f32[r + SCORE] as number) + v - was;
            best[slot] = v;
          }
        }
      }
    }
    this.touchedCount = count;
  }

  /** A tariff prefix's clause: first, it takes the slots of its codes; later, narrows those in the running. */
  private scoreTariff({ from, to }: { from: number; to: number }, clause: number) {
    const { u16, f32, tariff } = this;
    const before = this.epoch * STATES + clause;
    const visit = (slot: number) => {
      const t = tariff[slot] as number;
      if (t < from || t >= to) return;
      if (clause === 0) this.touch(slot);
      if (u16[slot * 8 + STATE] !== before) return;
      u16[slot * 8 + STATE] = before + 1;
      f32[slot * 4 + SCORE] = (f32[slot * 4 + SCORE] as number) + TARIFF_SCORE;
    };
    if (clause === 0) {
      this.tariffOrder.forEachIn(from, to, this.slotCount, this.tariffOf, (slot) => {
        if (this.alive[slot]) visit(slot);
      });
    } else {
      const { touched } = this;
      for (let i = 0, n = this.touchedCount; i < n; i++) visit(touched[i] as number);
    }
  }

  private scoreIdentifiers(ids: IdentifierQuery, need: number) {
    // An exact identifier counts as a match of every word, and outranks any text match.
    const matchedAll = this.epoch * STATES + need;
    const hit = (slot: number) => {
      this.touch(slot);
      this.f32[slot * 4 + SCORE] = (this.f32[slot * 4 + SCORE] as number) + IDENTIFIER_BOOST;
      this.u16[slot * 8 + STATE] = matchedAll;
    };
    const registration = ids.registrationNumber ? registrationKey(ids.registrationNumber) : null;
    const byNumber = registration === null ? [] : this.registrationNumbers.find(registration);
    const byGtin = ids.gtin ? this.gtins.find(gtinKey(ids.gtin)) : [];
    for (const no of [...byNumber, ...byGtin]) {
      const slot = this.slotOfProduct[no] as number;
      if (slot >= 0) hit(slot);
    }
    const { alive, u32, slotCount } = this;
    const producers = ids.nationalId ? this.nationalIds.find(nationalIdKey(ids.nationalId)) : [];
    for (const producer of producers) {
      this.producerOrder.forEachIn(producer, producer + 1, slotCount, this.producerOf, (slot) => {
        if (alive[slot]) hit(slot);
      });
    }
    if (ids.tariff) {
      this.tariffOrder.forEachIn(ids.tariff.from, ids.tariff.to, slotCount, this.tariffOf, (slot) => {
        if (alive[slot] && !producers.includes(u32[slot * 4 + PRODUCER] as number)) hit(slot);
      });
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
    if (found.total < FEW && clauses.length && /\p{L}{3}/u.test(text)) {
      clauses = this.clauses(text, true);
      found = this.collect(q, clauses, text);
    }
    return found;
  }

  private collect(q: Query, clauses: Clause[], text: string): Result {
    if (++this.epoch > MAX_EPOCH) {
      this.forgetQueries();
      this.epoch = 1;
    }
    this.touchedCount = 0;
    const need = clauses.length;
    const { producerId, ...rest } = q.filters ?? {};
    const producer = producerId ? (this.producerIds.numberOf(producerId) ?? -2) : -1;
    this.facets.reset(this.producerIds.size);
    const order = this.order(q);
    const top = new TopK(q.limit + 1, order);
    const collector = new Collector(this.u32, filterBits(rest), producer, this.facets, top, order, q.after);
    const ids = text ? identifiersIn(text) : null;
    // One clause and nothing scored after it: each match is final when its clause has met it (a rise
    // of its score while further spellings are read is followed, except past a cursor).
    const inline = need === 1 && !ids && !(q.after && order.byScore);
    this.sink = inline ? collector : null;
    if (!text) this.matchAll();
    else {
      this.scoreText(clauses);
      if (ids) this.scoreIdentifiers(ids, need);
    }
    this.sink = null;
    if (!inline) {
      const { touched, u16 } = this;
      const matchedAll = this.epoch * STATES + need;
      for (let i = 0; i < this.touchedCount; i++) {
        const slot = touched[i] as number;
        if (u16[slot * 8 + STATE] === matchedAll) collector.take(slot);
      }
    }
    const slots = top.sorted();
    const page = slots.slice(0, q.limit);
    return {
      hits: page.map((slot) => ({
        id: this.productIds.idOf(this.productOf[slot] as number),
        after: top.cursorOf(slot),
      })),
      total: collector.total,
      hasMore: slots.length > q.limit,
      facets: this.facets.result((no) => this.producerIds.idOf(no), this.packedOfProducer),
    };
  }

  private order(q: Query): Order {
    const place = this.place;
    const no = (slot: number) => place[slot] as number;
    if (q.sort === 'newest') {
      const at = this.registeredAt;
      return {
        keys: at,
        stride: 1,
        key: (slot) => at[slot] as number,
        before: (a, b) => {
          const ka = at[a] as number;
          const kb = at[b] as number;
          return ka > kb || (ka === kb && (place[a] as number) < (place[b] as number));
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
          return ka < kb || (ka === kb && (place[a] as number) < (place[b] as number));
        },
        no,
      };
    }
    const f32 = this.f32;
    return {
      keys: f32,
      byScore: true,
      stride: 4,
      key: (slot) => f32[slot * 4 + SCORE] as number,
      before: (a, b) => {
        const ka = f32[a * 4 + SCORE] as number;
        const kb = f32[b * 4 + SCORE] as number;
        return ka > kb || (ka === kb && (place[a] as number) < (place[b] as number));
      },
      no,
    };
  }
}

/**
 * A product's place among products of an equal key, from its id alone, so that every app process
 * orders them alike and a cursor from one continues on another: the first 48 bits of a UUID, or of a
 * SHA-256 of any other id. Two products share them by a chance of 2⁻⁴⁸ a pair (should two of one key, a
 * page ending between them would skip the second).
 */
export function placeOf(id: string): number {
  const hex = id.length === 36 ? `${id.slice(0, 8)}${id.slice(9, 13)}` : '';
  return /^[0-9a-f]{12}$/i.test(hex)
    ? Number.parseInt(hex, 16)
    : createHash('sha256').update(id).digest().readUIntBE(0, 6);
}
