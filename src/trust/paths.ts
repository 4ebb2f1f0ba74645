/** The trust pages' addresses: the footer (web/layout.tsx) links to the same four. */
export const TRUST_PATHS = {
  about: '/om',
  contact: '/kontakt',
  privacy: '/privatliv',
  editorial: '/redaktionel-politik',
} as const;
