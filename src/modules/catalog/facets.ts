import { hsChapter, PROVINCES } from '../../domain/reference.ts';
import { VALUE_ADDED_BANDS } from '../../domain/registration.ts';

export interface Filters {
  chapter?: string;
  section?: string;
  province?: string;
  isicDivision?: string;
  band?: string;
  producerId?: string;
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

const TOP_PRODUCERS = 20;

const SECTIONS = [
  ...new Set(
    Array.from({ length: 98 }, (_, i) => hsChapter(String(i).padStart(2, '0'))?.section).filter(
      (s) => s !== undefined,
    ),
  ),
];
const sectionNo = new Map(SECTIONS.map((s, i) => [s, i + 1]));
const sectionOfChapter = Array.from(
  { length: 100 },
  (_, c) => sectionNo.get(hsChapter(String(c).padStart(2, '0'))?.section ?? '') ?? 0,
);
const provinceNo = new Map(PROVINCES.map((p, i) => [p.code, i + 1]));
const bandNo = new Map(VALUE_ADDED_BANDS.map((b, i) => [b.id as string, i + 1]));

// Where each facet sits in a product's packed number: [shift, bits]. One number a product keeps the
// facet values together, so a match reads one array instead of five.
const CHAPTER = [0, 7] as const;
const SECTION = [7, 5] as const;
const PROVINCE = [12, 5] as const;
const ISIC = [17, 7] as const;
const BAND = [24, 3] as const;

const field = ([shift, bits]: readonly [number, number], value: number) =>
  (value & ((1 << bits) - 1)) << shift;

/** A product's chapter, section, province, ISIC division and value-added band in one number. */
export function packFacets(tariffCode: string, province: string, isic: string, valueAddedPercent: number) {
  const chapter = Number(tariffCode.slice(0, 2)) || 0;
  return (
    field(CHAPTER, chapter) |
    field(SECTION, sectionOfChapter[chapter] ?? 0) |
    field(PROVINCE, provinceNo.get(province) ?? 0) |
    field(ISIC, Number(isic.slice(0, 2)) || 0) |
    field(BAND, VALUE_ADDED_BANDS.findIndex((b) => valueAddedPercent >= b.min) + 1)
  );
}

/**
 * The filters as one mask and the bits a product must have under it (the producer apart);
 * null when a filter names a value no product can have.
 */
export function filterBits(f: Filters): { mask: number; bits: number } | null {
  let mask = 0;
  let bits = 0;
  const need = (where: readonly [number, number], value: string | undefined, n: number | undefined) => {
    if (value === undefined || value === '') return true;
    if (n === undefined || !Number.isInteger(n) || n < 0 || n >= 1 << where[1]) return false;
    mask |= field(where, -1);
    bits |= field(where, n);
    return true;
  };
  const ok =
    need(CHAPTER, f.chapter, Number(f.chapter)) &&
    need(SECTION, f.section, sectionNo.get(f.section ?? '')) &&
    need(PROVINCE, f.province, provinceNo.get(f.province ?? '')) &&
    need(ISIC, f.isicDivision, Number(f.isicDivision)) &&
    need(BAND, f.band, bandNo.get(f.band ?? ''));
  return ok ? { mask, bits } : null;
}

const increase = (counts: Int32Array, i: number, n: number) => {
  counts[i] = (counts[i] as number) + n;
};

/**
 * Facet counts over a query's matches, in arrays reused from query to query. A match costs two
 * increments: one for its chapter and band together, one for its producer; sections come from the
 * chapters, and provinces and ISIC divisions (a producer's) from the producers.
 */
export class FacetCounter {
  private readonly chapterBand = new Int32Array(1 << (CHAPTER[1] + BAND[1]));
  private producers = new Int32Array(16);
  private touchedProducers = new Int32Array(16);
  private producerCount = 0;
  private readonly top = new Int32Array(TOP_PRODUCERS);

  /** Zero counts for a query over products of up to `producers` producers. */
  reset(producers: number) {
    this.chapterBand.fill(0);
    for (let i = 0; i < this.producerCount; i++) this.producers[this.touchedProducers[i] as number] = 0;
    this.producerCount = 0;
    if (this.producers.length < producers) {
      this.producers = new Int32Array(producers * 2);
      this.touchedProducers = new Int32Array(producers * 2);
    }
  }

  add(packed: number, producer: number) {
    const i = ((packed & 127) << BAND[1]) | ((packed >>> BAND[0]) & 7);
    this.chapterBand[i] = (this.chapterBand[i] as number) + 1;
    const n = (this.producers[producer] as number) + 1;
    this.producers[producer] = n;
    if (n === 1) this.touchedProducers[this.producerCount++] = producer;
  }

  /** `packedOf[p]`: the packed facet values of a product of producer p (its province and division). */
  result(producerId: (no: number) => string, packedOf: Uint32Array): Facets {
    const chapter = new Int32Array(1 << CHAPTER[1]);
    const band = new Int32Array(1 << BAND[1]);
    this.chapterBand.forEach((n, i) => {
      if (!n) return;
      increase(chapter, i >>> BAND[1], n);
      increase(band, i & 7, n);
    });
    const sections = new Int32Array(SECTIONS.length + 1);
    chapter.forEach((n, c) => {
      increase(sections, sectionOfChapter[c] ?? 0, n);
    });
    const province = new Int32Array(1 << PROVINCE[1]);
    const isic = new Int32Array(1 << ISIC[1]);
    for (let i = 0; i < this.producerCount; i++) {
      const p = this.touchedProducers[i] as number;
      const packed = packedOf[p] as number;
      increase(province, (packed >>> PROVINCE[0]) & 31, this.producers[p] as number);
      increase(isic, (packed >>> ISIC[0]) & 127, this.producers[p] as number);
    }
    const list = (counts: Int32Array, label: (i: number) => string | undefined) => {
      const out: FacetCount[] = [];
      for (let i = 1; i < counts.length; i++) {
        const value = label(i);
        if (counts[i] && value) out.push({ value, count: counts[i] as number });
      }
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    };
    const two = (i: number) => String(i).padStart(2, '0');
    return {
      section: list(sections, (i) => SECTIONS[i - 1]),
      chapter: list(chapter, two),
      isicDivision: list(isic, two),
      province: list(province, (i) => PROVINCES[i - 1]?.code),
      band: list(band, (i) => VALUE_ADDED_BANDS[i - 1]?.id),
      producer: this.topProducers(producerId),
    };
  }

  /** The producers with most matches (ties: the first indexed), kept in a short sorted list. */
  private topProducers(producerId: (no: number) => string): FacetCount[] {
    const { top, producers } = this;
    let n = 0;
    const ahead = (a: number, b: number) =>
      (producers[a] as number) > (producers[b] as number) || (producers[a] === producers[b] && a < b);
    for (let i = 0; i < this.producerCount; i++) {
      const p = this.touchedProducers[i] as number;
      if (n === TOP_PRODUCERS && !ahead(p, top[n - 1] as number)) continue;
      let at = n < TOP_PRODUCERS ? n++ : n - 1;
      for (; at > 0 && ahead(p, top[at - 1] as number); at--) top[at] = top[at - 1] as number;
      top[at] = p;
    }
    return Array.from(top.subarray(0, n), (p) => ({
      value: producerId(p),
      count: producers[p] as number,
    }));
  }
}
