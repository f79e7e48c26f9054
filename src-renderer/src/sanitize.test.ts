import { describe, expect, it } from 'vitest';
import { demoteHeadings } from './sanitize.ts';

describe('demoteHeadings', () => {
  it('moves every heading down, never past h6, and leaves other tags alone', () => {
    expect(demoteHeadings('<h1 id="t">Title</h1><p>x</p><h2>Sub</h2><h5>deep</h5><hr><header>h</header>', 2)).toBe(
      '<h3 id="t">Title</h3><p>x</p><h4>Sub</h4><h6>deep</h6><hr><header>h</header>',
    );
  });
});
