// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeBlock } from './code-block.js';
import { NotFoundPage } from './not-found-page.js';
import { Page } from './page.js';
import { TagChips } from './tag-chips.js';

afterEach(cleanup);

describe('CodeBlock', () => {
  it('shows YAML verbatim, markup included, as text', () => {
    const yaml = 'metadata:\n  name: petstore\n  description: <script>alert(1)</script>';
    render(<CodeBlock language="yaml" code={yaml} />);
    expect(document.querySelector('pre code')?.textContent).toBe(yaml);
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('yaml')).toBeTruthy();
  });
});

describe('TagChips', () => {
  it('renders a chip per tag and reports clicks', () => {
    const onSelect = vi.fn();
    render(<TagChips tags={['java', 'payments']} onSelect={onSelect} />);
    fireEvent.click(screen.getByText('payments'));
    expect(onSelect).toHaveBeenCalledWith('payments');
  });
});

describe('Page and NotFoundPage', () => {
  it('render a titled page and a not-found page naming the path', () => {
    render(
      <MemoryRouter initialEntries={['/gone']}>
        <Page title="Catalog" subtitle="All components">
          <NotFoundPage />
        </Page>
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Catalog' })).toBeTruthy();
    expect(screen.getByText('/gone')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go home' }).getAttribute('href')).toBe('/');
  });
});
