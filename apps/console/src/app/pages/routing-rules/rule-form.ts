import { Validators, type AbstractControl, type NonNullableFormBuilder, type ValidationErrors } from '@angular/forms';
import type { RoutingRule, RoutingRuleRequest } from '@switchboard/contracts';
import type { BoardPerson } from '../../shared/agent-board.component';
import { priorityAgents } from '../../shared/priority-board';
import { fieldErrors, markServerError } from '../../shared/server-errors';
import { splitLines } from '../../shared/text-lines';

/** Where a rule sends its chats (seed 003 routes to a queue; seed 002 to chosen agents by priority). */
export type RuleTarget = 'queue' | 'agents';

function somePattern(control: AbstractControl<string>): ValidationErrors | null {
  return splitLines(control.value ?? '').length ? null : { required: true };
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

export function ruleRequest(form: RuleForm, board: BoardPerson[][], recipientIds: string[]): RoutingRuleRequest {
  const value = form.getRawValue();
  const toQueue = value.target === 'queue';
  return {
    name: value.name.trim(),
    description: value.description.trim() || null,
    patterns: splitLines(value.patterns),
    queueId: toQueue ? value.queueId : null,
    agents: toQueue ? [] : priorityAgents(board),
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
      markServerError(form.controls.patterns, named === undefined ? text : `"${named}": ${text}`);
    } else if (field === 'agents' || field.startsWith('agents.')) {
      result.agents ||= text;
    } else if (field === 'offlineRecipientIds' || field.startsWith('offlineRecipientIds.')) {
      result.offlineRecipientIds ||= text;
    } else {
      const control = form.get(field);
      if (control) markServerError(control, text);
    }
  }
  return result;
}
