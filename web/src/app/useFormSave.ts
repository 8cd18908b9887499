// A form saved to the server: the one save handler of the app's modals and forms.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { ErrorDetail } from './api';
import { applyServerErrors, validated } from './formErrors';

/** Saves a form's values through `save`; a refusal leaves what was typed and puts the server's
 *  errors on the fields they name (`unmatched` holds the rest), success calls `done`. */
export function useFormSave<V>(form: FormInstance<V>, save: (v: V) => Promise<unknown>, done: () => void) {
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<ErrorDetail[]>([]);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    setUnmatched([]);
    try {
      await save(v);
      done();
    } catch (e) {
      setUnmatched(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, unmatched, submit, clear: () => setUnmatched([]) };
}
