// Arrow-key navigation inside a group of buttons (the post list, the toolbar): one Tab stop for
// the group, arrows move between its buttons, Home/End jump to the ends.
import type { KeyboardEvent } from 'react';

export function moveFocus(e: KeyboardEvent<HTMLElement>, selector: string, keys: { prev: string; next: string }): void {
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(selector));
  const index = items.findIndex((el) => el === document.activeElement);
  let target = -1;
  if (e.key === keys.next) target = Math.min(items.length - 1, index + 1);
  else if (e.key === keys.prev) target = Math.max(0, index - 1);
  else if (e.key === 'Home') target = 0;
  else if (e.key === 'End') target = items.length - 1;
  if (target < 0 || !items[target]) return;
  e.preventDefault();
  items.forEach((el, i) => (el.tabIndex = i === target ? 0 : -1));
  items[target].focus();
}
