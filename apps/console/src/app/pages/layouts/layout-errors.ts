import { HttpErrorResponse } from '@angular/common/http';
import type { MatDialog } from '@angular/material/dialog';
import type { ChatLayout } from '@switchboard/contracts';
import { errorMessage } from '../../core/error.interceptor';
import { confirm } from '../../shared/confirm-dialog.component';
import { fieldErrors } from '../../shared/server-errors';

/**
 * The API's words about a template it refused ("Line 3: Parse error on line 3: …"), or its
 * general message when it named no field.
 */
export function templateProblem(error: unknown): string {
  const field = fieldErrors(error).find((entry) => entry.field === 'template');
  if (field) return field.messages.join(' ');
  return error instanceof HttpErrorResponse ? errorMessage(error) : 'The template could not be checked.';
}

/** The line a problem names, to take the user there; null when it names none. */
export function problemLine(problem: string | null): number | null {
  const line = problem ? /^Line (\d+):/.exec(problem)?.[1] : undefined;
  return line ? Number(line) : null;
}

/** The question before a layout goes. */
export function confirmLayoutRemoval(dialog: MatDialog, layout: Pick<ChatLayout, 'name'>): Promise<boolean> {
  return confirm(dialog, {
    title: 'Delete layout',
    message: `Delete the layout ${layout.name}? Sites that use it show the default layout instead.`,
    confirm: 'Delete',
    danger: true,
  });
}

/** Where a line (1-based) of a text starts and ends, to select it in a textarea. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}
