import type { Viewer } from '../context.ts';
import type { Lang } from '../i18n/index.ts';

/** Variables Hono middleware sets on each request. */
export interface Env {
  Variables: {
    user: Viewer;
    lang: Lang;
    session: { tokenHash: Uint8Array; csrfToken: string } | null;
  };
}
