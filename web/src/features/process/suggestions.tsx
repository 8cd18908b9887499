// Values a page suggests for the open step's form (issue 17: the engineering panel's channel
// count into the equipment list, the saving and investment into the proposal). The page posts a
// suggestion for a step; the step's form takes it in: a `lines` value is appended to the rows,
// any other value replaces the field's. Field names follow the wire body (`['form', key]`).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Form } from 'antd';

export interface Suggestion {
  step: string;
  values: Record<string, unknown>;
  /** a new suggestion each time the user asks, even with the same values */
  nonce: number;
}

interface Ctx {
  suggestion: Suggestion | undefined;
  suggest: (step: string, values: Record<string, unknown>) => void;
}

const SuggestionsContext = createContext<Ctx>({ suggestion: undefined, suggest: () => undefined });

export function SuggestionsProvider({ children }: { children: ReactNode }) {
  const [suggestion, setSuggestion] = useState<Suggestion>();
  const suggest = useCallback((step: string, values: Record<string, unknown>) => setSuggestion({ step, values, nonce: Date.now() + Math.random() }), []);
  const value = useMemo(() => ({ suggestion, suggest }), [suggestion, suggest]);
  return <SuggestionsContext.Provider value={value}>{children}</SuggestionsContext.Provider>;
}

/** Post a suggestion for a step's form. */
export const useSuggest = () => useContext(SuggestionsContext).suggest;

const emptyRow = (r: unknown) => !r || (typeof r === 'object' && Object.values(r as Record<string, unknown>).every((v) => v === undefined || v === '' || v === null));

/** Inside a step's Form: takes in the suggestions posted for that step. */
export function ApplySuggestions({ step }: { step: string }) {
  const form = Form.useFormInstance();
  const { suggestion } = useContext(SuggestionsContext);
  useEffect(() => {
    if (!suggestion || suggestion.step !== step) return;
    for (const [key, value] of Object.entries(suggestion.values)) {
      if (value === undefined || value === null) continue;
      const name = ['form', key];
      if (Array.isArray(value)) {
        // keep the rows typed so far, drop blank ones (a fresh form starts with one blank row)
        const rows = ((form.getFieldValue(name) as unknown[] | undefined) ?? []).filter((r) => !emptyRow(r) && !(typeof r === 'object' && r && Object.keys(r).length === 1 && 'quantity' in r));
        form.setFieldValue(name, [...rows, ...value]);
      } else form.setFieldValue(name, value);
    }
    // apply each suggestion once
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestion?.nonce]);
  return null;
}
