import { Validators, type AbstractControl, type NonNullableFormBuilder, type ValidationErrors } from '@angular/forms';
import type { RoutingRule, RoutingRuleRequest } from '@switchboard/contracts';
import type { BoardPerson } from '../../shared/agent-board.component';
import { fieldErrors } from '../../shared/server-errors';

/** Where a rule sends its chats (seed 003 routes to a queue; seed 002 to chosen agents by priority). */
export type RuleTarget = 'queue' | 'agents';

/** The board's columns map to these priorities (seed 002: high and low). */
export const HIGH_PRIORITY = 1;
export const LOW_PRIORITY = 2;

/** The patterns as typed, one per line; blank lines do not count. */
export function splitPatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function somePattern(control: AbstractControl<string>): ValidationErrors | null {
  return splitPatterns(control.value ?? '').length ? null : { required: true };
}

/** The queue is needed only when the rule sends to a queue. */
function queueWhenTargeted(control: AbstractControl<string>): ValidationErrors | null {
  return control.parent?.get('target')?.value === 'queue' && !control.value ? { required: true } : null;
}

/** The fields of a rule the form holds; its agents and offline recipients are kept by the page. */
export function ruleForm(fb: NonNullableFormBuilder) {
  const form = fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    description: ['', Validators.maxLength(1000)],
    patterns: ['', somePattern],
    target: ['queue' as RuleTarget],
    queueId: ['', queueWhenTargeted],
    layout: ['', Validators.maxLength(100)],
    callClass: ['', Validators.maxLength(100)],
    enabled: [true],
  });
  // queueId's validity depends on the target.
  form.controls.target.valueChanges.subscribe(() => form.controls.queueId.updateValueAndValidity());
  return form;
}

export type RuleForm = ReturnType<typeof ruleForm>;

export function fillRuleForm(form: RuleForm, rule: RoutingRule): void {
  form.reset({
    name: rule.name,
    description: rule.description ?? '',
    patterns: rule.patterns.join('\n'),
    target: rule.queueId || !rule.agents.length ? 'queue' : 'agents',
    queueId: rule.queueId ?? '',
    layout: rule.layout ?? '',
    callClass: rule.callClass ?? '',
    enabled: rule.enabled,
  });
}

/** The board's two columns from a rule's agents; a priority below high (set through the API) shows as low. */
export function boardOf(rule: RoutingRule): BoardPerson[][] {
  const person = ({ agentId, username, fullName }: RoutingRule['agents'][number]): BoardPerson => ({ id: agentId, username, fullName });
  return [rule.agents.filter((agent) => agent.priority <= HIGH_PRIORITY).map(person), rule.agents.filter((agent) => agent.priority > HIGH_PRIORITY).map(person)];
}

export function ruleRequest(form: RuleForm, board: BoardPerson[][], recipientIds: string[]): RoutingRuleRequest {
  const value = form.getRawValue();
  const toQueue = value.target === 'queue';
  const [high = [], low = []] = board;
  return {
    name: value.name.trim(),
    description: value.description.trim() || null,
    patterns: splitPatterns(value.patterns),
    queueId: toQueue ? value.queueId : null,
    agents: toQueue
      ? []
      : [...high.map((person) => ({ agentId: person.id, priority: HIGH_PRIORITY })), ...low.map((person) => ({ agentId: person.id, priority: LOW_PRIORITY }))],
    layout: value.layout.trim() || null,
    callClass: value.callClass.trim() || null,
    offlineRecipientIds: recipientIds,
    enabled: value.enabled,
  };
}

/** A saved rule as a full request again (PUT replaces the whole rule), with changes on top. */
export function requestOf(rule: RoutingRule, changes: Partial<RoutingRuleRequest> = {}): RoutingRuleRequest {
  return {
    name: rule.name,
    description: rule.description,
    patterns: rule.patterns,
    queueId: rule.queueId,
    agents: rule.agents.map(({ agentId, priority }) => ({ agentId, priority })),
    layout: rule.layout,
    callClass: rule.callClass,
    offlineRecipientIds: rule.offlineRecipientIds,
    enabled: rule.enabled,
    ...changes,
  };
}

/** Server messages the form has no control for. */
export interface RuleErrors {
  agents: string;
  offlineRecipientIds: string;
}

function mark(control: AbstractControl, message: string): void {
  control.setErrors({ ...control.errors, server: message });
  control.markAsTouched();
}

/**
 * Puts a failed save's field messages where they belong: `patterns.N` on the patterns box
 * (naming the pattern, since the box holds them all), plain fields on their control, and
 * `agents…` / `offlineRecipientIds…` in the returned messages.
 */
export function applyRuleErrors(form: RuleForm, error: unknown, patterns: readonly string[]): RuleErrors {
  const result: RuleErrors = { agents: '', offlineRecipientIds: '' };
  for (const { field, messages } of fieldErrors(error)) {
    const text = messages.join(' ');
    const pattern = /^patterns(?:\.(\d+))?$/.exec(field);
    if (pattern) {
      const named = pattern[1] === undefined ? undefined : patterns[Number(pattern[1])];
      mark(form.controls.patterns, named === undefined ? text : `"${named}": ${text}`);
    } else if (field === 'agents' || field.startsWith('agents.')) {
      result.agents ||= text;
    } else if (field === 'offlineRecipientIds' || field.startsWith('offlineRecipientIds.')) {
      result.offlineRecipientIds ||= text;
    } else {
      const control = form.get(field);
      if (control) mark(control, text);
    }
  }
  return result;
}
