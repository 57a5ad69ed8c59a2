// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown.js';

afterEach(cleanup);

describe('Markdown', () => {
  it('renders markdown but never raw HTML or script links', async () => {
    const source = [
      '# Title',
      '',
      'Some **bold** text. <img src=x onerror="alert(1)"> <script>alert(2)</script>',
      '',
      '[safe](https://example.com) and [evil](javascript:alert(3))',
    ].join('\n');
    render(
      <MemoryRouter>
        <Markdown>{source}</Markdown>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Title' })).toBeTruthy();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    const html = document.body.innerHTML;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
    expect(screen.getByRole('link', { name: 'safe' }).getAttribute('href')).toBe('https://example.com');
    expect(screen.queryByRole('link', { name: 'evil' })).toBeNull();
    expect(screen.getByText('evil')).toBeTruthy();
  });
});
