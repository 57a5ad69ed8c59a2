import { fireEvent, screen } from '@testing-library/react';

/** Types into a MUI Autocomplete and clicks the option named `option` in its list. */
export async function pickOption(input: HTMLElement, text: string, option: string | RegExp): Promise<void> {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.click(await screen.findByRole('option', { name: option }, { timeout: 10_000 }));
}

/** Opens a MUI select (a `TextField select`) and chooses `option`. */
export async function chooseSelect(select: HTMLElement, option: string): Promise<void> {
  fireEvent.mouseDown(select);
  fireEvent.click(await screen.findByRole('option', { name: option }));
}
