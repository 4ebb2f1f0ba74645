import { describe, expect, it } from 'vitest';
import { withoutTrailingSlash } from '../app.js';

describe('withoutTrailingSlash', () => {
  it('drops the trailing slash and keeps the query', () => {
    expect(withoutTrailingSlash('/ordbog/')).toBe('/ordbog');
    expect(withoutTrailingSlash('/blog/?side=2')).toBe('/blog?side=2');
    expect(withoutTrailingSlash('/ordbog')).toBeNull();
    expect(withoutTrailingSlash('/')).toBeNull();
  });

  it.each(['//evil.example/', '///evil.example/', '/\\evil.example/', '\\\\evil.example/', '/\\/evil.example/'])(
    'never redirects %j to another site',
    (url) => {
      const target = withoutTrailingSlash(url)!;
      expect(target.startsWith('/')).toBe(true);
      expect(target).not.toMatch(/^\/[/\\]/);
    },
  );
});
