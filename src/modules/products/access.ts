import { type Ctx, isMinistry, type Viewer } from '../../context.ts';
import * as producers from '../producers/service.ts';
import type { Product } from './repo.ts';

/** What a viewer may know of a product beyond its public part: its unit's members and the ministry see all. */
export async function canSeePrivate(ctx: Ctx, viewer: Viewer, p: Product) {
  return isMinistry(viewer) || producers.isMemberOf(ctx.db, p.producerId, viewer);
}
