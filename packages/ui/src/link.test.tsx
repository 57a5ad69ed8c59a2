// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from './link.js';
import { classifyUrl } from './safe-url.js';

afterEach(cleanup);

describe('classifyUrl', () => {
  it.each([
    ['/catalog', 'internal'],
    ['docs/readme', 'internal'],
    ['#section', 'internal'],
    ['https://example.com/x', 'external'],
    ['http://example.com', 'external'],
    ['//example.com', 'external'],
    ['mailto:team@example.com', 'mail'],
    ['javascript:alert(1)', 'unsafe'],
    ['JaVaScRiPt:alert(1)', 'unsafe'],
    [' javascript:alert(1)', 'unsafe'],
    ['java\tscript:alert(1)', 'unsafe'],
    ['data:text/html,<script>alert(1)</script>', 'unsafe'],
    ['vbscript:msgbox', 'unsafe'],
    ['http://[bad', 'unsafe'],
  ])('classifies %j as %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});

describe('Link', () => {
  const renderLink = (to: string, text = 'go') =>
    render(
      <MemoryRouter>
        <Link to={to}>{text}</Link>
      </MemoryRouter>,
    );

  it('renders app paths as router links', () => {
    renderLink('/catalog');
    expect(screen.getByRole('link', { name: 'go' }).getAttribute('href')).toBe('/catalog');
  });

  it('opens http(s) links in a new tab without an opener', () => {
    renderLink('https://example.com');
    const link = screen.getByRole('link', { name: 'go' });
    expect(link.getAttribute('href')).toBe('https://example.com');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows javascript: targets as text, never as a link', () => {
    renderLink('javascript:alert(document.cookie)', 'click me');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('click me').tagName).toBe('SPAN');
    expect(document.body.innerHTML).not.toContain('href="javascript');
  });

  it('shows the address itself when there is no label', () => {
    render(
      <MemoryRouter>
        <Link to="javascript:void(0)" />
      </MemoryRouter>,
    );
    expect(screen.getByText('javascript:void(0)')).toBeTruthy();
  });
});
