import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n';
import { rememberFieldLabels } from '../../app/fieldLabels';
import { getProcess, getProcessVersion, type I18nText, type ProcessDefinition } from './api';

/** The process definition, read once per session (it changes only with a new version). */
export function useProcess() {
  return useQuery({
    queryKey: ['process'],
    queryFn: async () => {
      const def = await getProcess();
      rememberFieldLabels(def); // error pop-ups name fields by their labels
      return def;
    },
    staleTime: Infinity,
  });
}

/**
 * The definition a case runs on: running cases keep the version they started with. Stored versions are
 * read by who may (sysadmin, GM); everyone else renders from the current one, which is the same
 * unless a new version was published while the case ran.
 */
export function useCaseProcess(version: number | null | undefined): ProcessDefinition | undefined {
  const current = useProcess().data;
  const other = !!current && typeof version === 'number' && version !== current.version;
  const stored = useQuery({
    queryKey: ['process', 'version', version],
    queryFn: () => getProcessVersion(version as number),
    enabled: other,
    staleTime: Infinity,
  });
  return other ? (stored.data?.definition ?? undefined) : current;
}

/** Steps of a case type, in the definition's order. */
export function stepsOf(def: ProcessDefinition | undefined, caseType?: string): string[] {
  return Object.entries(def?.steps ?? {})
    .filter(([, s]) => !caseType || s.caseType === caseType)
    .map(([k]) => k);
}

/** End states a case type can reach (installed, dropped, lost …), in the definition's order. */
export function endStatesOf(def: ProcessDefinition | undefined, caseType: string): string[] {
  const ends = Object.values(def?.steps ?? {})
    .filter((s) => s.caseType === caseType)
    .flatMap((s) => Object.values(s.outcomes).map((o) => o.end))
    .filter((e): e is string => !!e);
  return [...new Set(ends)];
}

/** Labels from the definition in the current language; unknown keys fall back to the dictionary. */
export function useProcessText() {
  const { lang, tk } = useI18n();
  const def = useProcess().data;
  const pick = useCallback((l: I18nText | undefined) => (l ? l[lang] : undefined), [lang]);
  return {
    def,
    pick,
    step: (key: string | null | undefined) => (key && pick(def?.steps[key]?.label)) || tk('step', key),
    outcome: (step: string, outcome: string) => pick(def?.steps[step]?.outcomes[outcome]?.label) ?? tk('outcome', outcome),
    role: (key: string | null | undefined) => (key && pick((def?.roles as Record<string, { label: I18nText }> | undefined)?.[key]?.label)) || tk('role', key),
    form: (key: string | null | undefined) => (key && pick(def?.forms[key]?.title)) || tk('form', key),
    department: (key: string | null | undefined) => (key && pick((def?.departments as Record<string, { label: I18nText }> | undefined)?.[key]?.label)) || tk('department', key),
    /** the numbered forms (documents), in the definition's order */
    documentForms: Object.entries(def?.forms ?? {}).filter(([, f]) => f.prefix).map(([k]) => k),
    /** the departments that receive copies of documents */
    copyDepartments: [...new Set(Object.values(def?.forms ?? {}).flatMap((f) => f.copies ?? []))],
  };
}

/** The definition's roles and departments (issue 10): the pickers of the users pages list these,
 *  with their labels; a role `like` the partner engineer works for an outsourced company. */
export function useOrganisation() {
  const text = useProcessText();
  const roles = (text.def?.roles ?? {}) as Record<string, { like?: string }>;
  const departments = (text.def?.departments ?? {}) as Record<string, unknown>;
  return {
    roleOptions: Object.keys(roles).map((r) => ({ value: r, label: text.role(r) })),
    departmentOptions: Object.keys(departments).map((d) => ({ value: d, label: text.department(d) })),
    roleLabel: text.role,
    departmentLabel: text.department,
    isPartner: (held: readonly string[] | undefined) => !!held?.some((r) => (roles[r]?.like ?? r) === 'partner_engineer'),
  };
}
