// Asks "save, discard or cancel?" before something would throw away unsaved changes, as a
// promise, so callers read top to bottom: `if (await confirmLeave()) switchPost()`.
import { useCallback, useRef, useState } from 'react';

export type LeaveChoice = 'save' | 'discard' | 'cancel';

export interface LeavePrompt {
  /** The question on screen, or null when none is. */
  question: string | null;
  answer(choice: LeaveChoice): void;
  ask(question: string): Promise<LeaveChoice>;
}

export function useLeavePrompt(): LeavePrompt {
  const [question, setQuestion] = useState<string | null>(null);
  const resolver = useRef<((c: LeaveChoice) => void) | null>(null);

  const ask = useCallback((q: string) => {
    resolver.current?.('cancel');
    setQuestion(q);
    return new Promise<LeaveChoice>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = useCallback((choice: LeaveChoice) => {
    const r = resolver.current;
    resolver.current = null;
    setQuestion(null);
    r?.(choice);
  }, []);

  return { question, ask, answer };
}
